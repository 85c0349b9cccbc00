package uk.attendance.bench;

import uk.attendance.contract.model.MarkImportRow;
import uk.attendance.contract.model.Session;
import uk.attendance.pupil.PupilRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Today's morning register as the follow-up benchmarks and resilience tests want it ({@code --unmarked-today K}): taken
 * as present for every pupil on roll but {@code unmarked} of them, chosen by the seed, who have no morning mark yet.
 * Whatever the demo mix had for this morning is replaced; earlier days are left as they are.
 */
record UnmarkedMorning(LocalDate today, int unmarked, long seed) {

    /** A school's rows with this morning replaced; {@code roll} is the school's pupils. */
    List<MarkImportRow> apply(List<MarkImportRow> rows, List<PupilRecord> roll) {
        List<MarkImportRow> result = new ArrayList<>(rows.stream()
                .filter(r -> !(r.getDate().equals(today) && r.getSession() == Session.AM))
                .toList());
        Set<Long> left = leftUnmarked(roll);
        for (PupilRecord pupil : roll) {
            if (pupil.onRollOn(today) && !left.contains(pupil.id())) {
                result.add(new MarkImportRow(pupil.id(), today, Session.AM, "/"));
            }
        }
        return result;
    }

    /** The pupils of the roll left without a morning mark today. */
    Set<Long> leftUnmarked(List<PupilRecord> roll) {
        List<Long> onRoll = new ArrayList<>(roll.stream().filter(p -> p.onRollOn(today)).map(PupilRecord::id)
                .sorted(Comparator.naturalOrder()).toList());
        Collections.shuffle(onRoll, new Random(seed));
        return new HashSet<>(onRoll.subList(0, Math.min(unmarked, onRoll.size())));
    }
}
