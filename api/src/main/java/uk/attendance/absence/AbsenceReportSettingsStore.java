package uk.attendance.absence;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Per-school choices about parents' absence reports; a school that has not chosen gets the defaults. */
@Singleton
class AbsenceReportSettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(AbsenceReportSettingsStore.class);
    private final AbsenceReportSettingsRepository settings;
    private final SchoolService schools;
    private final Clock clock;

    AbsenceReportSettingsStore(AbsenceReportSettingsRepository settings, SchoolService schools, Clock clock) {
        this.settings = settings;
        this.schools = schools;
        this.clock = clock;
    }

    /** Illness reports are recorded at once unless the school reviews them first (DfE: a parent's word is normally enough). */
    boolean illnessNeedsReview(long schoolId) {
        return settings.findById(schoolId).map(AbsenceReportSettingsRecord::illnessNeedsReview).orElse(false);
    }

    /** @return the stored settings, empty while the school uses the defaults */
    Optional<AbsenceReportSettingsRecord> of(Caller caller, long schoolId) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        return settings.findById(school.id());
    }

    @Transactional
    public AbsenceReportSettingsRecord change(Caller caller, long schoolId, boolean illnessNeedsReview) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        AbsenceReportSettingsRecord record = new AbsenceReportSettingsRecord(school.id(), illnessNeedsReview,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), caller.name());
        AbsenceReportSettingsRecord stored = settings.existsById(school.id()) ? settings.update(record) : settings.save(record);
        LOG.info("School {} absence settings changed by staff {}: illnessNeedsReview={}", school.id(), caller.id(), illnessNeedsReview);
        return stored;
    }
}
