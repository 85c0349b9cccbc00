package uk.attendance.register;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.MarkAmendment;
import uk.attendance.contract.model.MarkImport;
import uk.attendance.contract.model.MarkImportResult;
import uk.attendance.contract.model.MarkImportRow;
import uk.attendance.contract.model.RegisterMarkInput;
import uk.attendance.contract.model.RegisterSubmission;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.MarkBook.Entry;
import uk.attendance.register.MarkBook.Outcome;
import uk.attendance.register.MarkBook.Written;
import uk.attendance.rules.ArrivalOutcome;
import uk.attendance.rules.Lateness;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.PupilSessions;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Taking, amending and importing register marks, always through {@link MarkBook}'s amendment trail. */
@Singleton
public class RegisterService {
    static final String MIS_SYNC = "MIS sync";

    private final MarkRepository marks;
    private final MarkAmendmentRepository amendments;
    private final MarkBook book;
    private final PupilService pupils;
    private final SchoolService schools;
    private final CalendarService calendars;
    private final List<AbsenceExpectations> expectations;
    private final PupilMarkReader pupilMarks;
    private final Clock clock;

    RegisterService(MarkRepository marks, MarkAmendmentRepository amendments, MarkBook book, PupilService pupils,
                    SchoolService schools, CalendarService calendars, List<AbsenceExpectations> expectations,
                    PupilMarkReader pupilMarks, Clock clock) {
        this.pupilMarks = pupilMarks;
        this.marks = marks;
        this.expectations = expectations;
        this.amendments = amendments;
        this.book = book;
        this.pupils = pupils;
        this.schools = schools;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * A pupil's marks as the rules core reads them, on the pupil's sessions only ({@link PupilSessions}), like every
     * read of marks here (the caller's right to see the pupil is checked by the caller).
     */
    public List<SessionMark> sessionMarks(long pupilId, LocalDate from, LocalDate to) {
        return pupilMarks.marks(pupilId, sessionsOf(pupilId), from, to);
    }

    /** Only the codes that count towards the penalty-notice threshold (G, N, O, U). */
    public List<SessionMark> unauthorisedSessionMarks(long pupilId, LocalDate from, LocalDate to) {
        return pupilMarks.unauthorisedMarks(pupilId, sessionsOf(pupilId), from, to);
    }

    /** Every mark of a school in the range on its pupils' sessions, by pupil. */
    public Map<Long, List<SessionMark>> sessionMarksOfSchool(long schoolId, LocalDate from, LocalDate to) {
        Map<Long, PupilSessions> sessions = sessionsOfSchool(schoolId);
        Map<Long, List<SessionMark>> byPupil = new HashMap<>();
        for (MarkCode m : marks.codesOfSchool(schoolId, from, to)) {
            PupilSessions own = sessions.get(m.pupilId());
            if (own == null || !own.includes(m.sessionDate(), m.session())) {
                continue;
            }
            RegisterCode.fromSymbol(m.code()).ifPresent(code -> byPupil.computeIfAbsent(m.pupilId(), id -> new ArrayList<>())
                    .add(new SessionMark(m.sessionDate(), m.session(), code)));
        }
        return byPupil;
    }

    /** How many of a school's pupils' sessions (each pupil's, as for the pupil) carried each code in the range. */
    public Map<RegisterCode, Long> codeCountsOfSchool(long schoolId, LocalDate from, LocalDate to) {
        return pupilMarks.codeCounts(sessionsOfSchool(schoolId), from, to);
    }

    /**
     * Every (pupil, month, code) of a school's pupils (all of them, leavers too) with the sessions as bits of
     * {@code mark_month} (bit (day - 1) * 2, plus one for PM), cut to the range and to each pupil's own sessions.
     */
    public void eachMonthOfSchool(long schoolId, LocalDate from, LocalDate to, PupilMonths reader) {
        pupilMarks.eachMonth(sessionsOfSchool(schoolId), from, to, reader);
    }

    /** How many of a pupil's sessions carried each code in the range. */
    public Map<RegisterCode, Long> codeCountsOfPupil(long pupilId, LocalDate from, LocalDate to) {
        return pupilMarks.codeCounts(pupilId, sessionsOf(pupilId), from, to);
    }

    /**
     * A school's marks in the range as month rows ({@link MarkMonth}), every pupil's cut to their own sessions: the
     * precomputed read model, for figures over many pupils and months (patterns, watch lists).
     */
    public List<MarkMonth> markMonthsOfSchool(long schoolId, LocalDate from, LocalDate to) {
        return pupilMarks.monthRows(sessionsOfSchool(schoolId), from, to);
    }

    private PupilSessions sessionsOf(long pupilId) {
        PupilRecord pupil = pupils.find(pupilId).orElseThrow(() -> new IllegalArgumentException("No pupil " + pupilId));
        return new PupilSessions(calendars.calendarOf(pupil.schoolId()), facts(pupil));
    }

    private Map<Long, PupilSessions> sessionsOfSchool(long schoolId) {
        SchoolCalendar calendar = calendars.calendarOf(schoolId);
        return pupils.ofSchool(schoolId, Optional.empty(), Optional.empty()).stream()
                .collect(Collectors.toMap(PupilRecord::id, p -> new PupilSessions(calendar, facts(p))));
    }

    private static PupilFacts facts(PupilRecord pupil) {
        return new PupilFacts(pupil.dateOfBirth(), pupil.admissionDate(), Optional.ofNullable(pupil.leavingDate()));
    }

    public List<MarkRecord> marksOf(Caller caller, long pupilId, LocalDate from, LocalDate to) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        return marks.findForPupil(pupil.id(), from, to);
    }

    public MarkRecord markOf(Caller caller, long pupilId, LocalDate date, Session session) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        return marks.findByPupilIdAndSessionDateAndSession(pupil.id(), date, session)
                .orElseThrow(() -> ApiProblem.notFound("No mark for " + date + " " + session + " yet"));
    }

