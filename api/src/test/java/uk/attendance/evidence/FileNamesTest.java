package uk.attendance.evidence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {

    @Test
    void namesKeepTheirWordsLoseFoldersAndGetAnExtensionMatchingTheContent() {
        assertEquals("fit-note.pdf", FileNames.clean("fit-note.PDF", EvidenceType.PDF));
        assertEquals("photo.jpeg", FileNames.clean("photo.jpeg", EvidenceType.JPEG));
        assertEquals("note.jpg", FileNames.clean("note.pdf", EvidenceType.JPEG), "the extension follows the content");
        assertEquals("passwd.png", FileNames.clean("../../etc/passwd", EvidenceType.PNG));
        assertEquals("report.pdf", FileNames.clean("C:\\Users\\me\\report.pdf", EvidenceType.PDF));
        assertEquals("evidence.pdf", FileNames.clean(null, EvidenceType.PDF));
        assertEquals("evidence.pdf", FileNames.clean("   ", EvidenceType.PDF));
        assertEquals("htaccess.pdf", FileNames.clean(".htaccess", EvidenceType.PDF), "no hidden files");
        assertEquals("a_b_ c.heic", FileNames.clean("a\"b;\tc.heic", EvidenceType.HEIC));
        assertEquals("Zo\u00EB_s letter.webp", FileNames.clean("Zoe\u0308's letter.webp", EvidenceType.WEBP), "composed (NFC)");
        assertEquals("x".repeat(80) + ".png", FileNames.clean("x".repeat(300) + ".png", EvidenceType.PNG));
    }

    @Test
    void contentDispositionIsAnAttachmentWithAnAsciiNameAndTheExactNameInUtf8() {
        assertEquals("attachment; filename=\"fit note.pdf\"", FileNames.contentDisposition("fit note.pdf"));
        assertEquals("attachment; filename=\"Si_n.pdf\"; filename*=UTF-8''Si%C3%A2n.pdf", FileNames.contentDisposition("Si\u00E2n.pdf"));
    }
}
