package com.partnerflow.task.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small real files of each kind, made on the spot, and files that lie about what they are. */
public final class SampleFiles {

  private SampleFiles() {}

  /** A one-page PDF 1.4 document with its cross-reference table. */
  public static byte[] pdf() {
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.toString().getBytes(StandardCharsets.ISO_8859_1).length;
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpeg");
  }

  public static byte[] html() {
    return "<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] zip() {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("invoice.pdf"));
      zip.write(pdf());
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The start of a Windows executable: the MZ header pointing at a PE signature. */
  public static byte[] exe() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  private static byte[] image(String format) {
    var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0x3366cc);
    var bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, bytes)) {
        throw new IllegalStateException("No ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
