package uk.attendance.casework.letters;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.school.SchoolService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Each school's graduated response: the policy's defaults overlaid with what the school changed. */
@Singleton
class LetterSettingsService {
    private final LetterSettingRepository settings;
    private final LetterStageRepository stages;
    private final SchoolService schools;
    private final Clock clock;
    private final int defaultResendAfterDays;
    private final int defaultMinimumSessions;

    LetterSettingsService(LetterSettingRepository settings, LetterStageRepository stages, SchoolService schools, Clock clock,
                          @Value("${attendance.letters.resend-after-days:42}") int defaultResendAfterDays,
                          @Value("${attendance.letters.minimum-sessions:10}") int defaultMinimumSessions) {
        this.settings = settings;
        this.stages = stages;
        this.schools = schools;
        this.clock = clock;
        this.defaultResendAfterDays = defaultResendAfterDays;
        this.defaultMinimumSessions = defaultMinimumSessions;
    }

    /** The school's settings, for jobs acting for no caller. */
    SchoolLetterSettings of(long schoolId) {
        Map<LetterStage, StageSetting> byStage = new EnumMap<>(LetterStage.class);
        LetterDefaults.stages().forEach(s -> byStage.put(s.stage(), s));
        stages.findBySchoolId(schoolId).forEach(r -> byStage.put(r.stage(), r.setting()));
        return settings.findById(schoolId)
                .map(s -> new SchoolLetterSettings(schoolId, s.resendAfterDays(), s.minimumSessions(), List.copyOf(byStage.values())))
                .orElseGet(() -> new SchoolLetterSettings(schoolId, defaultResendAfterDays, defaultMinimumSessions,
                        List.copyOf(byStage.values())));
    }

    SchoolLetterSettings read(Caller caller, long schoolId) {
        return of(schools.forStaff(caller, schoolId).id());
    }

    /** Replaces the listed stages and the two numbers; 400 naming the field for anything the job could not use. */
    @Transactional
    SchoolLetterSettings update(Caller caller, long schoolId, int resendAfterDays, int minimumSessions,
                                List<StageSetting> changed) {
        long school = schools.forStaff(caller, schoolId).id();
        List<FieldProblem> problems = new ArrayList<>();
        Map<LetterStage, StageSetting> merged = new EnumMap<>(LetterStage.class);
        of(school).stages().forEach(s -> merged.put(s.stage(), s));
        java.util.Set<LetterStage> seen = java.util.EnumSet.noneOf(LetterStage.class);
        for (int i = 0; i < changed.size(); i++) {
            StageSetting s = changed.get(i);
            String at = "stages[" + i + "]";
            if (!seen.add(s.stage())) {
                problems.add(problem(at + ".stage", s.stage() + " is listed twice"));
            }
            if (s.stage().byAttendance() && s.thresholdPercent() == null) {
                problems.add(problem(at + ".thresholdPercent", "is required for " + s.stage()));
            }
            if (s.thresholdPercent() != null && (!s.stage().byAttendance()
                    || s.thresholdPercent().signum() <= 0 || s.thresholdPercent().compareTo(BigDecimal.valueOf(100)) > 0)) {
                problems.add(problem(at + ".thresholdPercent", s.stage().byAttendance()
                        ? "must be above 0 and at most 100" : "applies only to LETTER_1, LETTER_2 and LETTER_3"));
            }
            if (s.stage() == LetterStage.U_LATE && s.uLateSessions() == null) {
                problems.add(problem(at + ".uLateSessions", "is required for U_LATE"));
            }
            if (s.uLateSessions() != null && s.stage() != LetterStage.U_LATE) {
                problems.add(problem(at + ".uLateSessions", "applies only to U_LATE"));
            }
            if (s.automatic() && !s.stage().proposable()) {
                problems.add(problem(at + ".automatic", s.stage() + " letters are started by staff, never by the daily job"));
            }
            for (String unknown : LetterTemplate.unknownPlaceholders(s.subject())) {
                problems.add(problem(at + ".subject", "{{" + unknown + "}} is not a placeholder"));
            }
            for (String unknown : LetterTemplate.unknownPlaceholders(s.body())) {
                problems.add(problem(at + ".body", "{{" + unknown + "}} is not a placeholder"));
            }
            merged.put(s.stage(), s);
        }
        if (problems.isEmpty()) {
            thresholdsInOrder(merged, changed, problems);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LetterSettingRecord row = new LetterSettingRecord(school, resendAfterDays, minimumSessions, caller.id(), now);
        if (settings.existsById(school)) {
            settings.update(row);
        } else {
            settings.save(row);
        }
        for (StageSetting s : changed) {
            LetterStageRecord record = new LetterStageRecord(null, school, s.stage(), s.name(), s.description(), s.automatic(),
                    s.thresholdPercent(), s.uLateSessions(), s.subject(), s.body(), caller.id(), now);
            stages.findBySchoolIdAndStage(school, s.stage()).ifPresentOrElse(
                    existing -> stages.update(new LetterStageRecord(existing.id(), school, s.stage(), s.name(),
                            s.description(), s.automatic(), s.thresholdPercent(), s.uLateSessions(), s.subject(), s.body(),
                            caller.id(), now)),
                    () -> stages.save(record));
        }
        return of(school);
    }

    private static void thresholdsInOrder(Map<LetterStage, StageSetting> merged, List<StageSetting> changed,
                                          List<FieldProblem> problems) {
        BigDecimal t1 = merged.get(LetterStage.LETTER_1).thresholdPercent();
        BigDecimal t2 = merged.get(LetterStage.LETTER_2).thresholdPercent();
        BigDecimal t3 = merged.get(LetterStage.LETTER_3).thresholdPercent();
        if (t1.compareTo(t2) <= 0 || t2.compareTo(t3) <= 0) {
            int index = 0;
            for (int i = 0; i < changed.size(); i++) {
                if (changed.get(i).stage().byAttendance()) {
                    index = i;
                    break;
                }
            }
            problems.add(problem("stages[" + index + "].thresholdPercent", "thresholds must fall from LETTER_1 ("
                    + t1.stripTrailingZeros().toPlainString() + ") to LETTER_2 (" + t2.stripTrailingZeros().toPlainString()
                    + ") to LETTER_3 (" + t3.stripTrailingZeros().toPlainString() + ")"));
        }
    }

    private static FieldProblem problem(String field, String message) {
        return new FieldProblem(field, message);
    }
}