    public MarkTrail history(Caller caller, long pupilId, LocalDate date, Session session) {
        MarkRecord mark = markOf(caller, pupilId, date, session);
        return new MarkTrail(mark, amendments.findByMarkIdOrderById(mark.id()));
    }

    public record MarkTrail(MarkRecord mark, List<MarkAmendmentRecord> amendments) {
    }

    /** Every change to a pupil's marks with the mark it changed (no access check: for the pupil's chronology). */
    public List<MarkTrail> amendmentsOf(long pupilId) {
        Map<Long, List<MarkAmendmentRecord>> byMark = amendments.ofPupil(pupilId).stream()
                .collect(Collectors.groupingBy(MarkAmendmentRecord::markId));
        return byMark.entrySet().stream()
                .flatMap(e -> marks.findById(e.getKey()).stream().map(m -> new MarkTrail(m, e.getValue())))
                .toList();
    }

    /** Records a session's mark, or amends it with the reason given. */
    @Transactional
    public MarkRecord amend(Caller caller, long pupilId, LocalDate date, Session session, MarkAmendment change) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        SchoolRecord school = schools.forStaff(caller, pupil.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        Optional<RegisterCode> code = MarkChecks.code(change.getCode(), session, "code", null, problems);
        Optional<LocalTime> arrival = Optional.ofNullable(change.getArrivalTime()).map(LocalTime::parse);
        code.ifPresent(c -> {
            MarkChecks.session(calendars.calendarOf(school.id()), date, session, c, "date", "code", null, problems);
            checkArrivalFitsCode(school, session, c, arrival, "arrivalTime", null, problems);
        });
        MarkChecks.onRoll(pupil, date, "date", null, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        Entry entry = new Entry(pupil.id(), school.id(), date, session, code.orElseThrow(), arrival);
        return book.write(marks.findByPupilIdAndSessionDateAndSession(pupil.id(), date, session), entry,
                Optional.of(change.getReason().strip()), Author.of(caller)).mark();
    }

    public SessionRegister register(Caller caller, long schoolId, LocalDate date, Session session, String group) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        List<PupilRecord> inGroup = pupils.ofSchool(school.id(), Optional.of(group), Optional.of(date));
        return new SessionRegister(school, date, session, group, inGroup, marksFor(inGroup, date, session),
                expected(inGroup.stream().map(PupilRecord::id).toList(), date, session));
    }

    /**
     * @param expected for pupils whose absence is already known (a report, a leave decision), the code the register
     *                 records if they are absent
     */
    public record SessionRegister(SchoolRecord school, LocalDate date, Session session, String group,
                                  List<PupilRecord> pupils, Map<Long, MarkRecord> marks,
                                  Map<Long, AbsenceExpectations.Expected> expected) {
        public LocalTime opens() {
            return session == Session.AM ? school.amRegisterOpens() : school.pmRegisterOpens();
        }

        public LocalTime closes() {
            return opens().plusMinutes(school.registerOpenMinutes());
        }
    }

