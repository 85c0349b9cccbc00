package uk.attendance.casework.documents;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Which schools' half-terms have had their report notices queued ({@code half_term_report_notice_run}). */
@Singleton
class NoticeRuns {
    private final JdbcOperations jdbc;

    NoticeRuns(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public boolean done(long schoolId, LocalDate halfTermStart) {
        return jdbc.prepareStatement("SELECT 1 FROM half_term_report_notice_run WHERE school_id = ? AND half_term_start = ?",
                statement -> {
                    statement.setLong(1, schoolId);
                    statement.setObject(2, halfTermStart);
                    try (var rows = statement.executeQuery()) {
                        return rows.next();
                    }
                });
    }

    @Transactional
    public void finish(long schoolId, LocalDate halfTermStart, int notices, LocalDateTime at) {
        jdbc.prepareStatement("INSERT IGNORE INTO half_term_report_notice_run (school_id, half_term_start, notices, finished_at)"
                + " VALUES (?, ?, ?, ?)", statement -> {
            statement.setLong(1, schoolId);
            statement.setObject(2, halfTermStart);
            statement.setInt(3, notices);
            statement.setObject(4, at);
            return statement.executeUpdate();
        });
    }
}
