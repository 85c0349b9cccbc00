package uk.attendance.evidence;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.caller.Caller;

import java.time.LocalDateTime;

/** One download of an evidence file: who and when (UTC). */
@MappedEntity("evidence_download")
public record EvidenceDownloadRecord(@Id @GeneratedValue Long id, long evidenceId, Caller.Kind downloaderKind,
                                     long downloaderId, LocalDateTime downloadedAt) {
}