    /** A registration group's register for one session: all stored, or nothing. */
    @Transactional
    public SessionRegister take(Caller caller, long schoolId, RegisterSubmission submission) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        LocalDate date = submission.getDate();
        Session session = Session.valueOf(submission.getSession().getValue());
        String group = submission.getRegistrationGroup().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (date.isAfter(LocalDate.now(clock.withZone(school.zone())))) {
            throw ApiProblem.invalid("date", "registers can only be taken on or after the day of the session");
        }
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        if (!calendar.isSession(date, session)) {
            MarkChecks.session(calendar, date, session, RegisterCode.fromSymbol("N").orElseThrow(), "date", "date", null, problems);
            throw ApiProblem.invalid(problems);
        }
        Map<Long, PupilRecord> inGroup = pupils.ofSchool(school.id(), Optional.of(group), Optional.of(date)).stream()
                .collect(Collectors.toMap(PupilRecord::id, Function.identity()));
        Map<Long, MarkRecord> existing = marksFor(List.copyOf(inGroup.values()), date, session);
        Map<Long, AbsenceExpectations.Expected> expected = expected(inGroup.keySet(), date, session);
        Map<Long, String> expectedReasons = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Integer> changes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<RegisterMarkInput> rows = submission.getMarks();
        for (int i = 0; i < rows.size(); i++) {
            RegisterMarkInput row = rows.get(i);
            final int index = i;
            String at = "marks[" + i + "]";
            if (!inGroup.containsKey(row.getPupilId())) {
                problems.add(new FieldProblem(at + ".pupilId", "pupil " + row.getPupilId() + " is not on roll in "
                        + group + " on " + date, i));
                continue;
            }
            if (!seen.add(row.getPupilId())) {
                problems.add(new FieldProblem(at + ".pupilId", "pupil " + row.getPupilId() + " appears twice", i));
                continue;
            }
            Optional<RegisterCode> code;
            Optional<LocalTime> arrival = Optional.ofNullable(row.getArrivalTime()).map(LocalTime::parse);
            if (row.getCode() != null && arrival.isPresent()) {
                problems.add(new FieldProblem(at, "give a code or an arrival time, not both", i));
                continue;
            } else if (arrival.isPresent()) {
                code = codeForArrival(school, session, arrival.get(), at + ".arrivalTime", i, problems);
            } else if (row.getCode() != null) {
                code = MarkChecks.code(row.getCode(), session, at + ".code", i, problems);
                code.ifPresent(c -> MarkChecks.session(calendar, date, session, c, "date", at + ".code", index, problems));
            } else {
                problems.add(new FieldProblem(at + ".code", "give a code or an arrival time", i));
                continue;
            }
            if (code.isEmpty()) {
                continue;
            }
            AbsenceExpectations.Expected known = expected.get(row.getPupilId());
            if (known != null && known.confirmed() && code.get().equals(UNEXPLAINED)) {
                code = Optional.of(known.code());
                expectedReasons.put(row.getPupilId(), known.reason());
            }
            Entry entry = new Entry(row.getPupilId(), school.id(), date, session, code.get(), arrival);
            MarkRecord before = existing.get(row.getPupilId());
            if (before != null && !expectedReasons.containsKey(row.getPupilId()) && !(before.code().equals(code.get().symbol())
                    && java.util.Objects.equals(before.arrivalTime(), arrival.orElse(null)))) {
                changes.add(i);
            }
            entries.add(entry);
        }
        Optional<String> reason = Optional.ofNullable(submission.getAmendmentReason()).map(String::strip);
        if (!changes.isEmpty() && reason.isEmpty()) {
            problems.add(new FieldProblem("amendmentReason", "required: this would change marks already taken ("
                    + changes.stream().map(i -> "marks[" + i + "]").collect(Collectors.joining(", ")) + ")"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        Author author = Author.of(caller);
        for (Entry entry : entries) {
            Optional<String> why = Optional.ofNullable(expectedReasons.get(entry.pupilId())).or(() -> reason);
            Written written = book.write(Optional.ofNullable(existing.get(entry.pupilId())), entry, why, author);
            existing.put(entry.pupilId(), written.mark());
        }
        List<PupilRecord> roll = inGroup.values().stream()
                .sorted(Comparator.comparing(PupilRecord::legalLastName).thenComparing(PupilRecord::legalFirstName))
                .toList();
        return new SessionRegister(school, date, session, group, roll, existing, expected);
    }

    private static final RegisterCode UNEXPLAINED = RegisterCode.fromSymbol("N").orElseThrow();

    private Map<Long, AbsenceExpectations.Expected> expected(java.util.Collection<Long> pupilIds, LocalDate date,
                                                             Session session) {
        Map<Long, AbsenceExpectations.Expected> known = new HashMap<>();
        for (AbsenceExpectations source : expectations) {
            // the first source wins, except that a confirmed code wins over one still awaiting confirmation
            source.forSession(pupilIds, date, session).forEach((pupil, expected) -> known.merge(pupil, expected,
                    (first, later) -> first.confirmed() || !later.confirmed() ? first : later));
        }
        return known;
    }

    static final String NO_MARK_AT_CLOSE = "no mark at register close";

    /** A mark the system entered when a register closed: {@code N}, or the code already known for the absence. */
    public record ClosedMark(long pupilId, RegisterCode code, String reason) {
    }

    /**
     * Closes a session's register for the whole school, in one transaction: every pupil on roll with no mark gets
     * {@code N} from SYSTEM with the reason "no mark at register close", or the code an {@link AbsenceExpectations}
     * gives (a parent's report, a leave decision) with its reason. Pupils already marked are left as they are, so
     * closing twice marks nobody twice. Should a teacher's register land at the same moment, the unique key of the
     * mark refuses one of the two writes and the whole close rolls back: run it again.
     *
     * @return the marks entered (none when everyone was already marked)
     * @throws IllegalArgumentException when the date has no such session in the school's calendar
     */
    @Transactional
    public List<ClosedMark> closeRegister(long schoolId, LocalDate date, Session session) {
        SchoolCalendar calendar = calendars.calendarOf(schoolId);
        if (!calendar.isSession(date, session)) {
            throw new IllegalArgumentException("School " + schoolId + " has no " + session + " session on " + date);
        }
        List<PupilRecord> roll = pupils.ofSchool(schoolId, Optional.empty(), Optional.of(date));
        Map<Long, MarkRecord> existing = marksFor(roll, date, session);
        List<Long> unmarked = roll.stream().map(PupilRecord::id).filter(id -> !existing.containsKey(id)).toList();
        if (unmarked.isEmpty()) {
            return List.of();
        }
        Map<Long, AbsenceExpectations.Expected> expected = expected(unmarked, date, session);
        Map<String, List<ClosedMark>> byReason = new java.util.LinkedHashMap<>();
        for (long pupilId : unmarked) {
            AbsenceExpectations.Expected known = expected.get(pupilId);
            ClosedMark closed = known == null || !known.confirmed() ? new ClosedMark(pupilId, UNEXPLAINED, NO_MARK_AT_CLOSE)
                    : new ClosedMark(pupilId, known.code(), NO_MARK_AT_CLOSE + " - " + known.reason());
            byReason.computeIfAbsent(closed.reason(), r -> new ArrayList<>()).add(closed);
        }
        List<ClosedMark> entered = new ArrayList<>(unmarked.size());
        byReason.forEach((reason, group) -> {
            List<Entry> entries = group.stream()
                    .map(c -> new Entry(c.pupilId(), schoolId, date, session, c.code(), Optional.empty())).toList();
            book.writeAll(entries.stream().map(e -> Optional.<MarkRecord>empty()).toList(), entries, reason, Author.SYSTEM);
            entered.addAll(group);
        });
        return entered;
    }

    /** The pupils of a school whose mark for the session is {@code N} (unexplained) as the register stands. */
    public List<Long> unexplainedPupils(long schoolId, LocalDate date, Session session) {
        return marks.unexplainedOfSession(schoolId, date, session).stream().map(MarkCode::pupilId).toList();
    }

    /**
     * Whether the pupil's mark for the session is still {@code N}, locking the mark until the caller's transaction
     * ends: a parent's report or a staff amendment of the same mark waits for it, so a decision taken on "still
     * unexplained" (raising a call task) cannot cross a report arriving at the same moment.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean lockIfUnexplained(long pupilId, LocalDate date, Session session) {
        return marks.lockSession(pupilId, date, session).map(m -> m.code().equals(UNEXPLAINED.symbol())).orElse(false);
    }

    /** The same for several pupils at once: those of them whose session is still N, their marks locked. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Set<Long> lockIfUnexplained(java.util.Collection<Long> pupilIds, LocalDate date, Session session) {
        if (pupilIds.isEmpty()) {
            return Set.of();
        }
        return marks.lockSessions(pupilIds, date, session.name()).stream()
                .filter(m -> m.code().equals(UNEXPLAINED.symbol()))
                .map(PupilCode::pupilId)
                .collect(Collectors.toSet());
    }

    /** What {@link #recordAbsence} did with one session. */
    public enum AbsenceOutcome {
        /** the session was marked N: now the absence's code (or it already had that code) */
        RECORDED,
        /** the register already holds another mark (present, or a code staff entered): left as it is */
        KEPT,
        /** the register is not taken yet: the code is applied when it is (see {@link AbsenceExpectations}) */
        AWAITING_REGISTER
    }

    /**
     * Applies an absence's code to a session already registered as unexplained ({@code N}), through the amendment
     * trail with the reason. The caller has checked that the session is a school session with the pupil on roll.
     */
    @Transactional
    public AbsenceOutcome recordAbsence(long pupilId, LocalDate date, Session session, RegisterCode code,
                                        String reason, Author author) {
        Optional<MarkRecord> current = marks.findByPupilIdAndSessionDateAndSession(pupilId, date, session);
        if (current.isEmpty()) {
            return AbsenceOutcome.AWAITING_REGISTER;
        }
        MarkRecord mark = current.get();
        if (mark.code().equals(code.symbol())) {
            return AbsenceOutcome.RECORDED;
        }
        if (!mark.code().equals(UNEXPLAINED.symbol())) {
            return AbsenceOutcome.KEPT;
        }
        book.write(current, new Entry(pupilId, mark.schoolId(), date, session, code, Optional.empty()),
                Optional.of(reason), author);
        return AbsenceOutcome.RECORDED;
    }

    /** A school's marks still {@code N} (holding code) for sessions on or before {@code lastDate}, oldest first. */
    public List<MarkRecord> unexplainedMarks(long schoolId, LocalDate lastDate) {
        return marks.unexplainedOfSchool(schoolId, lastDate);
    }

    /**
     * An automatic change of a batch of holding codes (e.g. N → O after 5 school days): each mark, by id, that is still
     * {@code N} when locked becomes {@code code}, through the amendment trail with its reason and {@code author}. Marks
     * changed meanwhile (a code entered by staff, a parent's report) are left alone, so running it twice changes nothing.
     *
     * @param reasons the reason to record, by mark id
     * @return the marks amended
     */
    @Transactional
    public List<MarkRecord> replaceHoldingCodes(Map<Long, String> reasons, RegisterCode code, Author author) {
        if (reasons.isEmpty()) {
            return List.of();
        }
        List<MarkRecord> amended = new ArrayList<>();
        for (MarkRecord mark : marks.lockUnexplained(reasons.keySet())) {
            Written written = book.write(Optional.of(mark), new Entry(mark.pupilId(), mark.schoolId(), mark.sessionDate(),
                    mark.session(), code, Optional.empty()), Optional.of(reasons.get(mark.id())), author);
            amended.add(written.mark());
        }
        return amended;
    }

    /** The MIS sync: every row is checked first; one bad row and nothing is stored. */
    @Transactional
    public MarkImportResult importMarks(Caller caller, long schoolId, MarkImport batch) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        List<MarkImportRow> rows = batch.getMarks();
        Map<Long, PupilRecord> roll = pupils.ofSchool(school.id(), Optional.empty(), Optional.empty()).stream()
                .collect(Collectors.toMap(PupilRecord::id, Function.identity()));
        List<FieldProblem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            MarkImportRow row = rows.get(i);
            String at = "marks[" + i + "]";
            PupilRecord pupil = roll.get(row.getPupilId());
            if (pupil == null) {
                problems.add(new FieldProblem(at + ".pupilId", "no pupil " + row.getPupilId() + " in this school", i));
                continue;
            }
            Session session = Session.valueOf(row.getSession().getValue());
            if (!seen.add(pupil.id() + "|" + row.getDate() + "|" + session)) {
                problems.add(new FieldProblem(at, "the same pupil and session appears twice in the batch", i));
                continue;
            }
            Optional<RegisterCode> code = MarkChecks.code(row.getCode(), session, at + ".code", i, problems);
            if (code.isEmpty()
                    || !MarkChecks.session(calendar, row.getDate(), session, code.get(), at + ".date", at + ".code", i, problems)
                    || !MarkChecks.onRoll(pupil, row.getDate(), at + ".date", i, problems)) {
                continue;
            }
            Optional<LocalTime> arrival = Optional.ofNullable(row.getArrivalTime()).map(LocalTime::parse);
            if (!checkArrivalFitsCode(school, session, code.get(), arrival, at + ".arrivalTime", i, problems)) {
                continue;
            }
            entries.add(new Entry(pupil.id(), school.id(), row.getDate(), session, code.get(), arrival));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems.size() > 100 ? problems.subList(0, 100) : problems);
        }
        LocalDate from = entries.stream().map(Entry::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = entries.stream().map(Entry::date).max(Comparator.naturalOrder()).orElseThrow();
        Set<Long> pupilIds = entries.stream().map(Entry::pupilId).collect(Collectors.toSet());
        Map<String, MarkRecord> stored = new HashMap<>();
        for (MarkRecord m : marks.findByPupilIdInAndSessionDateBetween(pupilIds, from, to)) {
            stored.put(m.pupilId() + "|" + m.sessionDate() + "|" + m.session(), m);
        }
        List<Optional<MarkRecord>> existing = entries.stream()
                .map(e -> Optional.ofNullable(stored.get(e.pupilId() + "|" + e.date() + "|" + e.session())))
                .toList();
        String reason = Optional.ofNullable(batch.getReason()).filter(r -> !r.isBlank()).map(String::strip).orElse(MIS_SYNC);
        Map<Outcome, Long> counts = book.writeAll(existing, entries, reason, Author.of(caller)).stream()
                .collect(Collectors.groupingBy(Written::outcome, Collectors.counting()));
        return new MarkImportResult(rows.size(), counts.getOrDefault(Outcome.CREATED, 0L).intValue(),
                counts.getOrDefault(Outcome.AMENDED, 0L).intValue(), counts.getOrDefault(Outcome.UNCHANGED, 0L).intValue());
    }

