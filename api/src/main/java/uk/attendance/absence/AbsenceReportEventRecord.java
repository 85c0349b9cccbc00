package uk.attendance.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.contract.model.AbsenceReportEventAction;

import java.time.LocalDateTime;

/**
 * Something that happened to a report, who did it and when. Questions from the school and the family's replies are
 * events too ({@code QUESTION_ASKED}, {@code REPLIED}), with the message in {@code details}.
 */
@MappedEntity("absence_report_event")
record AbsenceReportEventRecord(
        @Id @GeneratedValue Long id,
        long reportId,
        String action,
        LocalDateTime happenedAt,
        String byKind,
        long byId,
        String byName,
        String byPosition,
        @Nullable String details) {

    AbsenceReportEventAction actionValue() {
        return AbsenceReportEventAction.fromValue(action);
    }

    boolean isMessage() {
        return actionValue() == AbsenceReportEventAction.QUESTION_ASKED || actionValue() == AbsenceReportEventAction.REPLIED;
    }
}
