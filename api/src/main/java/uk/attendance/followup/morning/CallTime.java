package uk.attendance.followup.morning;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.followup.CallPriority;
import uk.attendance.rules.followup.ConsecutiveAbsence;
import uk.attendance.rules.followup.HomeVisit;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.SessionMark;
import uk.attendance.school.SchoolRecord;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The call time of one school's morning: every pupil still {@code N} whose family has not been in touch (no reply to
 * the morning text, no report waiting for staff) gets a call task (pushed to the attendance officers), in call order;
 * a pupil with a social worker has the social worker told; the third school day absent without a word from the family
 * raises a home visit (pushed to the DSL and the attendance officers).
 */
@Singleton
class CallTime {
    private static final Logger LOG = LoggerFactory.getLogger(CallTime.class);
    /** How far back a run of absence is looked for. */
    private static final int LOOK_BACK_YEARS = 1;

    private final RegisterService register;
    private final PupilService pupils;
    private final StaffService staff;
    private final MorningTasks tasks;
    private final FamilyInTouch inTouch;

    CallTime(RegisterService register, PupilService pupils, StaffService staff, MorningTasks tasks, FamilyInTouch inTouch) {
        this.register = register;
        this.pupils = pupils;
        this.staff = staff;
        this.tasks = tasks;
        this.inTouch = inTouch;
    }

    /** @return how many call tasks this run raised */
    int raise(SchoolRecord school, LocalDate day, SchoolCalendar calendar, LocalDateTime now) {
        Set<Long> unexplained = new HashSet<>(register.unexplainedPupils(school.id(), day, Session.AM));
        if (unexplained.isEmpty()) {
            return 0;
        }
        unexplained.removeAll(inTouch.pupils(school.id(), day));
        List<MorningTasks.Candidate> candidates = new ArrayList<>();
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.of(day))) {
            if (unexplained.contains(pupil.id())) {
                candidates.add(candidate(pupil, day, calendar));
            }
        }
        candidates.sort(Comparator.comparing(MorningTasks.Candidate::priority, CallPriority.FIRST_CALLED_FIRST)
                .thenComparing(c -> c.pupil().lastName()).thenComparing(c -> c.pupil().firstName())
                .thenComparing(c -> c.pupil().id()));
        MorningTasks.Recipients to = new MorningTasks.Recipients(school,
                ids(staff.atSchoolWithRole(school.id(), Roles.ATTENDANCE_OFFICER)),
                ids(staff.atSchoolWithRole(school.id(), Roles.DSL)));
        int raised = 0;
        for (MorningTasks.Candidate c : candidates) {
            raised += tasks.raise(to, day, c, now).call().isPresent() ? 1 : 0;
        }
        LOG.info("School {} {}: {} pupils unexplained at call time, {} call tasks raised", school.id(), day,
                unexplained.size(), raised);
        return raised;
    }

    static MorningTasks.Candidate candidate(PupilRecord pupil, LocalDate day, SchoolCalendar calendar,
                                            List<SessionMark> marks) {
        CallPriority priority = new CallPriority(pupil.socialWorkerName() != null, pupil.childProtection(),
                pupil.lookedAfter(), !"NONE".equals(pupil.sendStatus()),
                ConsecutiveAbsence.schoolDaysEndingOn(calendar, marks, day));
        boolean homeVisit = HomeVisit.dueDates(calendar, day.minusYears(LOOK_BACK_YEARS), day,
                HomeVisit.unexplainedInRegister(calendar, marks)).contains(day);
        return new MorningTasks.Candidate(pupil, priority, homeVisit);
    }

    private MorningTasks.Candidate candidate(PupilRecord pupil, LocalDate day, SchoolCalendar calendar) {
        return candidate(pupil, day, calendar, register.sessionMarks(pupil.id(), day.minusYears(LOOK_BACK_YEARS), day));
    }

    private static List<Long> ids(List<StaffRecord> people) {
        return people.stream().map(StaffRecord::id).toList();
    }
}
