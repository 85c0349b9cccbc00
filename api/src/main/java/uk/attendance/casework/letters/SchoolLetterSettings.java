package uk.attendance.casework.letters;

import java.util.List;

/** A school's graduated response: every stage (in {@link LetterStage} order), the re-send period and the minimum sessions. */
record SchoolLetterSettings(long schoolId, int resendAfterDays, int minimumSessions, List<StageSetting> stages) {

    StageSetting stage(LetterStage stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }
}
