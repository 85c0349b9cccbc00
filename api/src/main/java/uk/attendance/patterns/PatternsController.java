package uk.attendance.patterns;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.PatternsApi;
import uk.attendance.contract.model.AbsencePattern;
import uk.attendance.contract.model.AbsencePatternKind;
import uk.attendance.contract.model.ChartData;
import uk.attendance.contract.model.LastYearPersistentAbsence;
import uk.attendance.contract.model.LatenessCode;
import uk.attendance.contract.model.LatenessList;
import uk.attendance.contract.model.PatternPupils;
import uk.attendance.contract.model.TrustAbsencePatterns;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class PatternsController implements PatternsApi {
    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final PatternService patterns;
    private final PatternContract contract;
    private final CurrentCaller caller;

    PatternsController(PatternService patterns, PatternContract contract, CurrentCaller caller) {
        this.patterns = patterns;
        this.contract = contract;
        this.caller = caller;
    }

    @Override
    public AbsencePattern getAbsencePattern(Long schoolId, LocalDate from, LocalDate to) {
        return contract.pattern(patterns.schoolPattern(caller.get(), schoolId, Optional.ofNullable(from), Optional.ofNullable(to)));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> downloadAbsencePatternCsv(Long schoolId, LocalDate from, LocalDate to) {
        AbsencePattern p = getAbsencePattern(schoolId, from, to);
        return csv(contract.patternCsv(p), "absence-pattern-" + schoolId + "-" + p.getFrom() + "-" + p.getTo());
    }

    @Override
    public ChartData getAbsencePatternChart(Long schoolId, LocalDate from, LocalDate to) {
        return contract.chart(getAbsencePattern(schoolId, from, to));
    }

    @Override
    public PatternPupils listPatternPupils(Long schoolId, LocalDate from, LocalDate to, Integer minAbsentSessions,
                                           AbsencePatternKind pattern) {
        return contract.pupils(patterns.patternPupils(caller.get(), schoolId, Optional.ofNullable(from), Optional.ofNullable(to),
                Optional.ofNullable(minAbsentSessions),
                Optional.ofNullable(pattern).map(k -> uk.attendance.patterns.AbsencePatternKind.valueOf(k.getValue()))));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> downloadPatternPupilsCsv(Long schoolId, LocalDate from, LocalDate to,
                                                                               Integer minAbsentSessions, AbsencePatternKind pattern) {
        PatternPupils list = listPatternPupils(schoolId, from, to, minAbsentSessions, pattern);
        return csv(contract.pupilsCsv(list), "absence-pattern-pupils-" + schoolId + "-" + list.getFrom() + "-" + list.getTo());
    }

    @Override
    public LatenessList listFrequentLateness(Long schoolId, LocalDate asOf, Integer weeks, Integer minSessions, LatenessCode code) {
        return contract.lateness(patterns.lateness(caller.get(), schoolId, Optional.ofNullable(asOf), Optional.ofNullable(weeks),
                Optional.ofNullable(minSessions), PatternContract.code(code)));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> downloadFrequentLatenessCsv(Long schoolId, LocalDate asOf, Integer weeks,
                                                                                  Integer minSessions, LatenessCode code) {
        LatenessList list = listFrequentLateness(schoolId, asOf, weeks, minSessions, code);
        return csv(contract.latenessCsv(list), "lateness-" + schoolId + "-" + list.getFrom() + "-" + list.getTo());
    }

    @Override
    public LastYearPersistentAbsence listLastYearPersistentAbsentees(Long schoolId, LocalDate asOf) {
        return contract.lastYear(patterns.lastYearPersistentAbsence(caller.get(), schoolId, Optional.ofNullable(asOf)));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> downloadLastYearPersistentAbsenteesCsv(Long schoolId, LocalDate asOf) {
        LastYearPersistentAbsence list = listLastYearPersistentAbsentees(schoolId, asOf);
        return csv(contract.lastYearCsv(list), "persistent-absence-" + list.getLastYear() + "-" + schoolId);
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public TrustAbsencePatterns getTrustAbsencePatterns(LocalDate from, LocalDate to) {
        return contract.trust(patterns.trustPatterns(caller.get(), Optional.ofNullable(from), Optional.ofNullable(to)));
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public HttpResponse<FileCustomizableResponseType> downloadTrustAbsencePatternsCsv(LocalDate from, LocalDate to) {
        TrustAbsencePatterns trust = getTrustAbsencePatterns(from, to);
        return csv(contract.trustCsv(trust), "trust-absence-pattern-" + trust.getFrom() + "-" + trust.getTo());
    }

    private static HttpResponse<FileCustomizableResponseType> csv(String table, String name) {
        byte[] bytes = table.getBytes(StandardCharsets.UTF_8);
        StreamedFile body = new StreamedFile(new ByteArrayInputStream(bytes), CSV, System.currentTimeMillis(), bytes.length);
        return HttpResponse.<FileCustomizableResponseType>ok(body)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
