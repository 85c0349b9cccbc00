package uk.attendance.pupil;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.audit.AuditLog;
import uk.attendance.audit.Change;
import uk.attendance.audit.ChangeListener;
import uk.attendance.audit.Entity;
import uk.attendance.audit.RecordChanged;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
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
public class PupilService implements ChangeListener {
    private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    private static final java.util.regex.Pattern POSTCODE =
            java.util.regex.Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");
    private final PupilRepository pupils;
    private final ContactRepository contacts;
    // Every pupil-level request starts by finding the pupil, so pupils are kept a minute. An edit drops the pupil on
    // this instance when it commits and on every other instance within about a second (audit.ChangeFeed).
    private final java.util.Map<Long, CachedPupil> byId = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedPupil(PupilRecord pupil, long loadedAt) {
    }
    private final PupilContactRepository links;
    private final PupilAddressRepository addresses;
    private final SchoolService schools;
    private final AuditLog audit;
    private final MarksAfterLeaving marks;
    private final Clock clock;

    PupilService(PupilRepository pupils, ContactRepository contacts, PupilContactRepository links,
                 PupilAddressRepository addresses, SchoolService schools, AuditLog audit, MarksAfterLeaving marks,
                 Clock clock) {
        this.pupils = pupils;
        this.contacts = contacts;
        this.links = links;
        this.addresses = addresses;
        this.schools = schools;
        this.audit = audit;
        this.marks = marks;
        this.clock = clock;
    }

