package uk.attendance.pupil;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

@MappedEntity("pupil")
public record PupilRecord(
        @Id @GeneratedValue Long id,
        long schoolId,
        @Nullable String upn,
        String legalFirstName,
        String legalLastName,
        @Nullable String preferredFirstName,
        @Nullable String preferredLastName,
        LocalDate dateOfBirth,
        @Nullable String gender,
        int yearGroup,
        String registrationGroup,
        LocalDate admissionDate,
        @Nullable LocalDate leavingDate,
        @Nullable String leavingGround,
        boolean pupilPremium,
        boolean eal,
        String sendStatus,
        boolean lookedAfter,
        boolean childProtection,
        boolean childInNeed,
        @Nullable String socialWorkerName,
        @Nullable String socialWorkerPhone,
        @Nullable String socialWorkerEmail,
        LocalDateTime createdAt) {

    public String firstName() {
        return Optional.ofNullable(preferredFirstName).orElse(legalFirstName);
    }

    public String lastName() {
        return Optional.ofNullable(preferredLastName).orElse(legalLastName);
    }

    public String displayName() {
        return firstName() + " " + lastName();
    }

    /** On the admission register on this date (admission day to leaving day inclusive). */
    public boolean onRollOn(LocalDate date) {
        return !date.isBefore(admissionDate) && (leavingDate == null || !date.isAfter(leavingDate));
    }
}
