package uk.attendance.notify;

import java.util.Optional;
import java.util.regex.Pattern;

/** UK mobile numbers: normalising what people type to E.164, and masking numbers for logs. */
public final class UkMobileNumbers {
    private static final Pattern E164_UK_MOBILE = Pattern.compile("\\+447\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");

    private UkMobileNumbers() {
    }

    /** {@code 07700 900123}, {@code +44 7700-900123}, {@code 0044 7700 900123}, {@code +44 (0)7700 900123} → {@code +447700900123}. */
    public static Optional<String> toE164(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String n = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (n.startsWith("00")) {
            n = "+" + n.substring(2);
        }
        if (n.startsWith("07")) {
            n = "+44" + n.substring(1);
        } else if (n.startsWith("447")) {
            n = "+" + n;
        } else if (n.startsWith("+440")) {
            n = "+44" + n.substring(4);
        }
        return E164_UK_MOBILE.matcher(n).matches() ? Optional.of(n) : Optional.empty();
    }

    /** For logs: {@code +447700900123} → {@code +44*******123}. */
    public static String mask(String number) {
        if (number == null || number.length() < 7) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 6) + number.substring(number.length() - 3);
    }
}
