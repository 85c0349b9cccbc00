package uk.attendance.casework.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The attendees and actions of a support record, kept as JSON in its row. */
@Singleton
class SupportJson {
    private final JsonMapper json;

    SupportJson(JsonMapper json) {
        this.json = json;
    }

    record Action(String what, String owner, LocalDate dueOn, boolean done) {
    }

    String attendees(List<String> attendees) {
        return write(attendees);
    }

    List<String> attendees(String stored) {
        return read(stored, Argument.listOf(String.class));
    }

    String actions(List<Action> actions) {
        return write(actions.stream().map(a -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("what", a.what());
            m.put("owner", a.owner());
            m.put("dueOn", a.dueOn().toString());
            m.put("done", String.valueOf(a.done()));
            return m;
        }).toList());
    }

    List<Action> actions(String stored) {
        List<Map<String, String>> rows = read(stored, Argument.listOf(Argument.mapOf(String.class, String.class)));
        return rows.stream().map(m -> new Action(m.get("what"), m.get("owner"), LocalDate.parse(m.get("dueOn")),
                Boolean.parseBoolean(m.get("done")))).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String stored, Argument<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
