package uk.attendance.notify.outbox;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.Caller;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.NotificationsApi;
import uk.attendance.contract.model.MeKind;
import uk.attendance.contract.model.Notification;
import uk.attendance.contract.model.NotificationChannel;
import uk.attendance.contract.model.NotificationPerson;
import uk.attendance.contract.model.NotificationStatus;
import uk.attendance.contract.model.PupilMessage;
import uk.attendance.pupil.PupilService;
import uk.attendance.platform.UkMobile;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.util.List;
import java.util.Optional;

import static uk.attendance.platform.ContractTimes.utc;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class NotificationsController implements NotificationsApi {
    private static final int DEFAULT_LIMIT = 50;
    private final Outbox outbox;
    private final SchoolService schools;
    private final PupilService pupils;
    private final CurrentCaller caller;

    NotificationsController(Outbox outbox, SchoolService schools, PupilService pupils, CurrentCaller caller) {
        this.outbox = outbox;
        this.schools = schools;
        this.pupils = pupils;
        this.caller = caller;
    }

    /**
     * A parent: the messages sent (or being sent) to them about their child, with what they said, not those cancelled
     * before sending (they never had them); staff: all, without bodies.
     */
    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<PupilMessage> listPupilMessages(Long pupilId, Long before, Integer limit) {
        Caller who = caller.get();
        long pupil = pupils.visibleTo(who, pupilId).id();
        return outbox.ofPupil(pupil, who.isParent() ? Optional.of(who.id()) : Optional.empty(), Optional.ofNullable(before),
                        Optional.ofNullable(limit).orElse(DEFAULT_LIMIT))
                .stream().map(r -> message(r, who.isParent())).toList();
    }

    @Override
    public List<Notification> listSchoolNotifications(Long schoolId, NotificationStatus status, Long pupilId, Long before,
                                                      Integer limit) {
        SchoolRecord school = schools.forStaff(caller.get(), schoolId);
        if (pupilId != null) {
            pupils.visibleAtSchool(caller.get(), pupilId, school.id());
        }
        return outbox.ofSchool(school.id(), Optional.ofNullable(status).map(s -> OutboxRecord.Status.valueOf(s.getValue())),
                        Optional.ofNullable(pupilId), Optional.ofNullable(before), Optional.ofNullable(limit).orElse(DEFAULT_LIMIT))
                .stream().map(NotificationsController::toContract).toList();
    }

    /** No bodies (they name children) and no full numbers. */
    private static Notification toContract(OutboxRecord r) {
        Notification n = new Notification(r.id(), NotificationChannel.fromValue(r.channel().name()), r.purpose(),
                NotificationStatus.fromValue(r.status().name()), r.attempts(), utc(r.createdAt()))
                .pupilId(r.pupilId())
                .lastError(r.lastError())
                .providerReference(r.providerRef())
                .devicesReached(r.devicesReached())
                .deliveryStatus(r.deliveryStatus())
                .deliveryErrorCode(r.deliveryErrorCode())
                .deliveryUpdatedAt(utc(r.deliveryUpdatedAt()))
                .sentAt(utc(r.sentAt()));
        if (r.status() == OutboxRecord.Status.PENDING) {
            n.nextAttemptAt(utc(r.nextAttemptAt()));
        }
        if (r.toNumber() != null) {
            n.toNumber(UkMobile.mask(r.toNumber()));
        } else if (r.toPersonKind() != null) {
            n.toPerson(new NotificationPerson(MeKind.fromValue(r.toPersonKind().name()), r.toPersonId()));
        }
        return n;
    }

    private static PupilMessage message(OutboxRecord r, boolean toTheCaller) {
        PupilMessage m = new PupilMessage(r.id(), NotificationChannel.fromValue(r.channel().name()), r.purpose(),
                NotificationStatus.fromValue(r.status().name()), r.attempts(), utc(r.createdAt()))
                .pupilId(r.pupilId())
                .lastError(r.lastError())
                .devicesReached(r.devicesReached())
                .deliveryStatus(r.deliveryStatus())
                .deliveryUpdatedAt(utc(r.deliveryUpdatedAt()))
                .sentAt(utc(r.sentAt()));
        if (r.toPersonKind() != null) {
            m.toPerson(new NotificationPerson(MeKind.fromValue(r.toPersonKind().name()), r.toPersonId()));
        }
        if (r.toNumber() != null) {
            m.toNumber(UkMobile.mask(r.toNumber()));
        }
        if (toTheCaller) {
            m.title(r.title()).body(r.body());
        }
        return m;
    }
}
