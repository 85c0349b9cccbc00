package uk.attendance.casework.documents;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The half-termly attendance report of a pupil: which half-term, the figures, the family's language, the download log. */
@Singleton
public class AttendanceReports {
    private final PupilService pupils;
    private final SchoolService schools;
    private final CalendarService calendars;
    private final DocumentFiguresSource figures;
    private final DocumentSettings settings;
    private final DocumentDownloads downloads;
    private final DocumentRenderer renderer;
    private final FamilyLanguage languages;
    private final Clock clock;

    AttendanceReports(PupilService pupils, SchoolService schools, CalendarService calendars, DocumentFiguresSource figures,
                      DocumentSettings settings, DocumentDownloads downloads, DocumentRenderer renderer,
                      FamilyLanguage languages, Clock clock) {
        this.pupils = pupils;
        this.schools = schools;
        this.calendars = calendars;
        this.figures = figures;
        this.settings = settings;
        this.downloads = downloads;
        this.renderer = renderer;
        this.languages = languages;
        this.clock = clock;
    }

    /** A rendered report and what it covers. */
    public record Rendered(byte[] pdf, String fileName, String language, HalfTerm halfTerm) {
    }

    /**
     * The report of the half-term containing {@code within} (default: the last one ended) for a parent who acts for
     * the child or the school's staff, logged as downloaded. 404 for anyone else, and for parents when the school has
     * turned the reports off.
     */
    public Rendered download(Caller caller, long pupilId, Optional<LocalDate> within) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        if (caller.isParent() && !settings.halfTermReports(pupil.schoolId())) {
            throw ApiProblem.notFound("The school of pupil " + pupilId + " does not offer half-termly attendance reports");
        }
        SchoolRecord school = schools.find(pupil.schoolId()).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(school.zone()));
        HalfTerms halfTerms = HalfTerms.of(calendars.calendarOf(school.id()));
        HalfTerm halfTerm = within
                .map(d -> halfTerms.containing(d).orElseThrow(() -> ApiProblem.invalid("halfTerm",
                        "is not within a half-term of the school calendar (" + d + ")")))
                .orElseGet(() -> halfTerms.lastEndedBefore(today).orElseThrow(() -> ApiProblem.invalid("halfTerm",
                        "no half-term of the school calendar has ended yet: name the current one")));
        if (halfTerm.start().isAfter(today)) {
            throw ApiProblem.invalid("halfTerm", halfTerm.title() + " has not started yet (it starts on " + halfTerm.start() + ")");
        }
        Optional<LocalDate[]> onRoll = onRoll(pupil, halfTerm, today);
        if (onRoll.isEmpty()) {
            throw ApiProblem.invalid("halfTerm", "the pupil was not on roll in " + halfTerm.title());
        }
        LocalDate from = onRoll.get()[0];
        LocalDate to = onRoll.get()[1];
        DocumentFigures current = figures.of(caller, pupilId, from, to);
        Optional<HalfTerm> previousHalfTerm = halfTerms.before(halfTerm);
        Optional<DocumentFigures> previous = previousHalfTerm.flatMap(h -> onRoll(pupil, h, today))
                .map(range -> figures.of(caller, pupilId, range[0], range[1]));
        LocalDate yearStart = SchoolYear.containing(halfTerm.start()).firstDay();
        DocumentFigures yearToDate = figures.of(caller, pupilId, yearStart.isBefore(pupil.admissionDate())
                ? pupil.admissionDate() : yearStart, to);
        String language = languages.of(caller, pupil);
        HalfTermReport report = new HalfTermReport(language, school.name(), pupil.displayName(), pupil.firstName(),
                pupil.registrationGroup(), today, halfTerm, current, previous.map(p -> previousHalfTerm.get()).orElse(null),
                previous.orElse(null), yearToDate);
        byte[] pdf = renderer.render(report);
        downloads.log(caller, pupil, DocumentKind.HALF_TERM_REPORT, Optional.empty(), from, to, halfTerm.title(), language);
        return new Rendered(pdf, "attendance-report-" + pupil.id() + "-" + halfTerm.slug() + ".pdf", language, halfTerm);
    }

    /** The days of the half-term the pupil was on roll, up to today; empty when none. */
    private static Optional<LocalDate[]> onRoll(PupilRecord pupil, HalfTerm halfTerm, LocalDate today) {
        LocalDate from = halfTerm.start().isBefore(pupil.admissionDate()) ? pupil.admissionDate() : halfTerm.start();
        LocalDate to = halfTerm.end().isAfter(today) ? today : halfTerm.end();
        if (pupil.leavingDate() != null && pupil.leavingDate().isBefore(to)) {
            to = pupil.leavingDate();
        }
        return to.isBefore(from) ? Optional.empty() : Optional.of(new LocalDate[]{from, to});
    }
}
