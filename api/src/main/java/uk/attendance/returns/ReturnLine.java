package uk.attendance.returns;

import uk.attendance.pupil.PupilAddressRecord;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService.ContactLink;
import uk.attendance.rules.SessionMark;
import uk.attendance.school.SchoolRecord;

import java.util.List;
import java.util.Optional;

/**
 * A stored return with every field the LA asks for: the pupil, the current address, the parents and carers who have
 * parental responsibility or with whom the child lives, the sessions concerned, and what is missing.
 */
record ReturnLine(LaReturnRow row, SchoolRecord school, PupilRecord pupil, Optional<PupilAddressRecord> address,
                  List<ContactLink> parents, List<SessionMark> sessions, List<Missing> missing) {

    enum Missing { ADDRESS, UPN, PARENT_CONTACT, LEAVING_GROUND, LOCAL_AUTHORITY }

    /** Attendance: the school days of the run (to its last day as stored). */
    Optional<Integer> schoolDays() {
        return row.kind() == ReturnKind.ATTENDANCE
                ? Optional.of((int) sessions.stream().map(SessionMark::date).distinct().count())
                : Optional.empty();
    }
}
