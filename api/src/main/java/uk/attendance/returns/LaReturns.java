package uk.attendance.returns;

import jakarta.inject.Singleton;
import uk.attendance.absence.AbsenceReportService;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilAddressRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.pupil.PupilService.ContactLink;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.SessionMark;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Local-authority returns of a school: found on every read from the register (see {@link ReturnFinder} and
 * {@link ReturnStore}), listed with the LA's fields, marked sent, exported per LA. The lines carry personal data for
 * the LA by design: nothing here logs them.
 */
@Singleton
public class LaReturns {
    private final LaReturnRepository returns;
    private final ReturnStore store;
    private final SchoolService schools;
    private final PupilService pupils;
    private final CalendarService calendars;
    private final RegisterService register;
    private final AbsenceReportService absenceReports;
    private final Clock clock;

    LaReturns(LaReturnRepository returns, ReturnStore store, SchoolService schools, PupilService pupils,
              CalendarService calendars, RegisterService register, AbsenceReportService absenceReports, Clock clock) {
        this.returns = returns;
        this.store = store;
        this.schools = schools;
        this.pupils = pupils;
        this.calendars = calendars;
        this.register = register;
        this.absenceReports = absenceReports;
        this.clock = clock;
    }

    record Listing(LocalDate asOf, List<ReturnLine> lines) {
    }

