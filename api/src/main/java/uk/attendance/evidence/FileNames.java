package uk.attendance.evidence;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Uploaded file names, made safe to keep, show and send back in a download. */
public final class FileNames {
    static final int MAX_BASE_LENGTH = 80;

    private FileNames() {
    }

    /**
     * The name without folders, control or punctuation characters other than {@code . _ - ( )}, at most 80
     * characters before an extension that matches the content: {@code ../../etc/passwd} sent as a PNG becomes
     * {@code passwd.png}, {@code note.pdf} holding a JPEG becomes {@code note.jpg}.
     */
    public static String clean(String original, EvidenceType type) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> kept.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '(' || c == ')' ? c
                        : Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : '_'));
        String cleaned = kept.toString().replaceAll(" +", " ").replaceAll("^[ .]+|[ .]+$", "");
        int dot = cleaned.lastIndexOf('.');
        String base = dot > 0 ? cleaned.substring(0, dot) : cleaned;
        String extension = dot > 0 ? cleaned.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        base = truncate(base.strip(), MAX_BASE_LENGTH).strip();
        if (base.isEmpty()) {
            base = "evidence";
        }
        return base + "." + (type.extensions().contains(extension) ? extension : type.extensions().get(0));
    }

    /** {@code attachment} with the name: plain ASCII in {@code filename}, the exact name in UTF-8 in {@code filename*}. */
    public static String contentDisposition(String cleanName) {
        StringBuilder ascii = new StringBuilder();
        cleanName.codePoints().forEach(c -> ascii.append(c < 0x80 && c >= 0x20 && c != '"' && c != '\\' ? (char) c : '_'));
        String header = "attachment; filename=\"" + ascii + "\"";
        return ascii.toString().equals(cleanName) ? header : header + "; filename*=UTF-8''" + percentEncoded(cleanName);
    }

    private static String percentEncoded(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String truncate(String s, int codePoints) {
        return s.codePointCount(0, s.length()) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
    }
}
