package uk.attendance.pupil;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.auth.Caller;
import uk.attendance.contract.model.PupilContactInput;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.platform.UkMobile;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pupils and their parents/carers, and who may see which pupil. */
@Singleton
public class PupilService {
    private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    private final PupilRepository pupils;
    private final ContactRepository contacts;
    // Every pupil-level request starts by finding the pupil; pupils are not edited in place through the API.
    private final java.util.Map<Long, CachedPupil> byId = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedPupil(PupilRecord pupil, long loadedAt) {
    }
    private final PupilContactRepository links;
    private final PupilAddressRepository addresses;
    private final SchoolService schools;
    private final Clock clock;

    PupilService(PupilRepository pupils, ContactRepository contacts, PupilContactRepository links,
                 PupilAddressRepository addresses, SchoolService schools, Clock clock) {
        this.pupils = pupils;
        this.contacts = contacts;
        this.links = links;
        this.addresses = addresses;
        this.schools = schools;
        this.clock = clock;
    }

    /**
     * The pupil, when the caller may see them: a parent/carer who acts for the child (see {@link #actsFor}), staff of
     * the child's school, a trust admin of its trust. Anyone else gets 404, so existence is not revealed: an emergency
     * contact (neither parental responsibility nor the child living with them) receives texts about the child but
     * neither acts for them (reports, leave, withdrawals) nor reads their attendance or evidence.
     */
    public PupilRecord visibleTo(Caller caller, long pupilId) {
        return find(pupilId)
                .filter(p -> canSee(caller, p))
                .orElseThrow(() -> ApiProblem.notFound("No pupil " + pupilId));
    }

    /** The pupil, when the caller may see them and they are at this school (a filter of a school's list); else 404. */
    public PupilRecord visibleAtSchool(Caller caller, long pupilId, long schoolId) {
        PupilRecord pupil = visibleTo(caller, pupilId);
        if (pupil.schoolId() != schoolId) {
            throw ApiProblem.notFound("No pupil " + pupilId + " at school " + schoolId);
        }
        return pupil;
    }

    private boolean canSee(Caller caller, PupilRecord pupil) {
        if (caller.isParent()) {
            return actsFor(caller.id(), pupil.id());
        }
        return caller.worksAt(pupil.schoolId())
                && schools.find(pupil.schoolId()).map(s -> s.trustId() == caller.trustId()).orElse(false);
    }

    /** The pupil, without an access check (for jobs and webhooks acting for no caller); kept a minute. */
    public Optional<PupilRecord> find(long pupilId) {
        long now = System.nanoTime();
        CachedPupil cached = byId.get(pupilId);
        if (cached != null && now - cached.loadedAt() < KEEP_NANOS) {
            return Optional.of(cached.pupil());
        }
        if (byId.size() > 50_000) {
            byId.clear();
        }
        Optional<PupilRecord> pupil = pupils.findById(pupilId);
        pupil.ifPresent(p -> byId.put(pupilId, new CachedPupil(p, now)));
        return pupil;
    }

    public List<PupilRecord> ofSchool(long schoolId, Optional<String> registrationGroup, Optional<LocalDate> onRollOn) {
        List<PupilRecord> found = registrationGroup
                .map(g -> pupils.findBySchoolAndGroup(schoolId, g))
                .orElseGet(() -> pupils.findBySchool(schoolId));
        return onRollOn.map(d -> found.stream().filter(p -> p.onRollOn(d)).toList()).orElse(found);
    }


    /**
     * Whether the contact acts for the pupil: they have parental responsibility, or the child lives with them (a foster
     * carer, a step-parent: a "parent" in education law, Education Act 1996 s576, and "the parent the pupil normally lives
     * with" who asks for leave, rule book §4).
     */
    public boolean actsFor(long contactId, long pupilId) {
        return pupils.actsFor(pupilId, contactId);
    }

    /** The children the contact acts for (what a signed-in parent sees; see {@link #actsFor}). */
    public List<PupilRecord> childrenOf(long contactId) {
        return pupils.findChildrenOf(contactId);
    }

    /** Every child the contact is linked to, as an emergency contact too: for staff, never for the contact's own reads. */
    public List<PupilRecord> linkedChildrenOf(long contactId) {
        return pupils.findLinkedChildrenOf(contactId);
    }