    /** The school's returns due up to {@code asOf} in its academic year (and older ones still due), oldest first. */
    public Listing ofSchool(Caller caller, long schoolId, Optional<ReturnKind> kind, Optional<LaReturnRow.Status> status,
                            Optional<LocalDate> asOf) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        LocalDate date = asOf(school, asOf);
        return new Listing(date, linesOf(school, date, kind, status));
    }

    /** Every return of the caller's schools in the LA, school by school; 404 when none of them is in it. */
    public Listing ofLocalAuthority(Caller caller, String laCode, Optional<ReturnKind> kind,
                                    Optional<LaReturnRow.Status> status, Optional<LocalDate> asOf) {
        List<SchoolRecord> inLa = schools.visibleInLocalAuthority(caller, laCode);
        if (inLa.isEmpty()) {
            throw ApiProblem.notFound("None of your schools makes its returns to local authority " + laCode);
        }
        LocalDate today = asOf.isEmpty() ? null : asOf(inLa.get(0), asOf);
        List<ReturnLine> lines = new ArrayList<>();
        LocalDate date = null;
        for (SchoolRecord school : inLa) {
            date = today != null ? today : asOf(school, Optional.empty());
            lines.addAll(linesOf(school, date, kind, status));
        }
        return new Listing(date, lines);
    }

    public ReturnLine one(Caller caller, long returnId) {
        LaReturnRow row = visible(caller, returnId);
        return line(row);
    }

    public ReturnLine markSent(Caller caller, long returnId, String via, Optional<String> note) {
        LaReturnRow row = visible(caller, returnId);
        if (row.status() == LaReturnRow.Status.SENT) {
            throw ApiProblem.conflict("Return " + returnId + " was already sent on " + row.sentAt().toLocalDate());
        }
        if ("OTHER".equals(via) && note.filter(n -> !n.isBlank()).isEmpty()) {
            throw ApiProblem.invalid("note", "say how the return was sent when via is OTHER");
        }
        int changed = returns.markSent(row.id(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), caller.id(),
                caller.name(), caller.position(), via, note.map(String::strip).filter(n -> !n.isEmpty()).orElse(null));
        LaReturnRow now = returns.findById(returnId)
                .orElseThrow(() -> ApiProblem.notFound("No return " + returnId + ": the register no longer shows it due"));
        if (changed == 0) {
            throw ApiProblem.conflict("Return " + returnId + " was already sent");
        }
        return line(now);
    }

    /** The returns the caller may see: staff of the school, a trust admin of its trust; 404 otherwise. */
    private LaReturnRow visible(Caller caller, long returnId) {
        LaReturnRow row = returns.findById(returnId).orElseThrow(() -> ApiProblem.notFound("No return " + returnId));
        schools.find(row.schoolId())
                .filter(s -> s.trustId() == caller.trustId() && caller.worksAt(s.id()))
                .orElseThrow(() -> ApiProblem.notFound("No return " + returnId));
        return row;
    }

    private List<ReturnLine> linesOf(SchoolRecord school, LocalDate date, Optional<ReturnKind> kind,
                                     Optional<LaReturnRow.Status> status) {
        LocalDate yearStart = SchoolYear.containing(date).firstDay();
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        Map<Long, List<SessionMark>> marks = register.sessionMarksOfSchool(school.id(), yearStart, date);
        List<PupilRecord> roll = pupils.ofSchool(school.id(), Optional.empty(), Optional.empty());
        store.store(school.id(), ReturnFinder.find(calendar, roll, marks,
                absenceReports.anticipatedIllness(school.id(), yearStart), yearStart, date), yearStart, date);
        List<LaReturnRow> rows = returns.listed(school.id(), yearStart, date, status.map(Enum::name).orElse(null),
                kind.map(Enum::name).orElse(null));
        Map<Long, PupilRecord> byId = roll.stream().collect(Collectors.toMap(PupilRecord::id, Function.identity()));
        List<Long> ids = rows.stream().map(LaReturnRow::pupilId).distinct().toList();
        Map<Long, PupilAddressRecord> addresses = pupils.addressesOf(ids);
        Map<Long, List<ContactLink>> contacts = pupils.contactsOf(ids);
        List<ReturnLine> lines = new ArrayList<>(rows.size());
        for (LaReturnRow row : rows) {
            List<SessionMark> own = !sessionsFrom(row).isBefore(yearStart) && !row.periodEnd().isAfter(date)
                    ? marks.getOrDefault(row.pupilId(), List.of())
                    : register.sessionMarks(row.pupilId(), sessionsFrom(row), row.periodEnd());
            PupilRecord pupil = Optional.ofNullable(byId.get(row.pupilId())).or(() -> pupils.find(row.pupilId())).orElseThrow();
            lines.add(line(row, school, pupil, Optional.ofNullable(addresses.get(row.pupilId())),
                    contacts.getOrDefault(row.pupilId(), List.of()), own));
        }
        return lines;
    }

    private ReturnLine line(LaReturnRow row) {
        SchoolRecord school = schools.find(row.schoolId()).orElseThrow();
        PupilRecord pupil = pupils.find(row.pupilId()).orElseThrow();
        return line(row, school, pupil, pupils.addressOf(pupil.id()), pupils.contactsOf(pupil.id()),
                row.kind().coversPeriod() ? register.sessionMarks(pupil.id(), sessionsFrom(row), row.periodEnd()) : List.of());
    }

    private static ReturnLine line(LaReturnRow row, SchoolRecord school, PupilRecord pupil,
                                   Optional<PupilAddressRecord> address, List<ContactLink> contacts, List<SessionMark> marks) {
        List<ContactLink> parents = contacts.stream()
                .filter(c -> c.link().parentalResponsibility() || c.link().livesWith())
                .toList();
        List<ReturnLine.Missing> missing = new ArrayList<>();
        if (address.isEmpty()) {
            missing.add(ReturnLine.Missing.ADDRESS);
        }
        if (pupil.upn() == null) {
            missing.add(ReturnLine.Missing.UPN);
        }
        if (parents.isEmpty()) {
            missing.add(ReturnLine.Missing.PARENT_CONTACT);
        }
        if (row.kind() == ReturnKind.DELETION && pupil.leavingGround() == null) {
            missing.add(ReturnLine.Missing.LEAVING_GROUND);
        }
        if (school.laCode() == null) {
            missing.add(ReturnLine.Missing.LOCAL_AUTHORITY);
        }
        return new ReturnLine(row, school, pupil, address, parents, concerned(row, marks), List.copyOf(missing));
    }

    /** Attendance: the G N O U sessions of the run; sickness: the I sessions of the period (the year's, if cumulative). */
    private static List<SessionMark> concerned(LaReturnRow row, List<SessionMark> marks) {
        if (!row.kind().coversPeriod()) {
            return List.of();
        }
        LocalDate from = sessionsFrom(row);
        return marks.stream()
                .filter(m -> !m.date().isBefore(from) && !m.date().isAfter(row.periodEnd()))
                .filter(m -> row.kind() == ReturnKind.ATTENDANCE ? m.code().countsTowardsPenaltyThreshold() : m.code() == RegisterCode.I)
                .sorted(SessionMark.CHRONOLOGICAL)
                .toList();
    }

    private static LocalDate sessionsFrom(LaReturnRow row) {
        return "CUMULATIVE".equals(row.sicknessTrigger())
                ? SchoolYear.containing(row.periodEnd()).firstDay() : row.periodStart();
    }

    private LocalDate asOf(SchoolRecord school, Optional<LocalDate> asOf) {
        LocalDate today = LocalDate.now(clock.withZone(school.zone()));
        LocalDate date = asOf.orElse(today);
        if (date.isAfter(today)) {
            throw ApiProblem.invalid("asOf", "is after today (" + today + ")");
        }
        return date;
    }
}
