package uk.attendance;

import io.micronaut.runtime.Micronaut;
import uk.attendance.bench.GenerateDataCommand;
import uk.attendance.register.RebuildMarkMonthCommand;
import uk.attendance.staff.CreateAdminCommand;

public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(GenerateDataCommand.NAME)) {
            System.exit(GenerateDataCommand.run(args));
        }
        if (args.length > 0 && args[0].equals(RebuildMarkMonthCommand.NAME)) {
            System.exit(RebuildMarkMonthCommand.run());
        }
        if (args.length > 0 && args[0].equals(CreateAdminCommand.NAME)) {
            System.exit(CreateAdminCommand.run(args));
        }
        Micronaut.run(Application.class, args);
    }
}