    @Override
    public void changed(RecordChanged change) {
        if (change.entity() == Entity.PUPIL) {
            byId.remove(change.entityId());
        }
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

    /** Admits the pupil and audits it (who admitted them, on which date to which group). */
    @Transactional
    public PupilRecord admit(Caller actor, SchoolRecord school, PupilInput in) {
        PupilRecord admitted = admit(school, in);
        audit.record(actor, new AuditLog.Entry(Entity.PUPIL, admitted.id(), admitted.id(), school.id(), school.trustId(),
                "ADMITTED", List.of(Change.of("admissionDate", null, admitted.admissionDate()),
                Change.of("yearGroup", null, admitted.yearGroup()),
                Change.of("registrationGroup", null, admitted.registrationGroup()),
                Change.of("leavingDate", null, admitted.leavingDate()))));
        return admitted;
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

    /** Links a parent/carer as {@link #link(PupilRecord, long, PupilContactInput)} does, and audits it. */
    @Transactional
    public ContactLink link(Caller actor, PupilRecord pupil, PupilContactInput in) {
        ContactLink linked = link(pupil, actor.trustId(), in);
        audit.record(actor, new AuditLog.Entry(Entity.PUPIL_CONTACT, linked.contact().id(), pupil.id(), pupil.schoolId(),
                actor.trustId(), "CONTACT_LINKED", linkFields(null, linked)));
        return linked;
    }

    private static List<Change> linkFields(ContactLink before, ContactLink after) {
        java.util.function.Function<ContactLink, Object[]> values = l -> l == null ? new Object[9] : new Object[]{
                l.link().priority(), l.link().relationship(), l.link().parentalResponsibility(), l.link().livesWith(),
                l.contact().firstName(), l.contact().lastName(), l.contact().mobile(), l.contact().email(),
                l.contact().preferredLanguage()};
        String[] names = {"priority", "relationship", "parentalResponsibility", "livesWith", "firstName", "lastName",
                "mobile", "email", "preferredLanguage"};
        Object[] b = values.apply(before);
        Object[] a = values.apply(after);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            changes.add(Change.of(names[i], b[i], a[i]));
        }
        return changes;
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
    public void unlink(Caller actor, PupilRecord pupil, long contactId) {
        PupilContactRecord link = links.findByPupilIdAndContactId(pupil.id(), contactId)
                .orElseThrow(() -> ApiProblem.notFound("No contact " + contactId + " of pupil " + pupil.id()));
        ContactRecord contact = contacts.findById(contactId).orElseThrow();
        links.delete(link);
        audit.record(actor, new AuditLog.Entry(Entity.PUPIL_CONTACT, contactId, pupil.id(), pupil.schoolId(),
                actor.trustId(), "CONTACT_UNLINKED", linkFields(new ContactLink(contact, link), null)));
    }

    /**
     * Changes a pupil (a merge patch, see {@link PupilChanges}) and audits each changed field; 400 naming the field for
     * bad input, 403 when the caller may not change the safeguarding fields, 409 when the register holds marks after a
     * new leaving date. Nothing is stored unless all is well.
     */
    @Transactional
    public PupilRecord update(Caller actor, PupilRecord visible, PupilChanges c) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Patch<?>> mustNotClear = new java.util.LinkedHashMap<>();
        mustNotClear.put("yearGroup", c.yearGroup());
        mustNotClear.put("registrationGroup", c.registrationGroup());
        mustNotClear.put("sendStatus", c.sendStatus());
        mustNotClear.put("pupilPremium", c.pupilPremium());
        mustNotClear.put("eal", c.eal());
        mustNotClear.put("lookedAfter", c.lookedAfter());
        mustNotClear.put("childProtection", c.childProtection());
        mustNotClear.put("childInNeed", c.childInNeed());
        mustNotClear.forEach((field, patch) -> {
            if (patch.clears()) {
                problems.add(new FieldProblem(field, "cannot be cleared; leave it out to keep it"));
            }
        });
        if (c.leavingDate().sets() && !c.leavingGround().sets()) {
            problems.add(new FieldProblem("leavingGround", "is required with a leaving date (the ground for deletion)"));
        }
        if (c.leavingGround().sets() && !c.leavingDate().sets()) {
            problems.add(new FieldProblem("leavingDate", "is required with a leaving ground (send both together)"));
        }
        if (c.leavingGround().clears() && !c.leavingDate().clears()) {
            problems.add(new FieldProblem("leavingGround", "is cleared only with the leaving date (leavingDate: null)"));
        }
        c.leavingDate().given().filter(d -> d.isBefore(visible.admissionDate())).ifPresent(d ->
                problems.add(new FieldProblem("leavingDate", "is before the admission date " + visible.admissionDate())));
        c.registrationGroup().given().filter(String::isBlank).ifPresent(g ->
                problems.add(new FieldProblem("registrationGroup", "is blank")));
        c.socialWorker().given().filter(sw -> sw.name() == null || sw.name().isBlank()).ifPresent(sw ->
                problems.add(new FieldProblem("socialWorker.name", "is blank")));
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        boolean safeguarding = c.childProtection().present() || c.childInNeed().present() || c.socialWorker().present();
        if (safeguarding && !(actor.roles().contains(Roles.DSL) || actor.roles().contains(Roles.HEADTEACHER)
                || actor.isTrustAdmin())) {
            throw ApiProblem.forbidden("Only the designated safeguarding lead, the headteacher or a trust admin may"
                    + " change childProtection, childInNeed or socialWorker");
        }
        PupilRecord p = pupils.lock(visible.id()).orElseThrow(() -> ApiProblem.notFound("No pupil " + visible.id()));
        if (c.leavingDate().sets()) {
            List<MarksAfterLeaving.MarkedDate> after = marks.after(p.id(), c.leavingDate().value());
            if (!after.isEmpty()) {
                throw new MarksAfterLeavingDate(p.id(), c.leavingDate().value(), after);
            }
        }
        PupilChanges.SocialWorker swBefore = p.socialWorkerName() == null ? null
                : new PupilChanges.SocialWorker(p.socialWorkerName(), p.socialWorkerPhone(), p.socialWorkerEmail());
        PupilChanges.SocialWorker sw = c.socialWorker().map(w -> new PupilChanges.SocialWorker(w.name().strip(),
                blankToNull(w.phone()), blankToNull(w.email()))).applyTo(swBefore);
        PupilRecord updated = new PupilRecord(p.id(), p.schoolId(), p.upn(), p.legalFirstName(), p.legalLastName(),
                c.preferredFirstName().map(PupilService::blankToNull).applyTo(p.preferredFirstName()),
                c.preferredLastName().map(PupilService::blankToNull).applyTo(p.preferredLastName()),
                p.dateOfBirth(), p.gender(), c.yearGroup().applyTo(p.yearGroup()),
                c.registrationGroup().map(String::strip).applyTo(p.registrationGroup()), p.admissionDate(),
                c.leavingDate().applyTo(p.leavingDate()),
                c.leavingDate().clears() ? null : c.leavingGround().applyTo(p.leavingGround()),
                c.pupilPremium().applyTo(p.pupilPremium()), c.eal().applyTo(p.eal()),
                c.sendStatus().applyTo(p.sendStatus()), c.lookedAfter().applyTo(p.lookedAfter()),
                c.childProtection().applyTo(p.childProtection()), c.childInNeed().applyTo(p.childInNeed()),
                sw == null ? null : sw.name(), sw == null ? null : sw.phone(), sw == null ? null : sw.email(),
                p.createdAt());
        List<Change> changes = List.of(
                Change.of("leavingDate", p.leavingDate(), updated.leavingDate()),
                Change.of("leavingGround", p.leavingGround(), updated.leavingGround()),
                Change.of("yearGroup", p.yearGroup(), updated.yearGroup()),
                Change.of("registrationGroup", p.registrationGroup(), updated.registrationGroup()),
                Change.of("sendStatus", p.sendStatus(), updated.sendStatus()),
                Change.of("pupilPremium", p.pupilPremium(), updated.pupilPremium()),
                Change.of("eal", p.eal(), updated.eal()),
                Change.of("lookedAfter", p.lookedAfter(), updated.lookedAfter()),
                Change.of("childProtection", p.childProtection(), updated.childProtection()),
                Change.of("childInNeed", p.childInNeed(), updated.childInNeed()),
                Change.of("socialWorker.name", p.socialWorkerName(), updated.socialWorkerName()),
                Change.of("socialWorker.phone", p.socialWorkerPhone(), updated.socialWorkerPhone()),
                Change.of("socialWorker.email", p.socialWorkerEmail(), updated.socialWorkerEmail()),
                Change.of("preferredFirstName", p.preferredFirstName(), updated.preferredFirstName()),
                Change.of("preferredLastName", p.preferredLastName(), updated.preferredLastName()));
        if (changes.stream().noneMatch(Change::changed)) {
            return p;
        }
        pupils.update(updated);
        byId.remove(p.id());
        audit.record(actor, new AuditLog.Entry(Entity.PUPIL, p.id(), p.id(), p.schoolId(), actor.trustId(), "UPDATED",
                changes));
        return updated;
    }

    /** A home address as entered: the postcode is stored upper case with one space (LS6 2QD). */
    public record NewAddress(String line1, String line2, String town, String postcode) {
    }

    /** Records the pupil's new current address; the earlier ones stay as history. */
    @Transactional
    public PupilAddressRecord recordAddress(Caller actor, PupilRecord pupil, NewAddress in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.line1() == null || in.line1().isBlank()) {
            problems.add(new FieldProblem("line1", "is blank"));
        }
        if (in.town() == null || in.town().isBlank()) {
            problems.add(new FieldProblem("town", "is blank"));
        }
        String compact = in.postcode() == null ? "" : in.postcode().strip().toUpperCase(java.util.Locale.ROOT);
        java.util.regex.Matcher postcode = POSTCODE.matcher(compact);
        if (!postcode.matches()) {
            problems.add(new FieldProblem("postcode", "is not a UK postcode (e.g. LS6 2QD)"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        pupils.lock(pupil.id());
        Optional<PupilAddressRecord> before = addressOf(pupil.id());
        PupilAddressRecord saved = addresses.save(new PupilAddressRecord(null, pupil.id(), in.line1().strip(),
                blankToNull(in.line2()), in.town().strip(), postcode.group(1) + " " + postcode.group(2), now(),
                actor.isParent() ? null : actor.id()));
        audit.record(actor, new AuditLog.Entry(Entity.PUPIL_ADDRESS, saved.id(), pupil.id(), pupil.schoolId(),
                actor.trustId(), "ADDRESS_RECORDED", List.of(
                Change.of("line1", before.map(PupilAddressRecord::line1).orElse(null), saved.line1()),
                Change.of("line2", before.map(PupilAddressRecord::line2).orElse(null), saved.line2()),
                Change.of("town", before.map(PupilAddressRecord::town).orElse(null), saved.town()),
                Change.of("postcode", before.map(PupilAddressRecord::postcode).orElse(null), saved.postcode()))));
        return saved;
    }

    /** Every address recorded for the pupil, the current one first. */
    public List<PupilAddressRecord> addressHistory(long pupilId) {
        return addresses.findByPupilIdOrderByIdDesc(pupilId);
    }

    /**
     * Changes a contact's link to the pupil (priority, relationship, parental responsibility, lives with) and the contact
     * themselves (name, mobile, email, language: the same person for all their children). 404 when the contact is not
     * linked to the pupil; 409 when another contact of the trust has the new mobile.
     */
    @Transactional
    public ContactLink updateContact(Caller actor, PupilRecord pupil, long contactId, ContactChanges c) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Patch<?>> mustNotClear = new java.util.LinkedHashMap<>();
        mustNotClear.put("priority", c.priority());
        mustNotClear.put("relationship", c.relationship());
        mustNotClear.put("parentalResponsibility", c.parentalResponsibility());
        mustNotClear.put("livesWith", c.livesWith());
        mustNotClear.put("firstName", c.firstName());
        mustNotClear.put("lastName", c.lastName());
        mustNotClear.put("mobile", c.mobile());
        mustNotClear.put("preferredLanguage", c.preferredLanguage());
        mustNotClear.forEach((field, patch) -> {
            if (patch.clears()) {
                problems.add(new FieldProblem(field, "cannot be cleared; leave it out to keep it"));
            }
        });
        for (var named : List.of(Map.entry("relationship", c.relationship()), Map.entry("firstName", c.firstName()),
                Map.entry("lastName", c.lastName()), Map.entry("preferredLanguage", c.preferredLanguage()))) {
            named.getValue().given().filter(String::isBlank).ifPresent(v -> problems.add(new FieldProblem(named.getKey(), "is blank")));
        }
        Optional<UkMobile> mobile = c.mobile().given().flatMap(UkMobile::parse);
        if (c.mobile().sets() && mobile.isEmpty()) {
            problems.add(new FieldProblem("mobile", "is not a UK mobile number (07… or +447…)"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        PupilContactRecord link = links.findByPupilIdAndContactId(pupil.id(), contactId)
                .orElseThrow(() -> ApiProblem.notFound("No contact " + contactId + " of pupil " + pupil.id()));
        ContactRecord contact = contacts.findById(contactId).orElseThrow();
        String newMobile = mobile.map(UkMobile::e164).orElse(contact.mobile());
        if (!newMobile.equals(contact.mobile()) && contacts.findByTrustIdAndMobile(contact.trustId(), newMobile)
                .filter(other -> !other.id().equals(contact.id())).isPresent()) {
            throw ApiProblem.conflict("Another parent/carer of the trust already has this mobile number");
        }
        ContactRecord newContact = new ContactRecord(contact.id(), contact.trustId(),
                c.firstName().map(String::strip).applyTo(contact.firstName()),
                c.lastName().map(String::strip).applyTo(contact.lastName()), newMobile,
                c.email().map(PupilService::blankToNull).applyTo(contact.email()),
                c.preferredLanguage().map(String::strip).applyTo(contact.preferredLanguage()), contact.createdAt());
        PupilContactRecord newLink = new PupilContactRecord(link.id(), link.pupilId(), link.contactId(),
                c.priority().applyTo(link.priority()), c.relationship().map(String::strip).applyTo(link.relationship()),
                c.parentalResponsibility().applyTo(link.parentalResponsibility()), c.livesWith().applyTo(link.livesWith()));
        ContactLink before = new ContactLink(contact, link);
        ContactLink after = new ContactLink(newContact, newLink);
        if (!newContact.equals(contact)) {
            contacts.update(newContact);
        }
        if (!newLink.equals(link)) {
            links.update(newLink);
        }
        audit.record(actor, new AuditLog.Entry(Entity.PUPIL_CONTACT, contactId, pupil.id(), pupil.schoolId(),
                actor.trustId(), "CONTACT_UPDATED", linkFields(before, after)));
        return after;
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

    private static String blankToNull(@io.micronaut.core.annotation.Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
