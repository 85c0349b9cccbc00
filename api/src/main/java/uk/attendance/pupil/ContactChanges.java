package uk.attendance.pupil;

/** What staff change of a contact (the person: name, mobile, email, language) and of their link to one pupil. */
public record ContactChanges(Patch<Integer> priority, Patch<String> relationship, Patch<Boolean> parentalResponsibility,
                             Patch<Boolean> livesWith, Patch<String> firstName, Patch<String> lastName, Patch<String> mobile,
                             Patch<String> email, Patch<String> preferredLanguage) {
}
