package uk.attendance.pupil;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.Caller;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.PupilsApi;
import uk.attendance.contract.model.Address;
import uk.attendance.contract.model.DeletionGround;
import uk.attendance.contract.model.Gender;
import uk.attendance.contract.model.PupilAddress;
import uk.attendance.contract.model.PupilContactUpdate;
import uk.attendance.contract.model.PupilUpdate;
import uk.attendance.platform.ContractTimes;
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
    private final ExplicitNulls nulls;

    PupilController(PupilService pupils, SchoolService schools, CurrentCaller caller, ExplicitNulls nulls) {
        this.pupils = pupils;
        this.schools = schools;
        this.caller = caller;
        this.nulls = nulls;
    }

    @Override
    @Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
    public HttpResponse<Pupil> createPupil(Long schoolId, PupilInput input) {
        Caller c = caller.get();
        return HttpResponse.created(toContract(pupils.admit(c, schools.forStaff(c, schoolId), input), c));
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public Pupil getPupil(Long pupilId) {
        Caller c = caller.get();
        PupilRecord pupil = pupils.visibleTo(c, pupilId);
        Pupil shown = toContract(pupil, c);
        if (!c.isParent()) {
            pupils.addressOf(pupil.id()).ifPresent(a -> shown.address(address(a)));
        }
        return shown;
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public Pupil updatePupil(Long pupilId, PupilUpdate in) {
        java.util.Set<String> cleared = nulls.of(in);
        Caller c = caller.get();
        PupilRecord pupil = pupils.visibleTo(c, pupilId);
        var sw = in.getSocialWorker();
        PupilChanges changes = new PupilChanges(
                Patch.of(in.getLeavingDate(), cleared.contains("leavingDate")),
                Patch.of(in.getLeavingGround() == null ? null : in.getLeavingGround().getValue(), cleared.contains("leavingGround")),
                Patch.of(in.getYearGroup(), cleared.contains("yearGroup")),
                Patch.of(in.getRegistrationGroup(), cleared.contains("registrationGroup")),
                Patch.of(in.getSendStatus() == null ? null : in.getSendStatus().getValue(), cleared.contains("sendStatus")),
                Patch.of(in.getPupilPremium(), cleared.contains("pupilPremium")),
                Patch.of(in.getEal(), cleared.contains("eal")),
                Patch.of(in.getLookedAfter(), cleared.contains("lookedAfter")),
                Patch.of(in.getChildProtection(), cleared.contains("childProtection")),
                Patch.of(in.getChildInNeed(), cleared.contains("childInNeed")),
                Patch.of(sw == null ? null : new PupilChanges.SocialWorker(sw.getName(), sw.getPhone(), sw.getEmail()),
                        cleared.contains("socialWorker")),
                Patch.of(in.getPreferredFirstName(), cleared.contains("preferredFirstName")),
                Patch.of(in.getPreferredLastName(), cleared.contains("preferredLastName")));
        PupilRecord updated = pupils.update(c, pupil, changes);
        LOG.info("Pupil {} changed by staff {}", pupilId, c.id());
        Pupil shown = toContract(updated, c);
        pupils.addressOf(updated.id()).ifPresent(a -> shown.address(address(a)));
        return shown;
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<PupilAddress> listPupilAddresses(Long pupilId) {
        PupilRecord pupil = pupils.visibleTo(caller.get(), pupilId);
        List<PupilAddressRecord> all = pupils.addressHistory(pupil.id());
        return java.util.stream.IntStream.range(0, all.size()).mapToObj(i -> pupilAddress(all.get(i), i == 0)).toList();
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public HttpResponse<PupilAddress> recordPupilAddress(Long pupilId, Address in) {
        Caller c = caller.get();
        PupilRecord pupil = pupils.visibleTo(c, pupilId);
        PupilAddressRecord saved = pupils.recordAddress(c, pupil,
                new PupilService.NewAddress(in.getLine1(), in.getLine2(), in.getTown(), in.getPostcode()));
        LOG.info("Address {} recorded for pupil {} by staff {}", saved.id(), pupilId, c.id());
        return HttpResponse.created(pupilAddress(saved, true));
    }

    @Override
    @Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
    public PupilContact updatePupilContact(Long pupilId, Long contactId, PupilContactUpdate in) {
        java.util.Set<String> cleared = nulls.of(in);
        Caller c = caller.get();
        PupilRecord pupil = pupils.visibleTo(c, pupilId);
        ContactChanges changes = new ContactChanges(
                Patch.of(in.getPriority(), cleared.contains("priority")),
                Patch.of(in.getRelationship(), cleared.contains("relationship")),
                Patch.of(in.getParentalResponsibility(), cleared.contains("parentalResponsibility")),
                Patch.of(in.getLivesWith(), cleared.contains("livesWith")),
                Patch.of(in.getFirstName(), cleared.contains("firstName")),
                Patch.of(in.getLastName(), cleared.contains("lastName")),
                Patch.of(in.getMobile(), cleared.contains("mobile")),
                Patch.of(in.getEmail(), cleared.contains("email")),
                Patch.of(in.getPreferredLanguage(), cleared.contains("preferredLanguage")));
        PupilService.ContactLink changed = pupils.updateContact(c, pupil, contactId, changes);
        LOG.info("Contact {} of pupil {} changed by staff {}", contactId, pupilId, c.id());
        return toContract(changed);
    }

    static Address address(PupilAddressRecord a) {
        return new Address(a.line1(), a.town(), a.postcode()).line2(a.line2());
    }

    private static PupilAddress pupilAddress(PupilAddressRecord a, boolean current) {
        return new PupilAddress(a.id(), address(a), current, ContractTimes.utc(a.recordedAt()))
                .recordedByStaffId(a.recordedByStaffId());
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
        return HttpResponse.created(toContract(pupils.link(c, pupils.visibleTo(c, pupilId), input)));
    }

    @Override
    @Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
    public HttpResponse<Void> unlinkPupilContact(Long pupilId, Long contactId) {
        Caller c = caller.get();
        pupils.unlink(c, pupils.visibleTo(c, pupilId), contactId);
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
                .leavingGround(p.leavingGround() == null ? null : DeletionGround.fromValue(p.leavingGround()))
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
