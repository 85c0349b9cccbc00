package uk.attendance.auth;

import uk.attendance.caller.Caller;

/** Whom a token is about, written {@code staff:3} or {@code parent:12} (the JWT {@code sub} and {@code refresh_token.subject}). */
record Subject(Caller.Kind kind, long id) {

    static Subject of(Caller caller) {
        return new Subject(caller.kind(), caller.id());
    }

    static Subject parse(String text) {
        int colon = text.indexOf(':');
        String kind = text.substring(0, colon);
        long id = Long.parseLong(text.substring(colon + 1));
        return switch (kind) {
            case "staff" -> new Subject(Caller.Kind.STAFF, id);
            case "parent" -> new Subject(Caller.Kind.PARENT, id);
            default -> throw new IllegalArgumentException("Unknown subject kind " + kind);
        };
    }

    @Override
    public String toString() {
        return (kind == Caller.Kind.STAFF ? "staff:" : "parent:") + id;
    }
}
