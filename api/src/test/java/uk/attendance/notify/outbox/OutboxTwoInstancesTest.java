package uk.attendance.notify.outbox;

import uk.attendance.notify.text.FakeTwilio;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.attendance.auth.SignInFixture;
import uk.attendance.notify.outbox.OutboxMessage.About;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application instances on one database (this test's context and a second one started beside it, each with its own
 * fake Twilio) make the same decisions and drain the outbox at the same time, two threads each: every text is stored
 * once and sent once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.clock.fixed", value = OutboxTwoInstancesTest.NOW)
@Property(name = "attendance.outbox.poller", value = "false")
class OutboxTwoInstancesTest {
    static final String NOW = "2025-12-03T09:30:00Z";
    private static final int TEXTS = 40;

    @Inject
    Outbox outbox;
    @Inject
    OutboxWorker worker;
    @Inject
    FakeTwilio twilio;

    ApplicationContext other;

    @BeforeAll
    void startTheSecondInstance() {
        other = ApplicationContext.builder()
                .environments(Environment.TEST)
                .properties(Map.of(
                        "attendance.twilio.account-sid", FakeTwilio.ACCOUNT_SID,
                        "attendance.twilio.auth-token", FakeTwilio.AUTH_TOKEN,
                        "attendance.twilio.from-number", FakeTwilio.FROM_NUMBER,
                        "attendance.clock.fixed", NOW,
                        "attendance.outbox.poller", "false",
                        "micronaut.server.port", "-1"))
                .start();
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void bothInstancesDecideTheSameTextsAndDrainTogetherEachTextIsSentOnce() throws Exception {
        Outbox otherOutbox = other.getBean(Outbox.class);
        OutboxWorker otherWorker = other.getBean(OutboxWorker.class);
        FakeTwilio otherTwilio = other.getBean(FakeTwilio.class);
        assertFalse(otherTwilio == twilio, "two instances, two fakes");
        twilio.answerAfter(Duration.ofMillis(15));
        otherTwilio.answerAfter(Duration.ofMillis(15));

        List<String> mobiles = new ArrayList<>();
        int stored = 0;
        for (int i = 0; i < TEXTS; i++) {
            String mobile = SignInFixture.uniqueMobile();
            mobiles.add(mobile);
            String key = "text:pupil:" + mobile.substring(4) + ":2025-12-03:morning-text:contact:1";
            OutboxMessage message = OutboxMessage.text(key, "morning-text", mobile, "Where is Sam?", About.NOTHING);
            // both instances' sweeps reach the same decision, in either order
            Outbox first = i % 2 == 0 ? outbox : otherOutbox;
            Outbox second = i % 2 == 0 ? otherOutbox : outbox;
            stored += (first.enqueue(message).created() ? 1 : 0) + (second.enqueue(message).created() ? 1 : 0);
        }
        assertEquals(TEXTS, stored, "one row per decision");

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> drains = List.of(worker::drain, worker::drain, otherWorker::drain, otherWorker::drain);
            for (Future<Integer> done : threads.invokeAll(drains)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
            twilio.answerAfter(Duration.ZERO);
            otherTwilio.answerAfter(Duration.ZERO);
        }

        int here = 0;
        int there = 0;
        for (String mobile : mobiles) {
            int a = twilio.textsTo(mobile).size();
            int b = otherTwilio.textsTo(mobile).size();
            assertEquals(1, a + b, "one text to each number");
            here += a;
            there += b;
        }
        assertTrue(here > 0 && there > 0, "both instances sent some (" + here + " here, " + there + " there)");
    }
}
