package uk.attendance;

import io.micronaut.runtime.Micronaut;
import uk.attendance.bench.GenerateDataCommand;

public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(GenerateDataCommand.NAME)) {
            System.exit(GenerateDataCommand.run(args));
        }
        Micronaut.run(Application.class, args);
    }
}
