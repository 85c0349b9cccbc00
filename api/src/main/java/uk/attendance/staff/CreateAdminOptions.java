package uk.attendance.staff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code create-admin} was asked for. The password is never an argument (it would stay in the shell history and
 * the process list): it is read from {@code --password-file} or, without one, the first line of standard input.
 */
record CreateAdminOptions(String email, String name, Optional<String> trustName, Optional<Path> passwordFile) {
    static final String USAGE = "usage: create-admin --email EMAIL [--name \"Full name\"] [--trust-name \"Trust name\"]"
            + " [--password-file FILE]   (the password, at least 12 characters, from FILE or the first line of standard input)";
    static final String DEFAULT_NAME = "Trust administrator";

    static CreateAdminOptions parse(List<String> args) {
        String email = null;
        String name = DEFAULT_NAME;
        Optional<String> trustName = Optional.empty();
        Optional<Path> passwordFile = Optional.empty();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = rest.remove(0).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--email" -> email = value;
                case "--name" -> name = value;
                case "--trust-name" -> trustName = Optional.of(value);
                case "--password-file" -> passwordFile = Optional.of(Path.of(value));
                case "--password" -> throw new IllegalArgumentException(
                        "--password is not accepted (it would stay in the shell history): use --password-file or standard input");
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (email == null) {
            throw new IllegalArgumentException("--email is required");
        }
        return new CreateAdminOptions(email, name, trustName, passwordFile);
    }
}
