package uk.attendance.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Told about every write of marks, in the writing transaction and on its connection, so figures derived from marks
 * (the dashboards) can note what went stale and commit or roll back with the marks. Must be quick and must not write
 * rows that other writers of marks update (it would serialise the registers).
 */
public interface MarksWrittenListener {
    /** @param dates the session dates written (at least one) */
    void marksWritten(Connection connection, long schoolId, Set<LocalDate> dates) throws SQLException;
}
