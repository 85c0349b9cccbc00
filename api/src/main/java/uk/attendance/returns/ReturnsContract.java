package uk.attendance.returns;

import uk.attendance.contract.model.Address;
import uk.attendance.contract.model.DeletionGround;
import uk.attendance.contract.model.LaReturn;
import uk.attendance.contract.model.LaReturnChannel;
import uk.attendance.contract.model.LaReturnKind;
import uk.attendance.contract.model.LaReturnMissing;
import uk.attendance.contract.model.LaReturnParent;
import uk.attendance.contract.model.LaReturnSession;
import uk.attendance.contract.model.LaReturnSicknessTrigger;
import uk.attendance.contract.model.LaReturnStatus;
import uk.attendance.contract.model.Session;
import uk.attendance.platform.ContractTimes;
import uk.attendance.platform.CsvWriter;
import uk.attendance.pupil.PupilRecord;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Returns as the contract shows them, and the LA's CSV file made from the same lines. */
final class ReturnsContract {
    static final List<String> CSV_HEADER = List.of("returnId", "kind", "status", "dueOn", "sendBy", "laCode", "laName",
            "schoolUrn", "schoolName", "pupilId", "upn", "legalFirstName", "legalLastName", "dateOfBirth", "yearGroup",
            "registrationGroup", "addressLine1", "addressLine2", "town", "postcode", "parents", "periodStart", "periodEnd",
            "schoolDays", "sicknessTrigger", "sessions", "admissionDate", "leavingDate", "leavingGround", "missing", "sentAt",
            "sentBy", "sentVia", "sentNote");

    private ReturnsContract() {
    }

    static LaReturn toContract(ReturnLine line) {
        LaReturnRow row = line.row();
        PupilRecord pupil = line.pupil();
        LaReturn body = new LaReturn(row.id(), LaReturnKind.fromValue(row.kind().name()), LaReturnStatus.fromValue(row.status().name()),
                line.school().id(), line.school().urn(), line.school().name(), pupil.id(), pupil.legalFirstName(),
                pupil.legalLastName(), pupil.dateOfBirth(), pupil.yearGroup(), pupil.registrationGroup(), pupil.admissionDate(),
                line.parents().stream().map(c -> new LaReturnParent(c.contact().firstName() + " " + c.contact().lastName(),
                        c.link().relationship(), c.contact().mobile(), c.link().parentalResponsibility(), c.link().livesWith())
                        .email(c.contact().email())).toList(),
                row.periodStart(), row.periodEnd(), row.dueOn(),
                line.sessions().stream().map(m -> new LaReturnSession(m.date(), Session.fromValue(m.session().name()),
                        m.code().symbol())).toList(),
                line.missing().stream().map(m -> LaReturnMissing.fromValue(m.name())).toList())
                .laCode(line.school().laCode())
                .laName(line.school().laName())
                .upn(pupil.upn())
                .leavingDate(pupil.leavingDate())
                .leavingGround(Optional.ofNullable(pupil.leavingGround()).map(DeletionGround::fromValue).orElse(null))
                .address(line.address().map(a -> new Address(a.line1(), a.town(), a.postcode()).line2(a.line2())).orElse(null))
                .sendBy(row.sendBy())
                .schoolDays(line.schoolDays().orElse(null))
                .sicknessTrigger(Optional.ofNullable(row.sicknessTrigger()).map(LaReturnSicknessTrigger::fromValue).orElse(null));
        if (row.status() == LaReturnRow.Status.SENT) {
            body.sentAt(ContractTimes.utc(row.sentAt()))
                    .sentBy(row.sentByName() + (row.sentByPosition() == null || row.sentByPosition().isBlank() ? ""
                            : " (" + row.sentByPosition() + ")"))
                    .sentVia(LaReturnChannel.fromValue(row.sentVia()))
                    .sentNote(row.sentNote());
        }
        return body;
    }

    /** One row per return, the same fields as the JSON lines (see the contract's exportLaReturns). */
    static String csv(List<LaReturn> lines) {
        CsvWriter csv = new CsvWriter().row(CSV_HEADER);
        for (LaReturn r : lines) {
            Optional<Address> address = Optional.ofNullable(r.getAddress());
            csv.row(r.getId(), r.getKind().getValue(), r.getStatus().getValue(), text(r.getDueOn()), text(r.getSendBy()),
                    r.getLaCode(), r.getLaName(), r.getSchoolUrn(), r.getSchoolName(), r.getPupilId(), r.getUpn(),
                    r.getLegalFirstName(), r.getLegalLastName(), text(r.getDateOfBirth()), r.getYearGroup(),
                    r.getRegistrationGroup(), address.map(Address::getLine1).orElse(null),
                    address.map(Address::getLine2).orElse(null), address.map(Address::getTown).orElse(null),
                    address.map(Address::getPostcode).orElse(null),
                    r.getParents().stream().map(ReturnsContract::parent).collect(Collectors.joining("; ")),
                    text(r.getPeriodStart()), text(r.getPeriodEnd()), r.getSchoolDays(),
                    Optional.ofNullable(r.getSicknessTrigger()).map(LaReturnSicknessTrigger::getValue).orElse(null),
                    r.getSessions().stream().map(s -> s.getDate() + " " + s.getSession().getValue() + " " + s.getCode())
                            .collect(Collectors.joining("; ")),
                    text(r.getAdmissionDate()), text(r.getLeavingDate()),
                    Optional.ofNullable(r.getLeavingGround()).map(DeletionGround::getValue).orElse(null),
                    r.getMissing().stream().map(LaReturnMissing::getValue).collect(Collectors.joining("; ")),
                    Optional.ofNullable(r.getSentAt()).map(t -> t.toInstant().toString()).orElse(null), r.getSentBy(),
                    Optional.ofNullable(r.getSentVia()).map(LaReturnChannel::getValue).orElse(null), r.getSentNote());
        }
        return csv.toString();
    }

    /** "Sara Patel (Mother) +447700900123 sara@example.org". */
    static String parent(LaReturnParent p) {
        return p.getName() + " (" + p.getRelationship() + ") " + p.getMobile() + (p.getEmail() == null ? "" : " " + p.getEmail());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
