package uk.attendance.casework.support;

import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * Whether the school has offered a pupil support, for the penalty-notice pathway: any support record (a support meeting
 * offered or held, a targeted support plan, an attendance or parenting contract) starting on or before the date.
 */
@Singleton
public class SupportOffers {
    private final SupportRecordRepository records;

    SupportOffers(SupportRecordRepository records) {
        this.records = records;
    }

    public boolean offered(long pupilId, LocalDate onOrBefore) {
        return records.anyFor(pupilId, onOrBefore);
    }
}
