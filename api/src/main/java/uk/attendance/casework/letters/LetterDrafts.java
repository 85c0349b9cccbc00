package uk.attendance.casework.letters;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** A proposed letter: the school's template for the stage, filled in with the pupil's details and figures. */
@Singleton
class LetterDrafts {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private final Clock clock;

    LetterDrafts(Clock clock) {
        this.clock = clock;
    }

    LetterRecord draft(SchoolRecord school, PupilRecord pupil, StageSetting stage, PupilStanding.Figures figures,
                       LocalDate today, @Nullable Long proposedBy) {
        Map<String, String> values = Map.ofEntries(
                Map.entry("firstName", pupil.firstName()),
                Map.entry("fullName", pupil.legalFirstName() + " " + pupil.legalLastName()),
                Map.entry("registrationGroup", pupil.registrationGroup()),
                Map.entry("schoolName", school.name()),
                Map.entry("date", LONG_DATE.format(today)),
                Map.entry("attendancePercent", figures.attendancePercent() == null ? "n/a"
                        : figures.attendancePercent().toPlainString()),
                Map.entry("sessionsPossible", String.valueOf(figures.possible())),
                Map.entry("sessionsMissed", String.valueOf(figures.missed())),
                Map.entry("learningHoursLost", plain(figures.learningHoursLost())),
                Map.entry("band", figures.band() == null ? "" : figures.band()),
                Map.entry("penaltyStatus", figures.penaltyStatus()),
                Map.entry("uLateSessions", String.valueOf(figures.uLateSessions())));
        String subject = LetterTemplate.fill(stage.subject(), values);
        if (subject.length() > 200) {
            subject = subject.substring(0, 200);
        }
        return new LetterRecord(null, school.id(), pupil.id(), stage.stage(), stage.name(), LetterRecord.Status.PROPOSED,
                subject, LetterTemplate.fill(stage.body(), values), figures.asOf(), figures.attendancePercent(),
                figures.possible(), figures.missed(), figures.learningHoursLost(), figures.band(), figures.penaltyStatus(),
                figures.uLateSessions(), today, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), proposedBy,
                null, null, null, null, null, null, null, null);
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().scale() <= 0 ? n.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : n.toPlainString();
    }
}
