package uk.attendance.casework.documents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.caller.Caller;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One download of a document: which (pupil, kind, letter id, the dates its figures cover, title, language), who, when (UTC). */
@MappedEntity("document_download")
public record DocumentDownloadRecord(@Id @GeneratedValue Long id, long schoolId, long pupilId, DocumentKind kind,
                                     @Nullable Long documentId, LocalDate periodStart, LocalDate periodEnd, String title,
                                     String language, Caller.Kind downloaderKind, long downloaderId,
                                     LocalDateTime downloadedAt) {
}
