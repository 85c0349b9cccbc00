package uk.attendance.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/** A UK mobile number in E.164 form ({@code +447…}). */
public record UkMobile(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+447\\d{9}");

    /** Accepts 07…, +44 7…, 0044 7…, 447…, with spaces, dashes, dots or brackets. */
    public static Optional<UkMobile> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.strip().replaceAll("[\\s\\-().]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (digits.startsWith("07")) {
            digits = "+44" + digits.substring(1);
        } else if (digits.startsWith("447")) {
            digits = "+" + digits;
        } else if (digits.startsWith("+440")) {
            digits = "+44" + digits.substring(4);
        }
        return E164.matcher(digits).matches() ? Optional.of(new UkMobile(digits)) : Optional.empty();
    }

    /** For logs: {@code +44*******123}. */
    public String masked() {
        return mask(e164);
    }

    public static String mask(String number) {
        if (number == null || number.length() < 7) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 6) + number.substring(number.length() - 3);
    }

    @Override
    public String toString() {
        return masked();
    }
}
