package uk.attendance.parttime;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.AbsenceExpectations;
import uk.attendance.rules.CompulsorySchoolAge;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A pupil absent on a session their part-time timetable takes them off: {@code C2} with the reason "part-time
 * timetable {id}", from the agreement's start to its end (or early end), while the pupil is of compulsory school age.
 * Ordered last (after leave decisions at 0, parents' reports at 20, reasons given on a morning call at 100): rule book
 * §4, "sessions the pupil is off-timetable but absent for another reason take that reason's code (e.g. M, I)". The
 * register asks only about its own sessions, so weekends, holidays and closures never get here.
 */
@Singleton
@Order(200)
class PartTimeExpectations implements AbsenceExpectations {
    static final RegisterCode C2 = RegisterCode.fromSymbol("C2").orElseThrow();

    private final PartTimeTimetableRepository timetables;
    private final PupilService pupils;

    PartTimeExpectations(PartTimeTimetableRepository timetables, PupilService pupils) {
        this.timetables = timetables;
        this.pupils = pupils;
    }

    static String reason(long timetableId) {
        return "part-time timetable " + timetableId;
    }

    @Override
    public Map<Long, Expected> forSession(Collection<Long> pupilIds, LocalDate date, Session session) {
        Map<Long, Expected> expected = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return expected;
        }
        for (PartTimeTimetableRow row : timetables.applyingOn(pupilIds, date)) {
            boolean off = OffSession.parse(row.offSessions()).stream().anyMatch(s -> s.covers(date, session));
            if (off && compulsorySchoolAge(row.pupilId(), date)) {
                expected.putIfAbsent(row.pupilId(), new Expected(C2, reason(row.id())));
            }
        }
        return expected;
    }

    private boolean compulsorySchoolAge(long pupilId, LocalDate date) {
        return pupils.find(pupilId).map(PupilRecord::dateOfBirth).map(CompulsorySchoolAge::of)
                .map(csa -> csa.includes(date)).orElse(false);
    }
}
