package uk.attendance.casework.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a PDF back with PDFBox's parser, as any PDF reader would: its text, whitespace runs made single spaces. */
public final class Pdfs {
    private Pdfs() {
    }

    public static String text(byte[] pdf) {
        assertTrue(pdf.length > 4 && new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"),
                "not a PDF");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the fonts of the first page, to show which font is embedded. */
    public static java.util.List<String> fonts(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (var name : resources.getFontNames()) {
                var font = resources.getFont(name);
                names.add(font.getName() + (font.isEmbedded() ? " (embedded)" : ""));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether every word of {@code phrase} is in {@code text} in order, with at most a few other words between two of
     * them: how a sentence in one table cell reads back when the cell beside it wraps onto the same lines.
     */
    public static boolean inOrder(String text, String phrase) {
        String[] words = text.split(" ");
        String[] wanted = phrase.trim().split("\\s+");
        for (int start = 0; start < words.length; start++) {
            if (!words[start].equals(wanted[0])) {
                continue;
            }
            int at = start;
            int found = 1;
            for (int i = start + 1; i < words.length && found < wanted.length && i - at <= 5; i++) {
                if (words[i].equals(wanted[found])) {
                    at = i;
                    found++;
                }
            }
            if (found == wanted.length) {
                return true;
            }
        }
        return false;
    }
}
