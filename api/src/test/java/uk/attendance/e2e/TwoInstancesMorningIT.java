package uk.attendance.e2e;

import org.junit.jupiter.api.Test;
import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.text.FakeTwilio;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5, must-show 2: two instances of the packaged app on one database run the same school morning. A school of 60
 * pupils, 20 of them with no morning mark; Twilio is one {@link FakeTwilio}, FCM one {@link FakeFcm}, shared by both.
 * The clock is fixed, so the morning runs in two halves, both instances started afresh for each: 09:45 (the register
 * closes, the texts go) and 10:05 (the calls).
 * <p>
 * ShedLock normally lets one instance sweep at a time. Here the sweep's lock lasts a second
 * ({@code ATTENDANCE_FOLLOWUP_MORNING_LOCK_AT_MOST_FOR}) and the test holds the rows the sweep needs first (the
 * unmarked pupils' rows, then their morning marks) until both instances' sweeps are waiting on them: the first holder's
 * lock runs out while it waits, the second gets in, and both are let go together. That is the case the sweep's unique
 * keys and the outbox's dedupe keys are for, and each text, call task and push still goes once. Both instances' outbox
 * workers send (rows claimed {@code FOR UPDATE SKIP LOCKED}), the fakes answering slowly so that they overlap.
 */
class TwoInstancesMorningIT {
    private static final String DAY = "2025-12-03";
    /** A Wednesday in term; London is on GMT: after the 09:30 text time, before the 10:00 call time. */
    private static final String TEXT_HALF = DAY + "T09:45:00Z";
    private static final String CALL_HALF = DAY + "T10:05:00Z";
    private static final int UNMARKED = 20;
    private static final String OFFICER = "attendance@900001.bench.example.org";
    private static final String PASSWORD = "bench-password-2025";

    @Test
    void twoInstancesRunOneMorningAndEachMessageGoesOnce() throws Exception {
        try (SharedDatabase db = SharedDatabase.create("two_instances");
             FakeTwilio twilio = FakeTwilio.start();
             FakeFcm fcm = FakeFcm.start();
             Connection check = db.connect()) {
            twilio.answerAfterBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            String jwtSecret = secret();
            String generated = AppProcess.generateData(environment(db, twilio, fcm, TEXT_HALF, jwtSecret),
                    "--schools", "1", "--pupils", "60", "--year", "2025-26",
                    "--unmarked-today", String.valueOf(UNMARKED), "--staff-devices");
            assertTrue(generated.contains("1 schools, 60 pupils"), generated);

            // 09:45: the register closes and the families are texted
            Logs texts = runTogether("texts", environment(db, twilio, fcm, TEXT_HALF, jwtSecret), db,
                    "SELECT p.id FROM pupil p WHERE NOT EXISTS (SELECT 1 FROM mark m WHERE m.pupil_id = p.id"
                            + " AND m.session_date = '" + DAY + "' AND m.session = 'AM') FOR UPDATE",
                    () -> count(check, "SELECT COUNT(*) FROM outbox_message WHERE purpose = 'morning-text' AND status = 'SENT'") >= UNMARKED,
                    app -> { });
            List<Long> unexplained = MorningLedger.unexplained(check, DAY);
            assertEquals(UNMARKED, unexplained.size(), "the register close marked each unmarked pupil N, once");
            assertEquals(unexplained, MorningLedger.pupilsTexted(check, "morning-text"), "each pupil's family texted");
            assertEquals(UNMARKED, count(check, "SELECT COUNT(*) FROM outbox_message WHERE purpose = 'morning-text'"),
                    "one text decided per pupil (to the first contact with a mobile)");
            assertEquals(MorningLedger.inOutbox(check, null, "SENT"), MorningLedger.received(twilio),
                    "the fake Twilio received each text once, and nothing else");
            texts.bothLogged("register closed");
            texts.bothLogged("families texted");
            texts.bothLogged("handed over as text");

            // 10:05: a call task for each pupil still unexplained, pushed to the attendance officer
            Logs calls = runTogether("calls", environment(db, twilio, fcm, CALL_HALF, jwtSecret), db,
                    "SELECT id FROM mark WHERE session_date = '" + DAY + "' AND session = 'AM' AND code = 'N' FOR UPDATE",
                    () -> MorningLedger.callTaskPushes(fcm).size() >= UNMARKED
                            && count(check, "SELECT COUNT(*) FROM outbox_message WHERE status = 'PENDING'") == 0,
                    app -> {
                        // the board, through the API of either instance, says the same
                        StaffApi staff = StaffApi.signIn(app.baseUrl(), OFFICER, PASSWORD);
                        long schoolId = ((Number) ((Map<?, ?>) ((List<?>) staff.get(app.baseUrl(), "/me").get("schools"))
                                .get(0)).get("id")).longValue();
                        Map<?, ?> counts = (Map<?, ?>) staff.get(app.baseUrl(), "/schools/" + schoolId + "/follow-up/" + DAY)
                                .get("counts");
                        assertEquals(UNMARKED, ((Number) counts.get("unexplainedAtRegisterClose")).intValue(), counts.toString());
                        assertEquals(UNMARKED, ((Number) counts.get("texted")).intValue(), counts.toString());
                        assertEquals(UNMARKED, ((Number) counts.get("callTasksOpen")).intValue(), counts.toString());
                    });
            Map<Long, Long> tasks = MorningLedger.callTasks(check, DAY);
            assertEquals(unexplained, tasks.keySet().stream().sorted().toList(), "a call task for each unexplained pupil");
            assertTrue(tasks.values().stream().allMatch(n -> n == 1), "one each: " + tasks);
            Map<String, Long> pushes = MorningLedger.callTaskPushes(fcm);
            assertEquals(UNMARKED, pushes.size(), "each call task pushed: " + pushes);
            assertTrue(pushes.values().stream().allMatch(n -> n == 1), "each call task pushed once: " + pushes);
            assertEquals(count(check, "SELECT COALESCE(SUM(devices_reached), 0) FROM outbox_message WHERE channel = 'PUSH'"
                    + " AND status = 'SENT'"), fcm.requests().size(), "no push sent beyond the outbox's (one device each)");
            assertEquals(MorningLedger.inOutbox(check, null, "SENT"), MorningLedger.received(twilio),
                    "texts (the morning's and any social worker's) each received once");
            calls.bothLogged("call tasks raised");
        }
    }

    /** What the two instances of one half-morning logged. */
    private record Logs(String first, String second) {
        void bothLogged(String what) {
            assertTrue(first.contains(what), "the first instance: " + what);
            assertTrue(second.contains(what), "the second instance: " + what);
        }
    }

    /** A look at a running instance before the half-morning's instances stop. */
    private interface WhileUp {
        void check(AppProcess app) throws Exception;
    }

    /**
     * Starts two instances behind a gate (the rows {@code gateSql} locks), waits until both instances' sweeps wait on
     * it, opens it, waits for {@code done} and a few more ticks, runs {@code whileUp} on the second, and stops both.
     */
    private static Logs runTogether(String half, Map<String, String> env, SharedDatabase db, String gateSql,
                                    BooleanSupplier done, WhileUp whileUp) throws Exception {
        try (Connection check = db.connect();
             AppProcess first = new AppProcess("two-instances-" + half + "-a", env);
             AppProcess second = new AppProcess("two-instances-" + half + "-b", env)) {
            try (Connection gate = db.connect()) {
                gate.setAutoCommit(false);
                try (PreparedStatement lock = gate.prepareStatement(gateSql)) {
                    lock.executeQuery().close();
                }
                CompletableFuture.allOf(CompletableFuture.runAsync(() -> start(first)),
                        CompletableFuture.runAsync(() -> start(second))).join();
                await(Duration.ofSeconds(60), "both instances' sweeps waiting at the gate (" + half + ")",
                        () -> count(check, "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'") >= 2);
                gate.commit();
            }
            await(Duration.ofSeconds(60), "the " + half + " done", done);
            // both go on ticking every second: a few more ticks to repeat anything they would
            Thread.sleep(3_000);
            whileUp.check(second);
            first.stop();
            second.stop();
            return new Logs(first.log(), second.log());
        }
    }

    private static Map<String, String> environment(SharedDatabase db, FakeTwilio twilio, FakeFcm fcm, String clock,
                                                   String jwtSecret) {
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("JWT_SECRET", jwtSecret);
        env.put("ATTENDANCE_CLOCK_FIXED", clock);
        env.put("TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN);
        env.put("TWILIO_FROM_NUMBER", FakeTwilio.FROM_NUMBER);
        env.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("FIREBASE_API_BASE_URL", fcm.baseUrl());
        env.put("ATTENDANCE_FOLLOWUP_MORNING_INTERVAL", "1s");
        env.put("ATTENDANCE_FOLLOWUP_MORNING_INITIAL_DELAY", "1s");
        // shorter than the gate: the first sweep's lock runs out while it waits, and the second sweep gets in
        env.put("ATTENDANCE_FOLLOWUP_MORNING_LOCK_AT_MOST_FOR", "1s");
        env.put("ATTENDANCE_OUTBOX_POLL_INTERVAL", "100ms");
        return env;
    }

    private static String secret() {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static void start(AppProcess app) {
        try {
            app.start(Duration.ofMinutes(2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection db, String sql) {
        try {
            return MorningLedger.count(db, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
