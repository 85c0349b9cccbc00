package uk.attendance.leave;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.LeaveType;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The checks a preview and a request share: whose child, which days, none of them past, some school sessions. */
@Singleton
class LeaveDrafts {
    static final int MAX_DAYS = 92;

    private final PupilService pupils;
    private final SchoolService schools;
    private final CalendarService calendars;
    private final Clock clock;

    LeaveDrafts(PupilService pupils, SchoolService schools, CalendarService calendars, Clock clock) {
        this.pupils = pupils;
        this.schools = schools;
        this.calendars = calendars;
        this.clock = clock;
    }

    LeaveDraft check(Caller caller, long pupilId, LeaveType type, LocalDate firstDay, Session firstSession,
                     LocalDate lastDay, Session lastSession) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        SchoolRecord school = schools.find(pupil.schoolId()).orElseThrow(() -> ApiProblem.notFound("No pupil " + pupilId));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), school.zone());
        refuseRetrospective(school, now, firstDay, firstSession);
        List<FieldProblem> problems = new ArrayList<>();
        if (lastDay.isBefore(firstDay)) {
            problems.add(new FieldProblem("lastDay", "must not be before firstDay (" + firstDay + ")"));
        } else if (firstDay.plusDays(MAX_DAYS).isBefore(lastDay)) {
            problems.add(new FieldProblem("lastDay", "a request may cover at most " + MAX_DAYS + " days after firstDay"));
        } else if (firstDay.equals(lastDay) && firstSession == Session.PM && lastSession == Session.AM) {
            problems.add(new FieldProblem("lastSession", "a one-day request from the afternoon (firstSession PM) must end with that afternoon (PM)"));
        }
        if (firstDay.isBefore(pupil.admissionDate())) {
            problems.add(new FieldProblem("firstDay", "is before the child's admission to the school (" + pupil.admissionDate() + ")"));
        }
        if (pupil.leavingDate() != null && lastDay.isAfter(pupil.leavingDate())) {
            problems.add(new FieldProblem("lastDay", "is after the child's leaving date (" + pupil.leavingDate() + ")"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        LeavePeriod period = new LeavePeriod(firstDay, firstSession, lastDay, lastSession);
        List<LeaveSlot> sessions = period.sessions(calendar);
        List<LeavePeriod.Skipped> skipped = period.skipped(calendar);
        if (sessions.isEmpty()) {
            throw ApiProblem.invalid("firstDay", "there is no school session from " + LeaveWords.day(firstDay) + " to "
                    + LeaveWords.day(lastDay) + " (" + skipped.stream().map(LeavePeriod.Skipped::description).distinct()
                    .collect(Collectors.joining(", ")) + "): no leave is needed");
        }
        return new LeaveDraft(pupil, school, calendar, type, period, sessions, skipped, now.toLocalDate());
    }

    /**
     * Leave cannot be granted retrospectively (rule book §4). Convention: a session is past once its register has
     * opened, so today's afternoon may still be asked for during the morning.
     */
    static void refuseRetrospective(SchoolRecord school, LocalDateTime now, LocalDate firstDay, Session firstSession) {
        LocalDate today = now.toLocalDate();
        if (firstDay.isBefore(today)) {
            throw ApiProblem.invalid("firstDay", "leave cannot be granted retrospectively: " + LeaveWords.day(firstDay)
                    + " has already passed. Leave must be asked for before it starts; tell the school about a past absence instead.");
        }
        if (!firstDay.equals(today)) {
            return;
        }
        LocalTime amOpens = school.amRegisterOpens();
        LocalTime pmOpens = school.pmRegisterOpens();
        if (firstSession == Session.AM && !now.isBefore(begins(school, today, Session.AM))) {
            throw ApiProblem.invalid("firstDay", "leave cannot be granted retrospectively: this morning's session began when the register "
                    + "opened at " + amOpens + ". Leave for today can start with the afternoon (firstSession PM) until " + pmOpens
                    + "; tell the school about this morning's absence instead.");
        }
        if (!now.isBefore(begins(school, today, Session.PM))) {
            throw ApiProblem.invalid(firstSession == Session.PM ? "firstSession" : "firstDay", "leave cannot be granted retrospectively: "
                    + "this afternoon's session began when the register opened at " + pmOpens
                    + ". Leave can start tomorrow at the earliest; tell the school about today's absence instead.");
        }
    }

    /** A session begins, for leave, when its register opens at the school. */
    static LocalDateTime begins(SchoolRecord school, LocalDate date, Session session) {
        return date.atTime(session == Session.AM ? school.amRegisterOpens() : school.pmRegisterOpens());
    }
}
