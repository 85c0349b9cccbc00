package uk.attendance.notify.outbox;

import uk.attendance.notify.push.DeviceService;
import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.push.PushMessage;
import uk.attendance.notify.text.FakeTwilio;
import uk.attendance.notify.text.SmsSender;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.caller.Caller;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.notify.outbox.OutboxRecord.Status;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox against the real database, with the real Twilio and Firebase SDKs talking to {@link FakeTwilio} and
 * {@link FakeFcm}: written in the caller's transaction, stored once per dedupe key, sent once, retried with backoff.
 * The scheduled poller is off: the test drains by hand with the clock where it wants it.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
@Property(name = "attendance.public-url", value = "https://attendance.example.org/")
@Property(name = "attendance.outbox.poller", value = "false")
@Property(name = "attendance.outbox.retry-base", value = "30s")
@Property(name = "attendance.outbox.retry-cap", value = "100s")
@Property(name = "attendance.outbox.max-attempts", value = "4")
class OutboxTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-12-03T09:30:00Z"));

    @Inject
    Outbox outbox;
    @Inject
    OutboxWorker worker;
    @Inject
    FakeTwilio twilio;
    @Inject
    FakeFcm fcm;
    @Inject
    SignInFixture fixture;
    @Inject
    DeviceService devices;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    OutboxRepository rows;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    @BeforeEach
    void drainLeftovers() {
        // rows of other tests (this database is shared) must not be due in the middle of this one
        CLOCK.advance(Duration.ofDays(1));
        worker.drain();
    }

    @Test
    void aTextIsSentOnceThroughTheTwilioSdkWithTheStatusCallbackAndMarkedSentWithItsSid() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");

        Outbox.Enqueued enqueued = outbox.enqueue(OutboxMessage.text(key, "test-text", mobile,
                "Sam has not arrived at school today. Reply to tell us why.", About.pupil(1, 101)));
        assertTrue(enqueued.created());
        assertEquals(Status.PENDING, row(key).status());
        assertEquals(List.of(), twilio.textsTo(mobile), "nothing is sent before a worker runs");

        worker.drain();
        worker.drain();

        List<FakeTwilio.Received> texts = twilio.textsTo(mobile);
        assertEquals(1, texts.size());
        assertEquals("Sam has not arrived at school today. Reply to tell us why.", texts.get(0).body());
        assertEquals(FakeTwilio.FROM_NUMBER, texts.get(0).from());
        assertEquals("https://attendance.example.org/webhooks/twilio/status", texts.get(0).form().get("StatusCallback"));
        OutboxRecord sent = row(key);
        assertEquals(Status.SENT, sent.status());
        assertEquals(1, sent.attempts());
        assertTrue(sent.providerRef().startsWith("SM"), sent.providerRef());
        assertEquals(now(), sent.sentAt());
        assertNull(sent.lastError());
    }

    @Test
    void theSameDecisionTwiceIsOneRowAndOneText() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        OutboxMessage message = OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", About.NOTHING);

        Outbox.Enqueued first = outbox.enqueue(message);
        Outbox.Enqueued second = outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam today?",
                About.NOTHING));
        worker.drain();
        Outbox.Enqueued afterSending = outbox.enqueue(message);

        assertTrue(first.created());
        assertFalse(second.created());
        assertFalse(afterSending.created());
        assertEquals(first.id(), second.id());
        assertEquals(first.id(), afterSending.id());
        worker.drain();
        assertEquals(1, twilio.textsTo(mobile).size());
        assertEquals("Where is Sam?", twilio.textsTo(mobile).get(0).body(), "the first decision's text");
    }

    @Test
    void theMessageJoinsTheCallersTransactionSoARolledBackDecisionLeavesNoRow() {
        String mobile = SignInFixture.uniqueMobile();
        String rolledBack = key("rolled-back");
        String committed = key("committed");

        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            outbox.enqueue(OutboxMessage.text(rolledBack, "test-text", mobile, "Where is Sam?", About.NOTHING));
            assertTrue(outbox.byDedupeKey(rolledBack).isPresent(), "visible inside the deciding transaction");
            throw new IllegalStateException("the decision fails after the message was written");
        }));
        transactions.executeWrite(status -> outbox.enqueue(
                OutboxMessage.text(committed, "test-text", mobile, "Where is Sam?", About.NOTHING)));

        assertEquals(Optional.empty(), outbox.byDedupeKey(rolledBack));
        assertTrue(outbox.byDedupeKey(committed).isPresent());
        worker.drain();
        assertEquals(1, twilio.textsTo(mobile).size());
    }

    @Test
    void twilioAnswers500Then201TheTextIsSentOnceAfterARetryThatWaitsForTheBackoff() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        twilio.failNextTextsTo(mobile, 1, 500, 20500);
        outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", About.NOTHING));

        worker.drain();

        assertEquals(1, twilio.textsTo(mobile).size(), "one request (the SDK does not retry by itself)");
        assertEquals(0, twilio.acceptedTextsTo(mobile));
        OutboxRecord failedOnce = row(key);
        assertEquals(Status.PENDING, failedOnce.status());
        assertEquals(1, failedOnce.attempts());
        assertEquals("TWILIO_20500", failedOnce.lastError());
        assertEquals(now().plusSeconds(30), failedOnce.nextAttemptAt());

        worker.drain();
        CLOCK.advance(Duration.ofSeconds(29));
        worker.drain();
        assertEquals(1, twilio.textsTo(mobile).size(), "not tried again before the backoff has passed");

        CLOCK.advance(Duration.ofSeconds(1));
        worker.drain();
        worker.drain();

        assertEquals(2, twilio.textsTo(mobile).size());
        assertEquals(1, twilio.acceptedTextsTo(mobile), "sent exactly once");
        OutboxRecord sent = row(key);
        assertEquals(Status.SENT, sent.status());
        assertEquals(2, sent.attempts());
        assertTrue(sent.providerRef().startsWith("SM"));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndAreGivenUpAfterTheLastAttempt() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        twilio.failNextTextsTo(mobile, 10, 503, 20503);
        outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", About.NOTHING));

        List<Long> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            worker.drain();
            OutboxRecord r = row(key);
            assertEquals(Status.PENDING, r.status());
            assertEquals(attempt, r.attempts());
            waits.add(Duration.between(now(), r.nextAttemptAt()).toSeconds());
            CLOCK.advance(Duration.between(now(), r.nextAttemptAt()));
        }
        worker.drain();

        assertEquals(List.of(30L, 60L, 100L), waits, "30 s, doubled, capped at 100 s");
        OutboxRecord given = row(key);
        assertEquals(Status.FAILED, given.status());
        assertEquals(4, given.attempts());
        assertEquals("TWILIO_20503", given.lastError());
        CLOCK.advance(Duration.ofHours(1));
        worker.drain();
        assertEquals(4, twilio.textsTo(mobile).size(), "nothing after giving up");
    }

    @Test
    void aRowAnotherWorkerHoldsIsSkippedNotWaitedForAndIsStillPendingWhenThatWorkerDies() throws Exception {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", About.NOTHING));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch die = new CountDownLatch(1);
        ExecutorService otherWorker = Executors.newSingleThreadExecutor();
        Future<?> holder = otherWorker.submit(() -> transactions.executeWrite(status -> {
            List<OutboxRecord> mine = rows.claimDue(now(), 1000);
            assertTrue(mine.stream().anyMatch(r -> r.dedupeKey().equals(key)));
            claimed.countDown();
            await(die);
            throw new IllegalStateException("killed before its commit");
        }));
        try {
            assertTrue(claimed.await(10, TimeUnit.SECONDS));
            long started = System.nanoTime();
            worker.drain();
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "skipped, not waited for");
            assertEquals(List.of(), twilio.textsTo(mobile), "not sent while another worker holds it");
        } finally {
            die.countDown();
            otherWorker.shutdown();
        }
        assertThrows(ExecutionException.class, holder::get);

        assertEquals(Status.PENDING, row(key).status());
        assertEquals(0, row(key).attempts());
        worker.drain();
        assertEquals(1, twilio.textsTo(mobile).size());
        assertEquals(Status.SENT, row(key).status());
    }

    @Test
    void aWorkerThatDiesAfterTwilioTookTheTextLeavesItToTheNextWhichFindsItInTwiliosLogAndDoesNotSendItAgain() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        // an earlier text to the same number with the same body, already recorded: not this row's
        String earlierKey = key("test-text");
        outbox.enqueue(OutboxMessage.text(earlierKey, "test-text", mobile, "Where is Sam?", About.NOTHING));
        worker.drain();
        assertEquals(1, twilio.textsTo(mobile).size());
        String earlierSid = row(earlierKey).providerRef();
        String cutKey = key;
        outbox.enqueue(OutboxMessage.text(cutKey, "test-text", mobile, "Where is Sam?", About.NOTHING));
        String takenSid = dieMidHandover(cutKey, true);

        assertEquals(Status.PENDING, row(cutKey).status(), "the dead worker's transaction rolled back");
        assertEquals(2, twilio.textsTo(mobile).size(), "Twilio took the cut text");
        long readsBefore = logReads();
        worker.drain();
        assertEquals(2, twilio.textsTo(mobile).size(), "not sent again");
        OutboxRecord settled = row(cutKey);
        assertEquals(Status.SENT, settled.status());
        assertEquals(takenSid, settled.providerRef(), "the text Twilio took, not the earlier one " + earlierSid);
        assertEquals(readsBefore + 1, logReads(), "Twilio's log was read once");
        assertEquals(0, handovers(cutKey));
    }

    @Test
    void aWorkerThatDiesBeforeTheRequestLeftLeavesATextTheNextSendsOnce() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", About.NOTHING));

        dieMidHandover(key, false);

        assertEquals(List.of(), twilio.textsTo(mobile));
        assertEquals(1, handovers(key), "the handover mark outlived the dead worker's transaction");
        worker.drain();
        worker.drain();
        assertEquals(1, twilio.textsTo(mobile).size(), "sent once, after Twilio's log showed nothing");
        assertEquals(Status.SENT, row(key).status());
        assertEquals(0, handovers(key));
    }

    @Test
    void aTextTwilioRefusedIsNoCutHandoverAndARetrySendsWithoutReadingTheLog() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", About.NOTHING));
        twilio.failNextTextsTo(mobile, 1, 500, 20500);
        worker.drain();
        assertEquals(0, handovers(key), "Twilio answered: it did not take the text");
        long listsBefore = logReads();
        CLOCK.advance(Duration.ofMinutes(5));
        worker.drain();
        assertEquals(listsBefore, logReads());
        assertEquals(2, twilio.textsTo(mobile).size());
        assertEquals(1, twilio.acceptedTextsTo(mobile));
        assertEquals(Status.SENT, row(key).status());
    }

    @Inject
    TextHandovers handoverMarks;
    @Inject
    SmsSender sms;

    /**
     * A worker claims the row, commits its handover mark, hands the text to Twilio when {@code twilioTakesIt}, then dies
     * before recording the outcome (its transaction rolls back, as the database does for a killed process).
     *
     * @return the SID Twilio gave the text, or null
     */
    private String dieMidHandover(String key, boolean twilioTakesIt) {
        String[] sid = new String[1];
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            OutboxRecord mine = rows.claimDue(now(), 1000).stream().filter(r -> r.dedupeKey().equals(key)).findFirst()
                    .orElseThrow();
            handoverMarks.begin(List.of(mine), now());
            if (twilioTakesIt) {
                sid[0] = sms.send(mine.toNumber(), mine.body()).reference();
            }
            throw new IllegalStateException("killed before its commit");
        }));
        return sid[0];
    }

    private long handovers(String key) {
        long id = row(key).id();
        return transactions.executeRead(status -> handoverMarks.cutAmong(List.of(id)).size());
    }

    private long logReads() {
        return twilio.requests().stream().filter(r -> "GET".equals(r.method()) && r.path().endsWith("/Messages.json")).count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNumberTwilioRejectsFailsAtOnceWithoutRetries() {
        String mobile = SignInFixture.uniqueMobile();
        String key = key("test-text");
        twilio.failNextTextsTo(mobile, 1, 400, 21211);
        outbox.enqueue(OutboxMessage.text(key, "test-text", mobile, "Where is Sam?", About.NOTHING));

        worker.drain();
        CLOCK.advance(Duration.ofHours(1));
        worker.drain();

        OutboxRecord failed = row(key);
        assertEquals(Status.FAILED, failed.status());
        assertEquals(1, failed.attempts());
        assertEquals("TWILIO_21211", failed.lastError());
        assertFalse(failed.lastError().contains(mobile.substring(3)));
        assertEquals(1, twilio.textsTo(mobile).size());
    }

    @Test
    void aPushGoesThroughTheFirebaseSdkToEveryDeviceOfThePerson() {
        SignInFixture.Parent parent = fixture.parent();
        String phone = register(parent, "ANDROID");
        String tablet = register(parent, "IOS");
        String key = key("call-task");

        outbox.enqueue(OutboxMessage.push(key, "call-task", Caller.Kind.PARENT, parent.id(),
                new PushMessage("Sam is not in school", "Open the app to tell us why", Map.of("pupilId", "101")),
                About.pupil(1, 101)));
        worker.drain();

        assertEquals(1, fcm.sentTo(phone).size());
        assertEquals(1, fcm.sentTo(tablet).size());
        assertEquals(Map.of("pupilId", "101"), fcm.sentTo(phone).get(0).data());
        assertEquals("Open the app to tell us why", fcm.sentTo(phone).get(0).body());
        OutboxRecord sent = row(key);
        assertEquals(Status.SENT, sent.status());
        assertEquals(2, sent.devicesReached());
    }

    @Test
    void aPushToSomeoneWithoutDevicesOrOnlyDeadTokensIsGivenUpAndDeadTokensAreForgotten() {
        SignInFixture.Parent noDevices = fixture.parent();
        SignInFixture.Parent uninstalled = fixture.parent();
        String dead = register(uninstalled, "ANDROID");
        fcm.reject(dead, FakeFcm.UNREGISTERED);
        String none = key("call-task");
        String stale = key("call-task");
        PushMessage push = new PushMessage("Sam is not in school", "Open the app to tell us why");

        outbox.enqueue(OutboxMessage.push(none, "call-task", Caller.Kind.PARENT, noDevices.id(), push, About.NOTHING));
        outbox.enqueue(OutboxMessage.push(stale, "call-task", Caller.Kind.PARENT, uninstalled.id(), push, About.NOTHING));
        worker.drain();

        assertEquals(Status.FAILED, row(none).status());
        assertEquals("NO_DEVICES", row(none).lastError());
        assertEquals(Status.FAILED, row(stale).status());
        assertEquals("NO_VALID_DEVICES", row(stale).lastError());
        assertEquals(List.of(), devices.devicesOf(Caller.Kind.PARENT, uninstalled.id()), "the dead token is removed");
    }

    @Test
    void aPushFirebaseCannotTakeNowIsTriedAgainLater() {
        SignInFixture.Parent parent = fixture.parent();
        String token = register(parent, "WEB");
        fcm.reject(token, FakeFcm.QUOTA_EXCEEDED);
        String key = key("call-task");
        outbox.enqueue(OutboxMessage.push(key, "call-task", Caller.Kind.PARENT, parent.id(),
                new PushMessage("Sam is not in school", "Open the app"), About.NOTHING));

        worker.drain();
        assertEquals(Status.PENDING, row(key).status());
        assertEquals("QUOTA_EXCEEDED", row(key).lastError());

        fcm.reset();
        CLOCK.advance(Duration.ofSeconds(30));
        worker.drain();
        assertEquals(Status.SENT, row(key).status());
        assertEquals(2, row(key).attempts());
        assertEquals(1, fcm.sentTo(token).size());
    }

    @Test
    void aMessageThatCouldNotBeSentIsRefusedBeforeItIsStored() {
        assertThrows(IllegalArgumentException.class, () -> OutboxMessage.text("k " + UUID.randomUUID(), "test-text",
                "+447700900123", "Hi", About.NOTHING), "a key with a space");
        assertThrows(IllegalArgumentException.class, () -> OutboxMessage.text(key("x"), "Morning Text",
                "+447700900123", "Hi", About.NOTHING), "a purpose that is not a slug");
        IllegalArgumentException badNumber = assertThrows(IllegalArgumentException.class,
                () -> OutboxMessage.text(key("x"), "test-text", "07700 900123", "Hi", About.NOTHING));
        assertFalse(badNumber.getMessage().contains("900123"), "the number is not echoed");
        assertThrows(IllegalArgumentException.class, () -> OutboxMessage.text(key("x"), "test-text",
                "+447700900123", "x".repeat(1601), About.NOTHING));
    }

    private String register(SignInFixture.Parent parent, String platform) {
        String token = "fcm-" + UUID.randomUUID();
        devices.register(new Caller(Caller.Kind.PARENT, parent.id(), parent.trustId(), Optional.empty(),
                Set.of(Roles.PARENT), "Pat Parent", ""), token, platform, null);
        return token;
    }

    private OutboxRecord row(String key) {
        return outbox.byDedupeKey(key).orElseThrow();
    }

    private static String key(String purpose) {
        return "test:" + purpose + ":" + UUID.randomUUID();
    }

    private static LocalDateTime now() {
        return LocalDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
    }
}
