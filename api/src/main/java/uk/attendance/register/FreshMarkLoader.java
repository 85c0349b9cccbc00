package uk.attendance.register;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bulk insert of first marks for sessions with none yet (generated data, initial loads): the same
 * checks as the MIS import (code in force and allowed in the session, a school session of the
 * calendar, pupil of the school and on roll, arrival time that earns L or U) but no amendment
 * look-ups, and JDBC batches instead of one INSERT per mark. All or nothing per call; a session that
 * already has a mark fails the whole call on the unique key. Not reachable over HTTP.
 */
@Singleton
public class FreshMarkLoader {
    private static final Logger LOG = LoggerFactory.getLogger(FreshMarkLoader.class);
    private static final int BATCH = 2_000;
    private static final String INSERT = "INSERT INTO mark (pupil_id, school_id, session_date, session, code, arrival_time,"
            + " original_code, original_arrival_time, original_reason, entered_at, entered_by_staff_id, entered_by_name,"
            + " entered_by_position, amendments, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

    private final SchoolService schools;
    private final CalendarService calendars;
    private final PupilService pupils;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final List<MarksWrittenListener> listeners;

    FreshMarkLoader(SchoolService schools, CalendarService calendars, PupilService pupils,
                    TransactionOperations<Connection> transactions, Clock clock, List<MarksWrittenListener> listeners) {
        this.listeners = listeners;
        this.schools = schools;
        this.calendars = calendars;
        this.pupils = pupils;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return the number of marks inserted */
    public int load(long schoolId, List<FreshMark> marks, Author author, String reason) {
        SchoolRecord school = schools.find(schoolId).orElseThrow(() -> ApiProblem.notFound("No school " + schoolId));
        check(school, marks);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        java.util.Set<java.time.LocalDate> dates = marks.stream().map(FreshMark::date)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        int inserted = transactions.executeWrite(status -> {
            int n = insert(status.getConnection(), school.id(), marks, author, reason, now);
            if (!dates.isEmpty()) {
                MarkMonths.tell(listeners, status.getConnection(), school.id(), dates);
            }
            return n;
        });
        LOG.info("Loaded {} fresh marks for school {} in {} ms", inserted, school.id(), (System.nanoTime() - started) / 1_000_000);
        return inserted;
    }

    private void check(SchoolRecord school, List<FreshMark> marks) {
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        Map<Long, PupilRecord> roll = pupils.ofSchool(school.id(), Optional.empty(), Optional.empty()).stream()
                .collect(Collectors.toMap(PupilRecord::id, Function.identity()));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < marks.size() && problems.size() < 100; i++) {
            FreshMark m = marks.get(i);
            String at = "marks[" + i + "]";
            PupilRecord pupil = roll.get(m.pupilId());
            if (pupil == null) {
                problems.add(new FieldProblem(at + ".pupilId", "no pupil " + m.pupilId() + " in this school", i));
                continue;
            }
            Optional<RegisterCode> code = MarkChecks.code(m.code(), m.session(), at + ".code", i, problems);
            if (code.isEmpty()
                    || !MarkChecks.session(calendar, m.date(), m.session(), code.get(), at + ".date", at + ".code", i, problems)
                    || !MarkChecks.onRoll(pupil, m.date(), at + ".date", i, problems)) {
                continue;
            }
            RegisterService.checkArrivalFitsCode(school, m.session(), code.get(), m.arrival(), at + ".arrivalTime", i, problems);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    private static int insert(Connection connection, long schoolId, List<FreshMark> marks, Author author, String reason,
                              LocalDateTime now) throws java.sql.SQLException {
        int inserted = 0;
        List<MarkMonths.Change> changes = new ArrayList<>(Math.min(marks.size(), BATCH));
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < marks.size(); i++) {
                FreshMark m = marks.get(i);
                LocalTime arrival = m.arrival().orElse(null);
                insert.setLong(1, m.pupilId());
                insert.setLong(2, schoolId);
                insert.setObject(3, m.date());
                insert.setString(4, m.session().name());
                insert.setString(5, m.code());
                insert.setObject(6, arrival, Types.TIME);
                insert.setString(7, m.code());
                insert.setObject(8, arrival, Types.TIME);
                insert.setString(9, reason);
                insert.setObject(10, now);
                if (author.staffId().isPresent()) {
                    insert.setLong(11, author.staffId().get());
                } else {
                    insert.setNull(11, Types.BIGINT);
                }
                insert.setString(12, author.name());
                insert.setString(13, author.position());
                insert.setObject(14, now);
                insert.addBatch();
                changes.add(MarkMonths.Change.fresh(m.pupilId(), m.date(), m.session(), m.code()));
                if ((i + 1) % BATCH == 0 || i == marks.size() - 1) {
                    for (int count : insert.executeBatch()) {
                        // rewriteBatchedStatements reports SUCCESS_NO_INFO (-2) for rows of a multi-row insert
                        inserted += count == Statement.SUCCESS_NO_INFO ? 1 : count;
                    }
                    MarkMonths.record(connection, changes);
                    changes.clear();
                }
            }
        }
        return inserted;
    }
}
