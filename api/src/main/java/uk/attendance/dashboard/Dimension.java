package uk.attendance.dashboard;

import uk.attendance.pupil.PupilRecord;

/** The groups a dashboard breaks figures down by; ALL is the whole school (or trust). Values are from the pupil as now. */
enum Dimension {
    ALL,
    YEAR_GROUP,
    REGISTRATION_GROUP,
    GENDER,
    PUPIL_PREMIUM,
    EAL,
    SEND,
    LOOKED_AFTER;

    String valueOf(PupilRecord p) {
        return switch (this) {
            case ALL -> "ALL";
            case YEAR_GROUP -> String.valueOf(p.yearGroup());
            case REGISTRATION_GROUP -> p.registrationGroup();
            case GENDER -> p.gender() == null || p.gender().isBlank() ? "UNKNOWN" : p.gender();
            case PUPIL_PREMIUM -> yesNo(p.pupilPremium());
            case EAL -> yesNo(p.eal());
            case SEND -> p.sendStatus();
            case LOOKED_AFTER -> yesNo(p.lookedAfter());
        };
    }

    /** What a person reads for a value: "Year 7", "Reception", "Pupil premium: yes". */
    String label(String value) {
        return switch (this) {
            case ALL -> "All pupils";
            case YEAR_GROUP -> switch (value) {
                case "0" -> "Reception";
                case "-1" -> "Nursery";
                default -> "Year " + value;
            };
            case REGISTRATION_GROUP -> "Registration group " + value;
            case GENDER -> switch (value) {
                case "F" -> "Female";
                case "M" -> "Male";
                default -> "Gender " + value.toLowerCase(java.util.Locale.ROOT);
            };
            case PUPIL_PREMIUM -> "Pupil premium: " + value.toLowerCase(java.util.Locale.ROOT);
            case EAL -> "English as an additional language: " + value.toLowerCase(java.util.Locale.ROOT);
            case SEND -> switch (value) {
                case "NONE" -> "SEND: none";
                case "SEN_SUPPORT" -> "SEND: SEN support";
                case "EHCP" -> "SEND: EHC plan";
                default -> "SEND: " + value;
            };
            case LOOKED_AFTER -> "Looked after: " + value.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Registration groups are a school's own: a trust's figures are not broken down by them. */
    boolean trustWide() {
        return this != REGISTRATION_GROUP;
    }

    private static String yesNo(boolean b) {
        return b ? "YES" : "NO";
    }
}
