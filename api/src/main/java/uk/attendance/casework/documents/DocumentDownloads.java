package uk.attendance.casework.documents;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The log of every download of a document to families (table and log line, ids only), and the staff's view of it. */
@Singleton
public class DocumentDownloads {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentDownloads.class);
    private final DocumentDownloadRepository downloads;
    private final SchoolService schools;
    private final PupilService pupils;
    private final Clock clock;

    DocumentDownloads(DocumentDownloadRepository downloads, SchoolService schools, PupilService pupils, Clock clock) {
        this.downloads = downloads;
        this.schools = schools;
        this.pupils = pupils;
        this.clock = clock;
    }

    /**
     * Logs that the caller downloaded a document of the pupil (letters: with the letter's id).
     *
     * @param periodStart the first day the document's figures cover
     */
    public void log(Caller caller, PupilRecord pupil, DocumentKind kind, Optional<Long> documentId, LocalDate periodStart,
                    LocalDate periodEnd, String title, String language) {
        downloads.save(new DocumentDownloadRecord(null, pupil.schoolId(), pupil.id(), kind, documentId.orElse(null),
                periodStart, periodEnd, title, language, caller.kind(), caller.id(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
        LOG.info("Document {} of pupil {} ({} to {}) downloaded by {}:{}", kind, pupil.id(), periodStart, periodEnd,
                caller.kind(), caller.id());
    }

    /** The school's latest 500 downloads, newest first, or one pupil's (a pupil of that school, else 404). */
    List<DocumentDownloadRecord> ofSchool(Caller caller, long schoolId, Optional<Long> pupilId) {
        long school = schools.forStaff(caller, schoolId).id();
        if (pupilId.isPresent()) {
            return downloads.latestOfPupil(pupils.visibleAtSchool(caller, pupilId.get(), school).id());
        }
        return downloads.latestOfSchool(school);
    }
}
