package uk.attendance.evidence;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** An evidence file attached to a pupil's record for a subject such as {@code absence-report:12}. */
@MappedEntity("evidence_attachment")
record EvidenceAttachmentRecord(@Id @GeneratedValue Long id, long evidenceId, long pupilId, String subject,
                                LocalDateTime attachedAt) {
}
