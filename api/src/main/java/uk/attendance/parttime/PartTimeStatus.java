package uk.attendance.parttime;

import java.time.LocalDate;

/** An agreement's state as shown: stored ACTIVE becomes EXPIRED once its proposed end date has passed. */
enum PartTimeStatus {
    ACTIVE, ENDED, EXPIRED;

    static PartTimeStatus of(PartTimeTimetableRow row, LocalDate today) {
        if (row.ended()) {
            return ENDED;
        }
        return today.isAfter(row.proposedEndOn()) ? EXPIRED : ACTIVE;
    }
}
