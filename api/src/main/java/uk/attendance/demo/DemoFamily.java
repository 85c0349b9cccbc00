package uk.attendance.demo;

import java.util.List;

/** Children sharing carers (priority order); a family on a term-time holiday takes it together. */
public record DemoFamily(int index, List<DemoCarer> carers, List<DemoPupil> children, boolean termTimeHoliday) {
}
