package uk.attendance.evidence;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.EvidenceFile;
import uk.attendance.contract.model.EvidenceMediaType;
import uk.attendance.contract.model.EvidencePerson;
import uk.attendance.contract.model.EvidencePersonKind;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An uploaded evidence file: its bytes are in the {@link EvidenceStore} under {@code storageKey}; {@code mediaType}
 * was read from the content; {@code fileName} is the uploaded name, cleaned ({@link FileNames}). Times are UTC.
 */
@MappedEntity("evidence_file")
public record EvidenceFileRecord(@Id @GeneratedValue Long id, String storageKey, String sha256, String mediaType,
                                 long sizeBytes, String fileName, Caller.Kind uploaderKind, long uploaderId,
                                 LocalDateTime createdAt) {

    public boolean uploadedBy(Caller caller) {
        return uploaderKind == caller.kind() && uploaderId == caller.id();
    }

    /** The file as the contract shows it (other features embed it in their answers). */
    public EvidenceFile toContract() {
        return new EvidenceFile(id, fileName, EvidenceMediaType.fromValue(mediaType), sizeBytes, sha256,
                new EvidencePerson(EvidencePersonKind.fromValue(uploaderKind.name()), uploaderId),
                createdAt.atZone(ZoneOffset.UTC));
    }
}