    public PupilRecord admit(SchoolRecord school, PupilInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(school.zone()));
        if (in.getDateOfBirth().isAfter(today)) {
            problems.add(new FieldProblem("dateOfBirth", "is in the future"));
        }
        if (in.getDateOfBirth().isBefore(today.minusYears(25))) {
            problems.add(new FieldProblem("dateOfBirth", "is more than 25 years ago"));
        }
        if (in.getAdmissionDate().isBefore(in.getDateOfBirth())) {
            problems.add(new FieldProblem("admissionDate", "is before the date of birth"));
        }
        if (in.getLeavingDate() != null && in.getLeavingDate().isBefore(in.getAdmissionDate())) {
            problems.add(new FieldProblem("leavingDate", "is before the admission date"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        if (in.getUpn() != null && pupils.existsByUpn(in.getUpn())) {
            throw ApiProblem.conflict("A pupil with this UPN is already on roll in the trust");
        }
        var sw = Optional.ofNullable(in.getSocialWorker());
        return pupils.save(new PupilRecord(null, school.id(), in.getUpn(), in.getLegalFirstName().strip(),
                in.getLegalLastName().strip(), blankToNull(in.getPreferredFirstName()), blankToNull(in.getPreferredLastName()),
                in.getDateOfBirth(), in.getGender() == null ? null : in.getGender().getValue(), in.getYearGroup(),
                in.getRegistrationGroup().strip(), in.getAdmissionDate(), in.getLeavingDate(), null,
                bool(in.getPupilPremium()), bool(in.getEal()),
                in.getSendStatus() == null ? "NONE" : in.getSendStatus().getValue(),
                bool(in.getLookedAfter()), bool(in.getChildProtection()), bool(in.getChildInNeed()),
                sw.map(s -> s.getName()).orElse(null), sw.map(s -> s.getPhone()).orElse(null),
                sw.map(s -> s.getEmail()).orElse(null), now()));
    }

    /** The pupil's current home address, if one was recorded. */
    public Optional<PupilAddressRecord> addressOf(long pupilId) {
        return addressesOf(List.of(pupilId)).values().stream().findFirst();
    }

    /** The current home address of each of these pupils that has one, in one query. */
    public Map<Long, PupilAddressRecord> addressesOf(java.util.Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        return addresses.findCurrentByPupilIdIn(pupilIds).stream()
                .collect(java.util.stream.Collectors.toMap(PupilAddressRecord::pupilId, a -> a));
    }

    public List<ContactLink> contactsOf(long pupilId) {
        return contactsOf(List.of(pupilId)).getOrDefault(pupilId, List.of());
    }

    /** The contacts of several pupils in priority order, in two queries (pupils without contacts are left out). */
    public Map<Long, List<ContactLink>> contactsOf(java.util.Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        List<PupilContactRecord> all = links.findByPupilIdInOrderByPriority(pupilIds);
        Map<Long, ContactRecord> byId = contacts.findByIdIn(all.stream().map(PupilContactRecord::contactId)
                .collect(java.util.stream.Collectors.toSet())).stream()
                .collect(java.util.stream.Collectors.toMap(ContactRecord::id, c -> c));
        Map<Long, List<ContactLink>> byPupil = new java.util.HashMap<>();
        for (PupilContactRecord link : all) {
            byPupil.computeIfAbsent(link.pupilId(), id -> new java.util.ArrayList<>())
                    .add(new ContactLink(byId.get(link.contactId()), link));
        }
        return byPupil;
    }

    /** Links a parent/carer; a contact already known to the trust by mobile number is reused. */
    @Transactional
    public ContactLink link(PupilRecord pupil, long trustId, PupilContactInput in) {
        UkMobile mobile = UkMobile.parse(in.getMobile())
                .orElseThrow(() -> ApiProblem.invalid("mobile", "is not a UK mobile number (07… or +447…)"));
        ContactRecord contact = contacts.findByTrustIdAndMobile(trustId, mobile.e164())
                .orElseGet(() -> contacts.save(new ContactRecord(null, trustId, in.getFirstName().strip(),
                        in.getLastName().strip(), mobile.e164(), blankToNull(in.getEmail()),
                        Optional.ofNullable(in.getPreferredLanguage()).orElse("en"), now())));
        if (links.existsByPupilIdAndContactId(pupil.id(), contact.id())) {
            throw ApiProblem.conflict("This contact is already linked to the pupil");
        }
        PupilContactRecord link = links.save(new PupilContactRecord(null, pupil.id(), contact.id(), in.getPriority(),
                in.getRelationship().strip(), Optional.ofNullable(in.getParentalResponsibility()).orElse(true),
                Optional.ofNullable(in.getLivesWith()).orElse(true)));
        return new ContactLink(contact, link);
    }

    /**
     * Removes a contact's link to the pupil (they no longer receive texts about the child nor act for them); the contact
     * itself stays, with their other children. 404 when the contact is not linked to this pupil.
     */
    @Transactional
    public void unlink(PupilRecord pupil, long contactId) {
        PupilContactRecord link = links.findByPupilIdAndContactId(pupil.id(), contactId)
                .orElseThrow(() -> ApiProblem.notFound("No contact " + contactId + " of pupil " + pupil.id()));
        links.delete(link);
    }

    public Optional<ContactRecord> contact(long contactId) {
        return contacts.findById(contactId);
    }

    /** A mobile is unique per trust; should two trusts share a deployment and a parent, the oldest contact is used. */
    public Optional<ContactRecord> contactByMobile(String e164) {
        return contacts.findFirstByMobileOrderById(e164);
    }

    /** Whether the trust has a parent/carer with this mobile (E.164). */
    public boolean hasContact(long trustId, String e164) {
        return contacts.findByTrustIdAndMobile(trustId, e164).isPresent();
    }

    /**
     * Every contact with this mobile (E.164), one per trust at most, oldest first, each with the children they are
     * linked to (emergency contacts too: this is for staff reviewing their texts) on roll at that instant, the day taken
     * in each child's school's timezone (a contact with no child on roll has an empty list).
     */
    public List<ContactChildren> contactsWithChildrenOnRoll(String e164, java.time.Instant at) {
        List<ContactChildren> found = new ArrayList<>();
        for (ContactRecord contact : contacts.findByMobileOrderById(e164)) {
            found.add(new ContactChildren(contact, pupils.findLinkedChildrenOf(contact.id()).stream()
                    .filter(p -> schools.find(p.schoolId()).map(s -> p.onRollOn(at.atZone(s.zone()).toLocalDate()))
                            .orElse(false))
                    .toList()));
        }
        return found;
    }

    /** A contact and some of their children. */
    public record ContactChildren(ContactRecord contact, List<PupilRecord> children) {
    }

    public record ContactLink(ContactRecord contact, PupilContactRecord link) {
    }

    private static boolean bool(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
