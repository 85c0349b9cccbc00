package uk.attendance.evidence;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.PupilService;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files: upload (type read from the content), who may read them, attaching them to a pupil's record, and
 * the download log. A file is readable by its uploader and, once attached to a pupil, by that pupil's
 * parents/carers and the staff of the pupil's school (trust admins of its trust); anyone else gets 404.
 */
@Singleton
public class EvidenceService {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final String FIELD = "file";
    static final String TOO_LARGE = "is larger than 10 MB (10485760 bytes)";
    static final String NOT_ACCEPTED = "is not a JPEG, PNG, HEIC, WebP image or a PDF";
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);

    private final EvidenceStore store;
    private final EvidenceFileRepository files;
    private final EvidenceAttachmentRepository attachments;
    private final EvidenceDownloadRepository downloads;
    private final PupilService pupils;
    private final UploadLimits limits;
    private final Clock clock;

    EvidenceService(EvidenceStore store, EvidenceFileRepository files, EvidenceAttachmentRepository attachments,
                    EvidenceDownloadRepository downloads, PupilService pupils, UploadLimits limits, Clock clock) {
        this.store = store;
        this.files = files;
        this.attachments = attachments;
        this.downloads = downloads;
        this.pupils = pupils;
        this.limits = limits;
        this.clock = clock;
    }

    /** A file to send: what is known about it and its content (the reader closes it). */
    public record Download(EvidenceFileRecord file, InputStream content) {
    }

    /**
     * Stores an uploaded file: empty → 400, over 10 MB → 413, not an accepted type by its content → 415, over the
     * uploader's rate or daily quota → {@link UploadLimitReached} (429).
     */
    public EvidenceFileRecord upload(Caller caller, String originalName, byte[] content) {
        if (content.length == 0) {
            throw ApiProblem.invalid(FIELD, "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ApiProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload too large",
                    FIELD + ": " + TOO_LARGE, List.of(new FieldProblem(FIELD, TOO_LARGE)));
        }
        EvidenceType type = EvidenceType.sniff(content).orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type", "Unsupported media type", FIELD + ": " + NOT_ACCEPTED,
                List.of(new FieldProblem(FIELD, NOT_ACCEPTED))));
        limits.check(caller, content.length, now());
        String key = UUID.randomUUID().toString();
        store.put(key, content, type.mediaType());
        try {
            EvidenceFileRecord saved = files.save(new EvidenceFileRecord(null, key, sha256(content), type.mediaType(),
                    content.length, FileNames.clean(originalName, type), caller.kind(), caller.id(), now()));
            LOG.info("Evidence {} uploaded by {}:{} ({}, {} bytes)", saved.id(), caller.kind(), caller.id(),
                    type.mediaType(), content.length);
            return saved;
        } catch (RuntimeException e) {
            store.delete(key);
            throw e;
        }
    }

    /** The file, when the caller may read it; 404 otherwise. */
    public EvidenceFileRecord readable(Caller caller, long evidenceId) {
        return files.findById(evidenceId)
                .filter(f -> f.uploadedBy(caller) || attachments.findByEvidenceId(evidenceId).stream()
                        .anyMatch(a -> canSeePupil(caller, a.pupilId())))
                .orElseThrow(() -> ApiProblem.notFound("No evidence file " + evidenceId));
    }

    /** Opens the file for the caller and logs the download (table and log line, ids only). */
    @Transactional
    public Download download(Caller caller, long evidenceId) {
        EvidenceFileRecord file = readable(caller, evidenceId);
        InputStream content = store.get(file.storageKey()).orElseThrow(() -> {
            LOG.error("Evidence {} is missing from the store (key {})", evidenceId, file.storageKey());
            return ApiProblem.notFound("Evidence file " + evidenceId + " is no longer available");
        });
        downloads.save(new EvidenceDownloadRecord(null, evidenceId, caller.kind(), caller.id(), now()));
        LOG.info("Evidence {} downloaded by {}:{}", evidenceId, caller.kind(), caller.id());
        return new Download(file, content);
    }

    /** Every download of a file the caller (staff) may read, newest first. */
    public List<EvidenceDownloadRecord> downloadsOf(Caller caller, long evidenceId) {
        if (caller.isParent()) {
            throw ApiProblem.forbidden("Only staff can see who downloaded a file");
        }
        readable(caller, evidenceId);
        return downloads.newestFirst(evidenceId);
    }

    /**
     * Attaches files to a pupil's record for a subject (e.g. {@code "absence-report:12"}): 404 when the caller may
     * not see the pupil; each file must exist and have been uploaded by the caller, else a 400 naming
     * {@code evidenceIds[i]}. Attaching a file again to the same pupil and subject changes nothing. Joins the
     * caller's transaction, so a report that fails to save leaves no attachment behind.
     */
    @Transactional
    public List<EvidenceFileRecord> attach(Caller caller, List<Long> evidenceIds, long pupilId, String subject) {
        if (subject == null || subject.isBlank() || subject.length() > 100) {
            throw new IllegalArgumentException("An attachment's subject is 1 to 100 characters: " + subject);
        }
        pupils.visibleTo(caller, pupilId);
        List<FieldProblem> problems = new ArrayList<>();
        List<EvidenceFileRecord> found = new ArrayList<>();
        for (int i = 0; i < evidenceIds.size(); i++) {
            Long id = evidenceIds.get(i);
            // locked, so the purge of unattached files cannot delete it between this check and the attachment
            Optional<EvidenceFileRecord> file = id == null ? Optional.empty()
                    : files.lock(id).flatMap(files::findById).filter(f -> f.uploadedBy(caller));
            if (file.isEmpty()) {
                problems.add(new FieldProblem("evidenceIds[" + i + "]", "is not a file you uploaded", i));
            } else {
                found.add(file.get());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        LocalDateTime now = now();
        for (EvidenceFileRecord file : found) {
            if (!attachments.existsByEvidenceIdAndPupilIdAndSubject(file.id(), pupilId, subject)) {
                attachments.save(new EvidenceAttachmentRecord(null, file.id(), pupilId, subject, now));
                LOG.info("Evidence {} attached to pupil {} ({})", file.id(), pupilId, subject);
            }
        }
        return found;
    }

    /** The files attached for a subject, oldest first (for showing a report or request with its evidence). */
    public List<EvidenceFileRecord> attachedTo(String subject) {
        return files.attachedTo(subject);
    }

    /** Every file attached to a pupil's record, newest first; 404 when the caller may not see the pupil. */
    public List<EvidenceFileRecord> ofPupil(Caller caller, long pupilId) {
        pupils.visibleTo(caller, pupilId);
        return files.ofPupil(pupilId);
    }

    private boolean canSeePupil(Caller caller, long pupilId) {
        try {
            pupils.visibleTo(caller, pupilId);
            return true;
        } catch (ApiProblem e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
