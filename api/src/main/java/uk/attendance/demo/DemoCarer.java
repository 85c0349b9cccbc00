package uk.attendance.demo;

import uk.attendance.contract.model.PupilContactInput;

/** A parent or carer of one demo family; siblings are linked to the same carer (same mobile). */
public record DemoCarer(String firstName, String lastName, String mobile, String email, String language,
                 String relationship, boolean parentalResponsibility, boolean livesWith) {

    public PupilContactInput linkAs(int priority) {
        return new PupilContactInput(firstName, lastName, mobile, priority, relationship)
                .email(email)
                .preferredLanguage(language)
                .parentalResponsibility(parentalResponsibility)
                .livesWith(livesWith);
    }
}
