package uk.attendance.followup.tasks;

import uk.attendance.followup.records.FollowUpActionRecord;
import uk.attendance.followup.records.FollowUpStep;
import uk.attendance.followup.records.FollowUpStore;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.register.RegisterService;
import uk.attendance.register.RegisterService.ClosedMark;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The morning register closed for a whole school, and each mark it entered noted in the pupil's follow-up, together. */
@Singleton
public class RegisterClose {
    private final RegisterService register;
    private final FollowUpStore store;

    RegisterClose(RegisterService register, FollowUpStore store) {
        this.register = register;
        this.store = store;
    }

    @Transactional
    public List<ClosedMark> close(long schoolId, LocalDate day, LocalDateTime now) {
        List<ClosedMark> closed = register.closeRegister(schoolId, day, Session.AM);
        store.insertActions(closed.stream()
                .map(c -> new FollowUpActionRecord(null, schoolId, c.pupilId(), day, FollowUpStep.REGISTER_CLOSE,
                        c.code().symbol(), FollowUpActionRecord.Outcome.MARKED, shorten(c.reason(), 300), now))
                .toList());
        return closed;
    }

    public static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
