package uk.attendance.parttime;

import java.time.LocalDate;
import java.util.Optional;

/** A review as staff send it. */
record PartTimeReviewDraft(LocalDate reviewedOn, PartTimeReviewRow.Outcome outcome, Optional<String> note,
                           Optional<LocalDate> newEndOn, Optional<LocalDate> nextReviewOn) {
}
