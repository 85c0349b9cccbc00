package uk.attendance.rules;

import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The sessions of a pupil: the school sessions of the school's calendar on the days the pupil is on roll (admission to
 * leaving date, both inclusive). Every view of a pupil counts by this one definition: the summary, the session calendar,
 * the penalty-notice status, the school's lists and returns. A mark outside these sessions (on a day the calendar has
 * no session, before admission or after leaving) counts nowhere and is shown nowhere. The register refuses to write
 * such marks and a calendar change may not create them; this keeps the views agreeing about any that exist anyway
 * (rows written behind the API, a calendar changed on another instance within its cache minute).
 */
public record PupilSessions(SchoolCalendar calendar, PupilFacts pupil) {
    public PupilSessions {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(pupil, "pupil");
    }

    public boolean includes(LocalDate date, Session session) {
        return pupil.onRoll(date) && calendar.isSession(date, session);
    }

    public boolean includes(SessionMark mark) {
        return includes(mark.date(), mark.session());
    }

    /** The marks that fall on the pupil's sessions, in their original order. */
    public List<SessionMark> keep(Collection<SessionMark> marks) {
        return marks.stream().filter(this::includes).toList();
    }
}
