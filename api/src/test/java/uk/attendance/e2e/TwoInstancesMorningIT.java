package uk.attendance.e2e;

import org.junit.jupiter.api.Test;
import uk.attendance.notify.FakeFcm;
import uk.attendance.notify.FakeTwilio;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * pupils, 20 of them with no morning mark, the clock fixed at 10:05 (after the 09:30 texts and the 10:00 calls);
 * Twilio is a {@link FakeTwilio}, FCM a {@link FakeFcm}, both shared by the two instances. The instances' first sweeps
 * are held at a gate (the test locks one unmarked pupil's row, which the register close must read to write its mark)
 * until both are waiting there, then let go together; they go on ticking every second. Each call task is raised and
 * pushed once, and each text is sent once.
 */
class TwoInstancesMorningIT {
    private static final String DAY = "2025-12-03";
    /** A Wednesday in term; London is on GMT, so 10:05 there. */
    private static final String MORNING = DAY + "T10:05:00Z";
    private static final int UNMARKED = 20;

    @Test
    void twoInstancesRunOneMorningAndEachMessageGoesOnce() throws Exception {
        try (SharedDatabase db = SharedDatabase.create("two_instances");
             FakeTwilio twilio = FakeTwilio.start();
             FakeFcm fcm = FakeFcm.start()) {
            twilio.answerAfterBetween(Duration.ofMillis(5), Duration.ofMillis(20));
            Map<String, String> env = environment(db, twilio, fcm);
            String generated = AppProcess.generateData(env, "--schools", "1", "--pupils", "60", "--year", "2025-26",
                    "--unmarked-today", String.valueOf(UNMARKED), "--staff-devices");
            assertTrue(generated.contains("1 schools, 60 pupils"), generated);

            try (Connection check = db.connect();
                 AppProcess first = new AppProcess("two-instances-a", env);
                 AppProcess second = new AppProcess("two-instances-b", env)) {
                try (Connection gate = db.connect()) {
                    gate.setAutoCommit(false);
                    lockAnUnmarkedPupil(gate);
                    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> start(first));
                    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> start(second));
                    CompletableFuture.allOf(a, b).join();
                    await(Duration.ofSeconds(60), "both instances' sweeps waiting at the gate",
                            () -> count(check, "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'") >= 2);
                    gate.commit();
                }

                await(Duration.ofSeconds(60), "a call task pushed for each unexplained pupil",
                        () -> MorningLedger.callTaskPushes(fcm).size() >= UNMARKED);
                // both instances go on ticking every second: give them a few more ticks to repeat anything they would
                Thread.sleep(3_000);

                List<Long> unexplained = MorningLedger.unexplained(check, DAY);
                assertEquals(UNMARKED, unexplained.size(), "the register close marked each unmarked pupil N, once");
                Map<Long, Long> tasks = MorningLedger.callTasks(check, DAY);
                assertEquals(unexplained, tasks.keySet().stream().sorted().toList(), "a call task for each unexplained pupil");
                assertTrue(tasks.values().stream().allMatch(n -> n == 1), "one each: " + tasks);
                Map<String, Long> pushes = MorningLedger.callTaskPushes(fcm);
                assertEquals(UNMARKED, pushes.size(), "each call task pushed: " + pushes);
                assertTrue(pushes.values().stream().allMatch(n -> n == 1), "each call task pushed once: " + pushes);

                // the board, through either instance, says the same
                StaffApi staff = StaffApi.signIn(first.baseUrl(), "attendance@900001.bench.example.org", "bench-password-2025");
                long schoolId = ((Number) ((Map<?, ?>) ((List<?>) staff.get(second.baseUrl(), "/me").get("schools")).get(0))
                        .get("id")).longValue();
                Map<?, ?> counts = (Map<?, ?>) staff.get(second.baseUrl(), "/schools/" + schoolId + "/follow-up/" + DAY).get("counts");
                assertEquals(UNMARKED, ((Number) counts.get("unexplainedAtRegisterClose")).intValue(), counts.toString());
                assertEquals(UNMARKED, ((Number) counts.get("callTasksOpen")).intValue(), counts.toString());

                // both really ran the morning: the second's register close found the first's marks
                assertTrue(first.log().contains("School " + schoolId + " " + DAY + ": register closed"), "first ran it");
                assertTrue(second.log().contains("School " + schoolId + " " + DAY + ": register closed"), "second ran it");
            }
        }
    }

    private static Map<String, String> environment(SharedDatabase db, FakeTwilio twilio, FakeFcm fcm) {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("JWT_SECRET", Base64.getEncoder().encodeToString(secret));
        env.put("ATTENDANCE_CLOCK_FIXED", MORNING);
        env.put("TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN);
        env.put("TWILIO_FROM_NUMBER", FakeTwilio.FROM_NUMBER);
        env.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("FIREBASE_API_BASE_URL", fcm.baseUrl());
        env.put("ATTENDANCE_FOLLOWUP_MORNING_INTERVAL", "1s");
        env.put("ATTENDANCE_FOLLOWUP_MORNING_INITIAL_DELAY", "1s");
        env.put("ATTENDANCE_OUTBOX_POLL_INTERVAL", "250ms");
        return env;
    }

    /** Holds the row lock of one pupil with no morning mark: the register close's insert of their N waits for it. */
    private static void lockAnUnmarkedPupil(Connection gate) throws Exception {
        long pupil;
        try (PreparedStatement s = gate.prepareStatement("SELECT p.id FROM pupil p WHERE NOT EXISTS (SELECT 1 FROM mark m"
                + " WHERE m.pupil_id = p.id AND m.session_date = ? AND m.session = 'AM') ORDER BY p.id LIMIT 1")) {
            s.setString(1, DAY);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "an unmarked pupil");
                pupil = r.getLong(1);
            }
        }
        try (PreparedStatement s = gate.prepareStatement("SELECT id FROM pupil WHERE id = ? FOR UPDATE")) {
            s.setLong(1, pupil);
            s.executeQuery().close();
        }
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
