package uk.attendance.evidence;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Files as phones send them: real JPEG and PNG images drawn here, a small PDF, HEIC and WebP headers, executables. */
public final class Samples {
    private Samples() {
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] png() {
        return image("png");
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An iPhone photo's first box: ftyp, major brand heic, compatible mif1 and heic; then some of the image. */
    static byte[] heic() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(24).put(ascii("ftypheic")).putInt(0).put(ascii("mif1heic"));
        b.putInt(40).put(ascii("meta"));
        return b.array();
    }

    /** An AVIF image: the same container and mif1 brand as HEIF, but not an accepted type. */
    static byte[] avif() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(28).put(ascii("ftypavif")).putInt(0).put(ascii("avifmif1miaf"));
        return b.array();
    }

    static byte[] webp() {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(ascii("RIFF")).putInt(Integer.reverseBytes(56)).put(ascii("WEBPVP8 "));
        return b.array();
    }

    /** A Windows executable (what a renamed .exe starts with). */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        System.arraycopy(ascii("This program cannot be run in DOS mode."), 0, exe, 78, 39);
        return exe;
    }

    static byte[] linuxExecutable() {
        byte[] elf = new byte[256];
        System.arraycopy(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);
        return elf;
    }

    /** A JPEG header followed by filler up to {@code size} bytes: the right type, only too big. */
    static byte[] jpegOfSize(int size) {
        byte[] big = new byte[size];
        Arrays.fill(big, (byte) 0x20);
        byte[] head = jpeg();
        System.arraycopy(head, 0, big, 0, head.length);
        return big;
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.BLUE);
        g.fillRect(5, 5, 20, 12);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
