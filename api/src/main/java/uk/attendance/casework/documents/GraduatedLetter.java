package uk.attendance.casework.documents;

/** The letters of policy 002's graduated response (annexes 5, 6a and 7a). */
public enum GraduatedLetter {
    /** Below 96 %: sharing information and expectations. */
    LETTER_1,
    /** Below 90 % (persistent absence): an invitation to a support meeting. */
    LETTER_2,
    /** Below 50 % (severe absence): a team-around-the-child meeting and an attendance contract. */
    LETTER_3
}
