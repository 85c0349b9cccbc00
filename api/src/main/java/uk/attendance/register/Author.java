package uk.attendance.register;

import uk.attendance.caller.Caller;

import java.util.Optional;

/** Who enters or amends a mark, as the register must show it: name and position. */
public record Author(Optional<Long> staffId, String name, String position) {
    public static final Author SYSTEM = new Author(Optional.empty(), "SYSTEM", "automated rule");

    /** A parent or carer, as the trail names them when their report or request sets a code. */
    public static Author parent(String name) {
        return new Author(Optional.empty(), name, "parent/carer");
    }

    public static Author of(Caller caller) {
        return new Author(Optional.of(caller.id()), caller.name(), caller.position());
    }
}
