package uk.attendance.casework.documents;

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

/** Per-school choices about documents to families: whether families get the half-termly attendance report. */
@Singleton
public class DocumentSettings {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentSettings.class);
    private final DocumentSettingsRepository settings;
    private final SchoolService schools;
    private final Clock clock;

    DocumentSettings(DocumentSettingsRepository settings, SchoolService schools, Clock clock) {
        this.settings = settings;
        this.schools = schools;
        this.clock = clock;
    }

    /** Whether the school's families get the half-termly report (on unless the school opted out). */
    public boolean halfTermReports(long schoolId) {
        return settings.findById(schoolId).map(DocumentSettingsRecord::halfTermReports).orElse(true);
    }

    /** @return the stored settings, empty while the school uses the defaults */
    Optional<DocumentSettingsRecord> of(Caller caller, long schoolId) {
        return settings.findById(schools.forStaff(caller, schoolId).id());
    }

    @Transactional
    DocumentSettingsRecord change(Caller caller, long schoolId, boolean halfTermReports) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        DocumentSettingsRecord record = new DocumentSettingsRecord(school.id(), halfTermReports,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), caller.name());
        DocumentSettingsRecord stored = settings.existsById(school.id()) ? settings.update(record) : settings.save(record);
        LOG.info("School {} document settings changed by staff {}: halfTermReports={}", school.id(), caller.id(), halfTermReports);
        return stored;
    }
}
