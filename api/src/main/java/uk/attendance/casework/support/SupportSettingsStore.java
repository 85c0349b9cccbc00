package uk.attendance.casework.support;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Each school's review interval for plans and contracts, and how many days before a review its owner is reminded. */
@Singleton
class SupportSettingsStore {
    static final int DEFAULT_REVIEW_WEEKS = 4;

    private final SupportSettingsRepository settings;
    private final int reminderDaysBefore;

    SupportSettingsStore(SupportSettingsRepository settings,
                         @Value("${attendance.casework.support.reminder-days-before:3}") int reminderDaysBefore) {
        this.settings = settings;
        this.reminderDaysBefore = reminderDaysBefore;
    }

    int reviewWeeks(long schoolId) {
        return settings.findById(schoolId).map(SupportSettingsRow::reviewWeeks).orElse(DEFAULT_REVIEW_WEEKS);
    }

    void setReviewWeeks(long schoolId, int weeks) {
        SupportSettingsRow row = new SupportSettingsRow(schoolId, weeks);
        if (settings.existsById(schoolId)) {
            settings.update(row);
        } else {
            settings.save(row);
        }
    }

    int reminderDaysBefore() {
        return reminderDaysBefore;
    }
}
