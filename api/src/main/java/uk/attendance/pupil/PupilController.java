package uk.attendance.pupil;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.auth.Caller;
import uk.attendance.auth.CurrentCaller;
import uk.attendance.auth.Roles;
import uk.attendance.contract.api.PupilsApi;
import uk.attendance.contract.model.Gender;
import uk.attendance.contract.model.Pupil;
import uk.attendance.contract.model.PupilContact;
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.contract.model.SendStatus;
import uk.attendance.contract.model.SocialWorker;
import uk.attendance.rules.CompulsorySchoolAge;
import uk.attendance.school.SchoolService;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class PupilController implements PupilsApi {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PupilController.class);
    private final PupilService pupils;
    private final SchoolService schools;
    private final CurrentCaller caller;

    PupilController(PupilService pupils, SchoolService schools, CurrentCaller caller) {
        this.pupils = pupils;
        this.schools = schools;
        this.caller = caller;
    }

    @Override
    @Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
    public HttpResponse<Pupil> createPupil(Long schoolId, PupilInput input) {
        Caller c = caller.get();
        return HttpResponse.created(toContract(pupils.admit(schools.forStaff(c, schoolId), input), c));
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public Pupil getPupil(Long pupilId) {
        Caller c = caller.get();
        return toContract(pupils.visibleTo(c, pupilId), c);
    }

    @Override
    public List<Pupil> listPupils(Long schoolId, String registrationGroup, LocalDate onRollOn) {
        Caller c = caller.get();
        schools.forStaff(c, schoolId);
        return pupils.ofSchool(schoolId, Optional.ofNullable(registrationGroup), Optional.ofNullable(onRollOn)).stream()
                .map(p -> toContract(p, c))
                .toList();
    }

    @Override
    @Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
    public HttpResponse<PupilContact> linkPupilContact(Long pupilId, PupilContactInput input) {
        Caller c = caller.get();
        return HttpResponse.created(toContract(pupils.link(pupils.visibleTo(c, pupilId), c.trustId(), input)));
    }

    @Override
    @Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
    public HttpResponse<Void> unlinkPupilContact(Long pupilId, Long contactId) {
        Caller c = caller.get();
        pupils.unlink(pupils.visibleTo(c, pupilId), contactId);
        LOG.info("Contact {} unlinked from pupil {} by staff {}", contactId, pupilId, c.id());
        return HttpResponse.noContent();
    }

    @Override
    public List<PupilContact> listPupilContacts(Long pupilId) {
        PupilRecord pupil = pupils.visibleTo(caller.get(), pupilId);
        return pupils.contactsOf(pupil.id()).stream().map(PupilController::toContract).toList();
    }

    static Pupil toContract(PupilRecord p, Caller caller) {
        var csa = CompulsorySchoolAge.of(p.dateOfBirth());
        Pupil pupil = new Pupil(p.id(), p.schoolId(), p.legalFirstName(), p.legalLastName(), p.dateOfBirth(),
                p.yearGroup(), p.registrationGroup(), p.admissionDate(), csa.from(), csa.until())
                .upn(p.upn())
                .preferredFirstName(p.preferredFirstName())
                .preferredLastName(p.preferredLastName())
                .gender(p.gender() == null ? null : Gender.fromValue(p.gender()))
                .leavingDate(p.leavingDate());
        if (caller.isParent()) {
            return pupil;
        }
        return pupil.pupilPremium(p.pupilPremium())
                .eal(p.eal())
                .sendStatus(SendStatus.fromValue(p.sendStatus()))
                .lookedAfter(p.lookedAfter())
                .childProtection(p.childProtection())
                .childInNeed(p.childInNeed())
                .socialWorker(p.socialWorkerName() == null ? null
                        : new SocialWorker(p.socialWorkerName()).phone(p.socialWorkerPhone()).email(p.socialWorkerEmail()));
    }

    static PupilContact toContract(PupilService.ContactLink l) {
        var c = l.contact();
        var link = l.link();
        return new PupilContact(c.id(), c.firstName(), c.lastName(), c.mobile(), link.priority(), link.relationship(),
                link.parentalResponsibility(), link.livesWith(), c.preferredLanguage())
                .email(c.email());
    }
}
