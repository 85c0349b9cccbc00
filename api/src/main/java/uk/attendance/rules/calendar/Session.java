package uk.attendance.rules.calendar;

/** One half of a school day. Registers are taken at the start of AM and once during PM (REG24 r10(1)). */
public enum Session {
    AM,
    PM
}