    private Map<Long, MarkRecord> marksFor(List<PupilRecord> roll, LocalDate date, Session session) {
        if (roll.isEmpty()) {
            return new HashMap<>();
        }
        return marks.findBySessionDateAndSessionAndPupilIdIn(date, session, roll.stream().map(PupilRecord::id).toList())
                .stream().collect(Collectors.toMap(MarkRecord::pupilId, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private static Optional<RegisterCode> codeForArrival(SchoolRecord school, Session session, LocalTime arrival,
                                                         String field, int index, List<FieldProblem> problems) {
        ArrivalOutcome outcome = classify(school, session, arrival);
        Optional<RegisterCode> code = outcome.code(session);
        if (code.isEmpty()) {
            problems.add(new FieldProblem(field, "arrived at or after the end of the session ("
                    + sessionEnd(school, session) + "): record the absence with its reason code instead", index));
        }
        return code;
    }

    /** An arrival time given with L or U must be one that earns that code; with any other code it makes no sense. */
    static boolean checkArrivalFitsCode(SchoolRecord school, Session session, RegisterCode code,
                                                Optional<LocalTime> arrival, String field, Integer index,
                                                List<FieldProblem> problems) {
        if (arrival.isEmpty()) {
            return true;
        }
        String symbol = code.symbol();
        if (!symbol.equals("L") && !symbol.equals("U")) {
            problems.add(new FieldProblem(field, "an arrival time goes only with L or U", index));
            return false;
        }
        Optional<RegisterCode> earned = classify(school, session, arrival.get()).code(session);
        if (earned.isEmpty() || earned.get() != code) {
            problems.add(new FieldProblem(field, "an arrival at " + arrival.get() + " is "
                    + earned.map(RegisterCode::symbol).orElse("after the session ended") + ", not " + symbol
                    + " (the register closes at " + opens(school, session).plusMinutes(school.registerOpenMinutes()) + ")", index));
            return false;
        }
        return true;
    }

    private static ArrivalOutcome classify(SchoolRecord school, Session session, LocalTime arrival) {
        return Lateness.arrivalOutcome(arrival, opens(school, session), school.registerOpenMinutes(), sessionEnd(school, session));
    }

    private static LocalTime opens(SchoolRecord school, Session session) {
        return session == Session.AM ? school.amRegisterOpens() : school.pmRegisterOpens();
    }

    private static LocalTime sessionEnd(SchoolRecord school, Session session) {
        return session == Session.AM ? school.amSessionEnds() : school.pmSessionEnds();
    }
}
