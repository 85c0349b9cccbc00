package uk.attendance.followup;

import uk.attendance.followup.records.TextReviewRecord;
import uk.attendance.followup.replies.TextReviews;
import uk.attendance.followup.tasks.CallTaskService;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.FollowUpApi;
import uk.attendance.contract.model.CallOutcomeInput;
import uk.attendance.contract.model.CallTask;
import uk.attendance.contract.model.FollowUpBoard;
import uk.attendance.contract.model.FollowUpSettings;
import uk.attendance.contract.model.FollowUpSettingsInput;
import uk.attendance.contract.model.PupilFollowUp;
import uk.attendance.contract.model.TextReviewDoneInput;
import uk.attendance.contract.model.TextReviewStatus;
import uk.attendance.contract.model.TextToReview;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class FollowUpController implements FollowUpApi {
    private final FollowUpSettingsService settings;
    private final FollowUpViews views;
    private static final int DEFAULT_LIMIT = 50;
    private final CallTaskService calls;
    private final TextReviews reviews;
    private final CurrentCaller caller;

    FollowUpController(FollowUpSettingsService settings, FollowUpViews views, CallTaskService calls, TextReviews reviews,
                       CurrentCaller caller) {
        this.settings = settings;
        this.views = views;
        this.calls = calls;
        this.reviews = reviews;
        this.caller = caller;
    }

    @Override
    public FollowUpSettings getFollowUpSettings(Long schoolId) {
        return FollowUpContract.settings(settings.settings(caller.get(), schoolId));
    }

    @Override
    @Secured({Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public FollowUpSettings updateFollowUpSettings(Long schoolId, FollowUpSettingsInput in) {
        return FollowUpContract.settings(settings.update(caller.get(), schoolId, LocalTime.parse(in.getTextTime()),
                LocalTime.parse(in.getCallTime())));
    }

    @Override
    public FollowUpBoard getFollowUpBoard(Long schoolId, LocalDate date) {
        return FollowUpContract.board(views.board(caller.get(), schoolId, date));
    }

    @Override
    public CallTask getCallTask(Long callTaskId) {
        return FollowUpContract.task(views.task(caller.get(), callTaskId));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public CallTask claimCallTask(Long callTaskId) {
        var who = caller.get();
        return FollowUpContract.task(views.view(who, calls.claim(who, callTaskId)));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public CallTask logCallOutcome(Long callTaskId, CallOutcomeInput in) {
        var who = caller.get();
        return FollowUpContract.task(views.view(who, calls.logOutcome(who, callTaskId, in)));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<CallTask> listMyCallTasks() {
        return views.mine(caller.get()).stream().map(FollowUpContract::task).toList();
    }

    /** Families' own words: not for class teachers. */
    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<TextToReview> listTextsToReview(Long schoolId, TextReviewStatus status, Long before, Integer limit) {
        TextReviewRecord.Status which = TextReviewRecord.Status.valueOf(
                Optional.ofNullable(status).orElse(TextReviewStatus.OPEN).getValue());
        return reviews.list(caller.get(), schoolId, which, Optional.ofNullable(before),
                Optional.ofNullable(limit).orElse(DEFAULT_LIMIT)).stream().map(FollowUpContract::textToReview).toList();
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public TextToReview markTextReviewed(Long schoolId, Long textReviewId, TextReviewDoneInput in) {
        return FollowUpContract.textToReview(reviews.done(caller.get(), schoolId, textReviewId,
                Optional.ofNullable(in).map(TextReviewDoneInput::getNote)));
    }

    @Override
    public PupilFollowUp getPupilFollowUp(Long pupilId, LocalDate from, LocalDate to) {
        return FollowUpContract.history(views.history(caller.get(), pupilId, Optional.ofNullable(from), Optional.ofNullable(to)));
    }
}
