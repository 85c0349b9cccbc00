package uk.attendance.bench;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.demo.DemoFamily;
import uk.attendance.demo.DemoPupil;
import uk.attendance.demo.DemoRegisters;
import uk.attendance.demo.DemoSchool;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Admits one pair's families through {@link PupilService}, in one transaction (one commit, not thousands). */
@Singleton
class PairAdmissions {
    private final PupilService pupils;

    PairAdmissions(PupilService pupils) {
        this.pupils = pupils;
    }

    /** Children planned for a school the trust does not have (odd school count) are left out. */
    @Transactional
    Map<DemoSchool, List<DemoRegisters.Enrolled>> admit(long trustId, Map<DemoSchool, SchoolRecord> schools,
                                                        List<DemoFamily> families, Set<String> mobiles) {
        Map<DemoSchool, List<DemoRegisters.Enrolled>> rolls = new EnumMap<>(DemoSchool.class);
        for (DemoFamily family : families) {
            for (DemoPupil child : family.children()) {
                SchoolRecord school = schools.get(child.school());
                if (school == null) {
                    continue;
                }
                PupilRecord pupil = pupils.admit(school, child.input());
                for (int p = 0; p < family.carers().size(); p++) {
                    pupils.link(pupil, trustId, family.carers().get(p).linkAs(p + 1));
                    mobiles.add(family.carers().get(p).mobile());
                }
                rolls.computeIfAbsent(child.school(), s -> new ArrayList<>())
                        .add(new DemoRegisters.Enrolled(pupil, child, family.termTimeHoliday()));
            }
        }
        return rolls;
    }
}
