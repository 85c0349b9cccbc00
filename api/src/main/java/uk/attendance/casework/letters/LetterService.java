package uk.attendance.casework.letters;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Staff review, edit, send and dismiss letters; families read those sent. A letter the caller may not see answers 404:
 * another family's, another school's, and for a parent any letter not sent.
 */
@Singleton
class LetterService {
    private static final Logger LOG = LoggerFactory.getLogger(LetterService.class);
    private final LetterRepository letters;
    private final PupilService pupils;
    private final SchoolService schools;
    private final CalendarService calendars;
    private final LetterSettingsService settings;
    private final PupilStanding standings;
    private final LetterDrafts drafts;
    private final LetterNotices notices;
    private final Clock clock;

    LetterService(LetterRepository letters, PupilService pupils, SchoolService schools, CalendarService calendars,
                  LetterSettingsService settings, PupilStanding standings, LetterDrafts drafts, LetterNotices notices,
                  Clock clock) {
        this.letters = letters;
        this.pupils = pupils;
        this.schools = schools;
        this.calendars = calendars;
        this.settings = settings;
        this.standings = standings;
        this.drafts = drafts;
        this.notices = notices;
        this.clock = clock;
    }

    List<LetterRecord> ofSchool(Caller caller, long schoolId, Optional<LetterRecord.Status> status,
                                Optional<LetterStage> stage, Optional<Long> before, int limit) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        return letters.ofSchool(school.id(), status.map(Enum::name).orElse(null), stage.map(Enum::name).orElse(null),
                before.orElse(null), limit);
    }

    List<LetterRecord> ofPupil(Caller caller, long pupilId) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        return letters.ofPupil(pupil.id(), caller.isParent() ? LetterRecord.Status.SENT.name() : null);
    }

    LetterRecord read(Caller caller, long letterId) {
        LetterRecord letter = letters.findById(letterId).orElseThrow(() -> notFound(letterId));
        if (caller.isParent()) {
            if (letter.status() != LetterRecord.Status.SENT || !pupils.actsFor(caller.id(), letter.pupilId())) {
                throw notFound(letterId);
            }
            return letter;
        }
        return staffLetter(caller, letterId);
    }

    /** A staff member starts a letter for a pupil (long-term illness, part-time timetable, or a stage out of turn). */
    @Transactional
    LetterRecord start(Caller caller, long pupilId, LetterStage stage) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        SchoolRecord school = schools.forStaff(caller, pupil.schoolId());
        LocalDate today = clock.instant().atZone(school.zone()).toLocalDate();
        if (letters.existsByPupilIdAndStageAndProposedOn(pupil.id(), stage, today)) {
            throw ApiProblem.conflict("A " + stage + " letter for pupil " + pupil.id() + " was already proposed today");
        }
        PupilStanding.Standing standing = standings.of(pupil, calendars.calendarOf(school.id()), today);
        LetterRecord saved = letters.save(drafts.draft(school, pupil, settings.of(school.id()).stage(stage),
                standings.figures(standing, today), today, caller.id()));
        LOG.info("Letter {} ({}) started for pupil {} by staff {}", saved.id(), stage, pupil.id(), caller.id());
        return saved;
    }

    @Transactional
    LetterRecord edit(Caller caller, long letterId, Optional<String> subject, Optional<String> body) {
        LetterRecord letter = staffLetter(caller, letterId);
        if (letter.status() != LetterRecord.Status.PROPOSED
                || letters.edit(letter.id(), subject.orElse(letter.subject()), body.orElse(letter.body()), caller.id(), now()) == 0) {
            throw ApiProblem.conflict("Letter " + letterId + " is " + current(letterId).status() + ": only a proposed letter may be edited");
        }
        return current(letterId);
    }

    /** Sent once: the letter becomes SENT and the family's notices are written to the outbox in the same transaction. */
    @Transactional
    LetterRecord send(Caller caller, long letterId) {
        LetterRecord letter = staffLetter(caller, letterId);
        if (letter.status() == LetterRecord.Status.SENT) {
            return letter;
        }
        if (letter.status() == LetterRecord.Status.DISMISSED) {
            throw ApiProblem.conflict("Letter " + letterId + " was dismissed: it cannot be sent");
        }
        SchoolRecord school = schools.find(letter.schoolId()).orElseThrow(() -> notFound(letterId));
        int recipients = pupils.contactsOf(letter.pupilId()).stream().filter(c -> c.link().parentalResponsibility())
                .mapToInt(c -> 1).sum();
        if (letters.markSent(letter.id(), caller.id(), now(), recipients) == 0) {
            // sent or dismissed a moment ago by someone else
            return read(caller, letterId);
        }
        int told = notices.letterSent(letter, school);
        LOG.info("Letter {} sent by staff {} to {} contacts", letter.id(), caller.id(), told);
        return current(letterId);
    }

    @Transactional
    LetterRecord dismiss(Caller caller, long letterId, String reason) {
        LetterRecord letter = staffLetter(caller, letterId);
        if (letter.status() == LetterRecord.Status.DISMISSED) {
            return letter;
        }
        if (letter.status() == LetterRecord.Status.SENT || letters.dismiss(letter.id(), caller.id(), now(), reason) == 0) {
            throw ApiProblem.conflict("Letter " + letterId + " was sent: it cannot be dismissed");
        }
        LOG.info("Letter {} dismissed by staff {}", letter.id(), caller.id());
        return current(letterId);
    }

    private LetterRecord staffLetter(Caller caller, long letterId) {
        LetterRecord letter = letters.findById(letterId).orElseThrow(() -> notFound(letterId));
        schools.find(letter.schoolId())
                .filter(s -> s.trustId() == caller.trustId() && caller.worksAt(s.id()))
                .orElseThrow(() -> notFound(letterId));
        return letter;
    }

    private LetterRecord current(long letterId) {
        return letters.findById(letterId).orElseThrow(() -> notFound(letterId));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static ApiProblem notFound(long letterId) {
        return ApiProblem.notFound("No letter " + letterId);
    }
}
