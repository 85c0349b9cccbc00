package uk.attendance.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file accepted as evidence, recognised by their first bytes (their "magic numbers"), never by the
 * file's name or the content type the client declared: a renamed executable is not a PDF.
 */
public enum EvidenceType {
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    PNG("image/png", List.of("png")),
    HEIC("image/heic", List.of("heic")),
    HEIF("image/heif", List.of("heif")),
    WEBP("image/webp", List.of("webp")),
    PDF("application/pdf", List.of("pdf"));

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    // ISO base media file brands (ISO/IEC 23008-12): HEVC-coded images, and the generic HEIF image brands.
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs");
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1", "heif");
    // AVIF shares HEIF's container and its mif1 brand, but is not one of the accepted types.
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private final String mediaType;
    private final List<String> extensions;

    EvidenceType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extensions, the preferred one first. */
    public List<String> extensions() {
        return extensions;
    }

    public static Optional<EvidenceType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }

    /** The type of this content, if it is one of the accepted kinds. */
    public static Optional<EvidenceType> sniff(byte[] content) {
        if (startsWith(content, 0, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, ascii("%PDF-"))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBPVP8"))) {
            return Optional.of(WEBP);
        }
        return heif(content);
    }

    /** An ISO base media file: a box of type {@code ftyp} first, its major brand, then its compatible brands. */
    private static Optional<EvidenceType> heif(byte[] content) {
        if (content.length < 16 || !startsWith(content, 4, ascii("ftyp"))) {
            return Optional.empty();
        }
        long boxSize = ((content[0] & 0xFFL) << 24) | ((content[1] & 0xFF) << 16) | ((content[2] & 0xFF) << 8) | (content[3] & 0xFF);
        if (boxSize < 16 || boxSize > content.length || boxSize > 4096) {
            return Optional.empty();
        }
        String major = brand(content, 8);
        for (int at = 16; at + 4 <= boxSize; at += 4) {
            if (AVIF_BRANDS.contains(brand(content, at))) {
                return Optional.empty();
            }
        }
        if (HEIC_BRANDS.contains(major)) {
            return Optional.of(HEIC);
        }
        if (HEIF_BRANDS.contains(major)) {
            return Optional.of(HEIF);
        }
        return Optional.empty();
    }

    private static String brand(byte[] content, int at) {
        return new String(content, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        if (content.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
