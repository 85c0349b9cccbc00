package uk.attendance.e2e;

import uk.attendance.notify.push.FakeFcm;
import uk.attendance.notify.text.FakeTwilio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a morning left behind, read straight from the shared database and the fakes, to compare what the outbox decided
 * to send with what the providers received. Generated carers share the 1 000 Ofcom drama numbers, so one number can
 * rightly get several texts (one per child); a text is therefore identified by its number and body together.
 */
final class MorningLedger {
    private MorningLedger() {
    }

    /** A text as the provider saw it: the number and the words. */
    record Text(String to, String body) {
    }

    /** How many times each text reached the fake Twilio (answered or not: a request it received is a text sent). */
    static Map<Text, Long> received(FakeTwilio twilio) {
        return twilio.requests().stream().filter(FakeTwilio.Received::isText)
                .collect(Collectors.groupingBy(r -> new Text(r.to(), r.body()), Collectors.counting()));
    }

    /** How many outbox texts there are for each text, of this purpose (null: any) and status. */
    static Map<Text, Long> inOutbox(Connection db, String purpose, String status) throws SQLException {
        Map<Text, Long> texts = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT to_number, body FROM outbox_message WHERE channel = 'TEXT'"
                + " AND (? IS NULL OR purpose = ?) AND status = ?")) {
            s.setString(1, purpose);
            s.setString(2, purpose);
            s.setString(3, status);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    texts.merge(new Text(r.getString(1), r.getString(2)), 1L, Long::sum);
                }
            }
        }
        return texts;
    }

    /** The pupils of the day whose morning mark is {@code N}. */
    static List<Long> unexplained(Connection db, String day) throws SQLException {
        return longs(db, "SELECT pupil_id FROM mark WHERE session_date = ? AND session = 'AM' AND code = 'N' ORDER BY pupil_id", day);
    }

    /** Pupils with at least one text of this purpose sent. */
    static List<Long> pupilsTexted(Connection db, String purpose) throws SQLException {
        return longs(db, "SELECT DISTINCT pupil_id FROM outbox_message WHERE channel = 'TEXT' AND status = 'SENT' AND purpose = ?"
                + " ORDER BY pupil_id", purpose);
    }

    /** Call tasks of the day per pupil. */
    static Map<Long, Long> callTasks(Connection db, String day) throws SQLException {
        return longs(db, "SELECT pupil_id FROM follow_up_task WHERE school_day = ? AND kind = 'CALL'", day).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    static long count(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The call-task pushes FakeFcm received, per call task. */
    static Map<String, Long> callTaskPushes(FakeFcm fcm) {
        return fcm.requests().stream().filter(r -> "CALL_TASK".equals(r.data().get("kind")))
                .collect(Collectors.groupingBy(r -> r.data().get("callTaskId"), Collectors.counting()));
    }

    /** Texts received more than once: the duplicates, with how many times. */
    static Map<Text, Long> repeated(Map<Text, Long> received, Map<Text, Long> decided) {
        Map<Text, Long> extra = new HashMap<>();
        received.forEach((text, times) -> {
            long expected = decided.getOrDefault(text, 0L);
            if (times > expected) {
                extra.put(text, times - expected);
            }
        });
        return extra;
    }

    private static List<Long> longs(Connection db, String sql, Object... args) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getLong(1));
                }
            }
        }
        return values;
    }
}
