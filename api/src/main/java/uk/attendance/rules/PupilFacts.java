package uk.attendance.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What the rules need to know about a pupil. The pupil is on roll from admission to leaving, both inclusive. */
public record PupilFacts(LocalDate dateOfBirth, LocalDate admissionDate, Optional<LocalDate> leavingDate) {
    public PupilFacts {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(admissionDate, "admissionDate");
        Objects.requireNonNull(leavingDate, "leavingDate");
        leavingDate.ifPresent(leaving -> {
            if (leaving.isBefore(admissionDate)) {
                throw new IllegalArgumentException("Leaving date " + leaving + " is before admission date " + admissionDate);
            }
        });
    }

    public boolean onRoll(LocalDate date) {
        return !date.isBefore(admissionDate) && leavingDate.map(leaving -> !date.isAfter(leaving)).orElse(true);
    }

    public CompulsorySchoolAgePeriod compulsorySchoolAge() {
        return CompulsorySchoolAge.of(dateOfBirth);
    }

    /** On roll and of compulsory school age: the scope of penalty notices and local-authority returns. */
    public boolean onRollAndOfCompulsorySchoolAge(LocalDate date) {
        return onRoll(date) && compulsorySchoolAge().includes(date);
    }
}
