package uk.attendance.school;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.SchoolsApi;
import uk.attendance.contract.model.AcademicYear;
import uk.attendance.contract.model.AcademicYearInput;
import uk.attendance.contract.model.CalendarDay;
import uk.attendance.contract.model.DayKind;
import uk.attendance.contract.model.School;
import uk.attendance.contract.model.SchoolCalendar;
import uk.attendance.contract.model.SchoolInput;
import uk.attendance.contract.model.SchoolWeek;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.DateRanges;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static uk.attendance.platform.ContractTimes.hhmm;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class SchoolController implements SchoolsApi {
    private final SchoolService schools;
    private final CalendarService calendars;
    private final CurrentCaller caller;

    SchoolController(SchoolService schools, CalendarService calendars, CurrentCaller caller) {
        this.schools = schools;
        this.calendars = calendars;
        this.caller = caller;
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public HttpResponse<School> createSchool(SchoolInput input) {
        return HttpResponse.created(toContract(schools.create(caller.get().trustId(), input)));
    }

    @Override
    public List<School> listSchools() {
        return schools.visibleTo(caller.get()).stream().map(SchoolController::toContract).toList();
    }

    @Override
    public School getSchool(Long schoolId) {
        return toContract(schools.forStaff(caller.get(), schoolId));
    }

    @Override
    public AcademicYear getAcademicYear(Long schoolId, String academicYear) {
        schools.forStaff(caller.get(), schoolId);
        SchoolYear year = year(academicYear);
        return calendars.year(schoolId, year)
                .orElseThrow(() -> ApiProblem.notFound("No calendar for " + year.label() + " yet"));
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public AcademicYear putAcademicYear(Long schoolId, String academicYear, AcademicYearInput input) {
        schools.forStaff(caller.get(), schoolId);
        return calendars.replaceYear(schoolId, year(academicYear), input);
    }

    @Override
    public SchoolCalendar getSchoolCalendar(Long schoolId, LocalDate from, LocalDate to) {
        schools.forStaff(caller.get(), schoolId);
        DateRanges.check(from, to, 400);
        var calendar = calendars.calendarOf(schoolId);
        List<CalendarDay> days = calendar.days(from, to).stream()
                .map(d -> new CalendarDay(d.date(), DayKind.fromValue(d.kind().name()), d.amSession(), d.pmSession())
                        .term(d.term().orElse(null))
                        .description(d.description().orElse(null)))
                .toList();
        List<SchoolWeek> weeks = Stream.iterate(from.with(DayOfWeek.MONDAY), d -> !d.isAfter(to), d -> d.plusWeeks(1))
                .map(calendar::weekContaining)
                .map(w -> new SchoolWeek(w.monday(), w.sunday(), w.sessions(), w.isSchoolWeek()))
                .toList();
        return new SchoolCalendar(from, to, days, weeks);
    }

    private static SchoolYear year(String label) {
        return SchoolYear.parse(label)
                .orElseThrow(() -> ApiProblem.invalid("academicYear", "write the academic year as 2025-26"));
    }

    static School toContract(SchoolRecord s) {
        return new School(s.id(), s.urn(), s.name(), s.timezone(), hhmm(s.amRegisterOpens()), hhmm(s.pmRegisterOpens()),
                s.registerOpenMinutes(), hhmm(s.amSessionEnds()), hhmm(s.pmSessionEnds()), hhmm(s.textTime()), hhmm(s.callTime()))
                .localAuthority(s.localAuthority()
                        .map(la -> new uk.attendance.contract.model.LocalAuthority(la.code(), la.name())).orElse(null));
    }
}
