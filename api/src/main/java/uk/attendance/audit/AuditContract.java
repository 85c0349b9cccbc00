package uk.attendance.audit;

import uk.attendance.contract.model.AuditActor;
import uk.attendance.contract.model.AuditChange;
import uk.attendance.contract.model.AuditEntry;
import uk.attendance.contract.model.AuditPage;
import uk.attendance.platform.ContractTimes;

import java.util.List;

/** Audit rows as the contract shows them. */
final class AuditContract {
    private AuditContract() {
    }

    /** A page of at most {@code size} entries from {@code found} (read one more, to know whether a next page exists). */
    static AuditPage page(List<AuditLog.Item> found, int size) {
        List<AuditLog.Item> shown = found.size() > size ? found.subList(0, size) : found;
        AuditPage page = new AuditPage(shown.stream().map(AuditContract::entry).toList());
        if (found.size() > size) {
            page.nextBefore(shown.get(shown.size() - 1).id());
        }
        return page;
    }

    static AuditEntry entry(AuditLog.Item i) {
        return new AuditEntry(i.id(), uk.attendance.contract.model.AuditEntryEntity.fromValue(i.entity().name()), i.entityId(),
                uk.attendance.contract.model.AuditEntryAction.fromValue(i.action()),
                i.changes().stream().map(c -> new AuditChange(c.field()).before(c.before()).after(c.after())).toList(),
                new AuditActor(uk.attendance.contract.model.AuditActorKind.fromValue(i.actorKind()), i.actorName()).id(i.actorId()),
                ContractTimes.utc(i.at()))
                .pupilId(i.pupilId());
    }
}
