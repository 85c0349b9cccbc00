package uk.attendance.casework.documents;

/** What a logged download was. */
public enum DocumentKind { HALF_TERM_REPORT, LETTER }
