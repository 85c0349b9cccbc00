package uk.attendance.pupil;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a staff member changes of a pupil (a merge patch: each field kept, set or cleared). The leaving date and its
 * ground go together; the safeguarding fields (child protection, child in need, social worker) are for the DSL,
 * headteacher and trust admins.
 */
public record PupilChanges(Patch<LocalDate> leavingDate, Patch<String> leavingGround, Patch<Integer> yearGroup,
                           Patch<String> registrationGroup, Patch<String> sendStatus, Patch<Boolean> pupilPremium,
                           Patch<Boolean> eal, Patch<Boolean> lookedAfter, Patch<Boolean> childProtection,
                           Patch<Boolean> childInNeed, Patch<SocialWorker> socialWorker,
                           Patch<String> preferredFirstName, Patch<String> preferredLastName) {

    public record SocialWorker(String name, @Nullable String phone, @Nullable String email) {
    }
}
