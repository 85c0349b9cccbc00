package uk.attendance.casework.letters;

import jakarta.inject.Singleton;
import uk.attendance.casework.chronology.ChronologyEntry;
import uk.attendance.casework.chronology.ChronologySource;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A pupil's letters as chronology items (no access check: the chronology checks the caller). Each sits at its latest
 * step (sent, dismissed, else proposed); only sent letters are for the family.
 */
@Singleton
public class LetterChronology implements ChronologySource {
    private final LetterRepository letters;
    private final StaffService staff;

    LetterChronology(LetterRepository letters, StaffService staff) {
        this.letters = letters;
        this.staff = staff;
    }

    @Override
    public List<ChronologyEntry> forChronology(long pupilId) {
        return letters.ofPupil(pupilId, null).stream().map(this::entry).toList();
    }

    private ChronologyEntry entry(LetterRecord l) {
        LocalDateTime at;
        String by;
        switch (l.status()) {
            case SENT -> {
                at = l.sentAt();
                by = name(l.sentByStaffId());
            }
            case DISMISSED -> {
                at = l.dismissedAt();
                by = name(l.dismissedByStaffId());
            }
            default -> {
                at = l.proposedAt();
                by = l.proposedByStaffId() == null ? "system" : name(l.proposedByStaffId());
            }
        }
        String status = switch (l.status()) {
            case SENT -> "sent";
            case DISMISSED -> "dismissed";
            case PROPOSED -> "proposed";
        };
        return new ChronologyEntry(ChronologyEntry.Kind.LETTER, at.toInstant(ZoneOffset.UTC), l.stageName() + " (" + status + ")",
                ChronologyEntry.shortened(l.subject()), by, "letter", l.id(), l.status() == LetterRecord.Status.SENT, false);
    }

    private String name(Long staffId) {
        return staffId == null ? "system" : staff.find(staffId).map(StaffRecord::name).orElse("Former staff member");
    }
}
