package uk.attendance.casework.letters;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daily job of the graduated response: on each school day, for every pupil on roll with at least the school's
 * minimum of possible sessions this academic year, proposes
 * <ul>
 *   <li>the most severe attendance stage the pupil is below, unless a letter of that stage or a more severe one was
 *       proposed within the school's re-send period (so a pupil who gets worse gets the next stage at once, one who
 *       recovers gets nothing, and the same stage is not proposed twice within the period);</li>
 *   <li>the U-late letter when the U sessions this term reach the school's number, under the same period.</li>
 * </ul>
 * Letters proposed then dismissed count for the period. Idempotent: a run repeated on the same day proposes nothing new
 * (and the database keeps one letter per pupil, stage and day).
 */
@Singleton
public class LetterProposals {
    static final String LOCK = "letter-proposals";
    private static final Logger LOG = LoggerFactory.getLogger(LetterProposals.class);

    private final SchoolService schools;
    private final CalendarService calendars;
    private final PupilService pupils;
    private final LetterSettingsService settings;
    private final PupilStanding standings;
    private final LetterDrafts drafts;
    private final LetterRepository letters;
    private final Clock clock;

    LetterProposals(SchoolService schools, CalendarService calendars, PupilService pupils, LetterSettingsService settings,
                    PupilStanding standings, LetterDrafts drafts, LetterRepository letters, Clock clock) {
        this.schools = schools;
        this.calendars = calendars;
        this.pupils = pupils;
        this.settings = settings;
        this.standings = standings;
        this.drafts = drafts;
        this.letters = letters;
        this.clock = clock;
    }

    /** Every school, on one instance at a time (ShedLock); skipped while another instance holds the lock. */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void run() {
        int proposed = 0;
        for (SchoolRecord school : schools.all()) {
            try {
                proposed += propose(school);
            } catch (RuntimeException e) {
                // one school's bad calendar must not stop the others
                LOG.warn("Letter proposals of school {} failed: {}", school.id(), e.getClass().getSimpleName());
            }
        }
        if (proposed > 0) {
            LOG.info("Letter proposals: {} letters proposed", proposed);
        }
    }

    /** @return how many letters were proposed for the school today */
    public int propose(SchoolRecord school) {
        LocalDate today = clock.instant().atZone(school.zone()).toLocalDate();
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        if (!calendar.isSchoolDay(today)) {
            return 0;
        }
        SchoolLetterSettings rules = settings.of(school.id());
        Map<Long, Set<LetterStage>> recent = new HashMap<>();
        for (LetterRecord letter : letters.proposedSince(school.id(), today.minusDays(rules.resendAfterDays() - 1L))) {
            recent.computeIfAbsent(letter.pupilId(), id -> EnumSet.noneOf(LetterStage.class)).add(letter.stage());
        }
        int proposed = 0;
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.of(today))) {
            PupilStanding.Standing standing = standings.of(pupil, calendar, today);
            if (standing.year().possible() < rules.minimumSessions()) {
                continue;
            }
            Set<LetterStage> had = recent.getOrDefault(pupil.id(), Set.of());
            List<StageSetting> due = new ArrayList<>();
            mostSevereCrossed(rules, standing).filter(stage -> had.stream()
                            .noneMatch(h -> h == stage.stage() || h.moreSevereThan(stage.stage())))
                    .ifPresent(due::add);
            StageSetting uLate = rules.stage(LetterStage.U_LATE);
            if (uLate.automatic() && uLate.uLateSessions() != null && standing.uLateThisTerm() >= uLate.uLateSessions()
                    && !had.contains(LetterStage.U_LATE)) {
                due.add(uLate);
            }
            for (StageSetting stage : due) {
                if (save(school, pupil, stage, standing, today)) {
                    proposed++;
                }
            }
        }
        if (proposed > 0) {
            LOG.info("School {}: {} letters proposed for {}", school.id(), proposed, today);
        }
        return proposed;
    }

    private static Optional<StageSetting> mostSevereCrossed(SchoolLetterSettings rules, PupilStanding.Standing standing) {
        StageSetting found = null;
        for (StageSetting stage : rules.stages()) {
            if (stage.stage().byAttendance() && stage.automatic()
                    && stage.crossedBy(standing.year().attended(), standing.year().possible())
                    && (found == null || stage.stage().moreSevereThan(found.stage()))) {
                found = stage;
            }
        }
        return Optional.ofNullable(found);
    }

    private boolean save(SchoolRecord school, PupilRecord pupil, StageSetting stage, PupilStanding.Standing standing,
                         LocalDate today) {
        if (letters.existsByPupilIdAndStageAndProposedOn(pupil.id(), stage.stage(), today)) {
            return false;
        }
        try {
            LetterRecord saved = letters.save(drafts.draft(school, pupil, stage, standings.figures(standing, today), today, null));
            LOG.info("Letter {} ({}) proposed for pupil {}", saved.id(), stage.stage(), pupil.id());
            return true;
        } catch (DataAccessException duplicate) {
            // another run proposed it a moment ago (uq_letter_day)
            return false;
        }
    }
}
