package uk.attendance.e2e;

import org.junit.jupiter.api.Test;
import uk.attendance.notify.text.FakeTwilio;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, must-show 4: the packaged app is killed with SIGKILL in the middle of the 09:30 text sweep of 1 000
 * unexplained pupils (two schools of 500 on roll, none with a morning mark) and started again: every pupil's family gets
 * exactly one text.
 * <p>
 * The fake Twilio takes a text when the request reaches it, answered or not (as Twilio would), and answers after
 * 5–20 ms, so the kill nearly always lands with texts in flight: taken by Twilio, their SENT mark never committed. Each
 * had a handover mark committed before its request ({@code TextHandovers}); after the restart the outbox finds those
 * rows PENDING with a mark, reads the fake's Messages list for the number and records the text it finds there instead
 * of sending it again. The test prints how many texts were in flight at the kill. A graceful stop ({@code SIGTERM}, a
 * deploy) finishes the texts in flight first ({@link #aStopMidSweepRepeatsNothing}).
 */
class KilledMidSweepIT {
    private static final String DAY = "2025-12-03";
    /** Wednesday 3 December 2025, 09:31 in London: after the 09:30 text time, before the 10:00 calls. */
    private static final String TEXT_TIME = DAY + "T09:31:00Z";
    private static final int PUPILS = 1_000;

    @Test
    void aKillMidSweepLosesNoTextAndRepeatsNone() throws Exception {
        Outcome outcome = sweepStoppedMidway("kill_mid_sweep", true);
        assertEquals(137, outcome.exitStatus(), "SIGKILL (128 + 9): destroyForcibly is kill -9 on Linux");
        assertEquals(0, outcome.repeated(), "a text in flight at the kill is found in Twilio's log, not sent again");
    }

    @Test
    void aStopMidSweepRepeatsNothing() throws Exception {
        Outcome outcome = sweepStoppedMidway("stop_mid_sweep", false);
        assertEquals(143, outcome.exitStatus(), "SIGTERM (128 + 15)");
        assertEquals(0, outcome.repeated(), "a graceful stop lets the texts in flight finish and commit");
    }

    record Outcome(int exitStatus, int receivedBeforeStop, int repeated) {
    }

    private Outcome sweepStoppedMidway(String name, boolean kill) throws Exception {
        try (SharedDatabase db = SharedDatabase.create(name); FakeTwilio twilio = FakeTwilio.start()) {
            twilio.answerAfterBetween(Duration.ofMillis(5), Duration.ofMillis(20));
            Map<String, String> env = environment(db, twilio);
            // 501 a school: one of each school's generated roll has left by December, leaving 500 on roll
            AppProcess.generateData(env, "--schools", "2", "--pupils", "501", "--year", "2025-26",
                    "--unmarked-today", "501");

            try (Connection check = db.connect(); AppProcess app = new AppProcess(name, env)) {
                app.start(Duration.ofMinutes(2));
                TwoInstancesMorningIT.await(Duration.ofSeconds(90), "some texts handed over",
                        () -> texts(twilio) >= PUPILS / 4);
                int exit = kill ? app.kill() : app.stop();
                int beforeStop = texts(twilio);
                long cut = count(check, "SELECT COUNT(*) FROM outbox_handover");
                assertTrue(beforeStop < PUPILS, "stopped mid-sweep: " + beforeStop + " texts handed over");

                app.start(Duration.ofMinutes(2));
                // a register the stopped instance had not closed yet is closed by the restarted one's first sweep
                TwoInstancesMorningIT.await(Duration.ofSeconds(60), "both registers closed",
                        () -> unexplained(check).size() >= PUPILS);
                List<Long> unexplained = unexplained(check);
                assertEquals(PUPILS, unexplained.size(), "every pupil on roll unexplained");
                TwoInstancesMorningIT.await(Duration.ofSeconds(90), "every pupil's text sent after the restart",
                        () -> count(check, "SELECT COUNT(*) FROM outbox_message WHERE purpose = 'morning-text' AND status = 'SENT'")
                                >= unexplained.size() && texts(twilio) >= unexplained.size());
                Thread.sleep(2_000);

                assertEquals(unexplained, MorningLedger.pupilsTexted(check, "morning-text"), "every pupil's family texted");
                assertEquals(unexplained.size(), count(check, "SELECT COUNT(*) FROM outbox_message WHERE purpose = 'morning-text'"),
                        "one text decided per pupil (one contact each), however often the sweep ran");
                assertEquals(0, count(check, "SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'"), "nothing left");
                assertEquals(0, count(check, "SELECT COUNT(*) FROM outbox_handover"), "every cut handover settled");
                var decided = MorningLedger.inOutbox(check, "morning-text", "SENT");
                var received = MorningLedger.received(twilio);
                decided.forEach((text, times) -> assertTrue(received.getOrDefault(text, 0L) >= times, "a text lost"));
                assertEquals(decided.keySet(), received.keySet(), "the fake received only the texts decided");
                int repeated = MorningLedger.repeated(received, decided).values().stream().mapToInt(Long::intValue).sum();
                System.out.printf("%s: %s at %d of %d texts, %d handovers cut; %d texts went twice%n", name,
                        kill ? "SIGKILL" : "SIGTERM", beforeStop, PUPILS, cut, repeated);
                return new Outcome(exit, beforeStop, repeated);
            }
        }
    }

    private static List<Long> unexplained(Connection check) {
        try {
            return MorningLedger.unexplained(check, DAY);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int texts(FakeTwilio twilio) {
        return (int) twilio.requests().stream().filter(FakeTwilio.Received::isText).count();
    }

    private static long count(Connection db, String sql) {
        try {
            return MorningLedger.count(db, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> environment(SharedDatabase db, FakeTwilio twilio) {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("JWT_SECRET", Base64.getEncoder().encodeToString(secret));
        env.put("ATTENDANCE_CLOCK_FIXED", TEXT_TIME);
        env.put("TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN);
        env.put("TWILIO_FROM_NUMBER", FakeTwilio.FROM_NUMBER);
        env.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("ATTENDANCE_FOLLOWUP_MORNING_INTERVAL", "1s");
        env.put("ATTENDANCE_FOLLOWUP_MORNING_INITIAL_DELAY", "1s");
        // a sweep cut short by the kill holds the sweep's lock until this runs out
        env.put("ATTENDANCE_FOLLOWUP_MORNING_LOCK_AT_MOST_FOR", "5s");
        env.put("ATTENDANCE_OUTBOX_POLL_INTERVAL", "250ms");
        return env;
    }
}
