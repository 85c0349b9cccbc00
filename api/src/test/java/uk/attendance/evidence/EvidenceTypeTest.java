package uk.attendance.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The type comes from the first bytes only; near misses are refused. */
class EvidenceTypeTest {

    @Test
    void acceptedTypesAreRecognisedByTheirSignature() {
        assertEquals(Optional.of(EvidenceType.JPEG), EvidenceType.sniff(Samples.jpeg()));
        assertEquals(Optional.of(EvidenceType.PNG), EvidenceType.sniff(Samples.png()));
        assertEquals(Optional.of(EvidenceType.PDF), EvidenceType.sniff(Samples.pdf()));
        assertEquals(Optional.of(EvidenceType.HEIC), EvidenceType.sniff(Samples.heic()));
        assertEquals(Optional.of(EvidenceType.WEBP), EvidenceType.sniff(Samples.webp()));
        assertEquals(Optional.of(EvidenceType.HEIF), EvidenceType.sniff(ftyp("mif1", "mif1heic")));
    }

    @Test
    void nearMissesAndOtherFormatsAreRefused() {
        assertEquals(Optional.empty(), EvidenceType.sniff(new byte[0]));
        assertEquals(Optional.empty(), EvidenceType.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8}), "a truncated JPEG marker");
        assertEquals(Optional.empty(), EvidenceType.sniff(Arrays.copyOf(Samples.png(), 7)), "a truncated PNG signature");
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii(" %PDF-1.4")), "the PDF marker must come first");
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("RIFF\0\0\0\0WAVEfmt ")), "a WAV sound is RIFF too");
        assertEquals(Optional.empty(), EvidenceType.sniff(Samples.avif()));
        assertEquals(Optional.empty(), EvidenceType.sniff(ftyp("isom", "isomavc1")), "an MP4 video");
        assertEquals(Optional.empty(), EvidenceType.sniff(ftyp("qt  ", "qt  ")), "a QuickTime video");
        assertEquals(Optional.empty(), EvidenceType.sniff(Samples.windowsExecutable()));
        assertEquals(Optional.empty(), EvidenceType.sniff(Samples.linuxExecutable()));
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("PK\3\4word/document.xml")), "a Word document (zip)");
        assertEquals(Optional.empty(), EvidenceType.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")), "SVG can carry script");
    }

    private static byte[] ftyp(String major, String compatible) {
        byte[] box = new byte[16 + compatible.length() + 8];
        int size = 16 + compatible.length();
        box[3] = (byte) size;
        System.arraycopy(ascii("ftyp" + major + "\0\0\0\0" + compatible), 0, box, 4, 12 + compatible.length());
        return box;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
