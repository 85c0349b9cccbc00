package uk.attendance.followup.morning;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.SchoolRecord;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The text time of one school's morning (default 09:30, policy 000): the families of pupils still {@code N} who have
 * not been in touch get a text inviting a reply, each pupil decided in a transaction of its own ({@link MorningText}).
 * The work follows the number of absentees, not of pupils: the unexplained marks come from an index.
 */
@Singleton
class TextTime {
    private static final Logger LOG = LoggerFactory.getLogger(TextTime.class);

    private final RegisterService register;
    private final FamilyInTouch inTouch;
    private final MorningText text;

    private final int pupilsPerTransaction;

    TextTime(RegisterService register, FamilyInTouch inTouch, MorningText text,
             @Value("${attendance.followup.text.pupils-per-transaction:25}") int pupilsPerTransaction) {
        if (pupilsPerTransaction < 1) {
            throw new IllegalArgumentException("attendance.followup.text.pupils-per-transaction must be at least 1");
        }
        this.pupilsPerTransaction = pupilsPerTransaction;
        this.register = register;
        this.inTouch = inTouch;
        this.text = text;
    }

    /** @return how many pupils' families this run texted (or found no mobile for) */
    int send(SchoolRecord school, LocalDate day, LocalDateTime now) {
        List<Long> unexplained = register.unexplainedPupils(school.id(), day, Session.AM);
        if (unexplained.isEmpty()) {
            return 0;
        }
        Set<Long> inTouchAlready = inTouch.pupils(school.id(), day);
        List<Long> toText = unexplained.stream().filter(p -> !inTouchAlready.contains(p)).toList();
        int decided = 0;
        for (int from = 0; from < toText.size(); from += pupilsPerTransaction) {
            decided += text.decideAll(school, day, toText.subList(from, Math.min(toText.size(), from + pupilsPerTransaction)), now);
        }
        LOG.info("School {} {}: {} pupils unexplained at text time, {} families texted", school.id(), day,
                unexplained.size(), decided);
        return decided;
    }
}
