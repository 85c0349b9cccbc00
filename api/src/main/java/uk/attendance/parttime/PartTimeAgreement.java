package uk.attendance.parttime;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What staff send to record an agreement (field names as in the contract, for the problems they cause). */
public record PartTimeAgreement(List<OffSession> offSessions, LocalDate startsOn, LocalDate proposedEndOn,
                                List<LocalDate> reviewDates, String reason, Optional<String> longerReason,
                                long agreedWithContactId) {
}
