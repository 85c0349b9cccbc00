package uk.attendance.rules.returns;

/** Why a sickness return became due (convention 9). */
public enum SicknessTrigger {
    /** A parent's report anticipates 15 or more consecutive school days of illness. */
    ANTICIPATED_15_DAYS,
    /** 15 consecutive school days on which every planned session was I. */
    CONSECUTIVE_15_DAYS,
    /** 30 I sessions (15 days) in the school year. */
    CUMULATIVE_15_DAYS
}
