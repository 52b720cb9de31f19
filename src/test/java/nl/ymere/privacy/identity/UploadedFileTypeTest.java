package nl.ymere.privacy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.ymere.privacy.support.UploadSamples;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 finding 6: the upload type check read only the first bytes, so a PNG signature followed by HTML passed as
 * a masked ID copy. The whole file must now have the structure of PNG, JPEG or PDF.
 */
class UploadedFileTypeTest {

  static final byte[] HTML = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

  @Test
  void acceptsWellFormedFilesOfEachType() {
    assertThat(UploadedFileType.detect(UploadSamples.png())).contains(UploadedFileType.PNG);
    assertThat(UploadedFileType.detect(UploadSamples.jpeg())).contains(UploadedFileType.JPEG);
    assertThat(UploadedFileType.detect(UploadSamples.pdf())).contains(UploadedFileType.PDF);
  }

  @Test
  void refusesAFormatHeaderFollowedByHtml() {
    byte[] pngSignature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    assertThat(UploadedFileType.detect(concat(pngSignature, HTML))).isEmpty();
    assertThat(UploadedFileType.detect(concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
        HTML))).isEmpty();
    assertThat(UploadedFileType.detect(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), HTML,
        "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
  }

  @Test
  void refusesAWellFormedFileWithSomethingAppended() {
    assertThat(UploadedFileType.detect(concat(UploadSamples.png(), HTML))).isEmpty();
    assertThat(UploadedFileType.detect(concat(UploadSamples.jpeg(), HTML))).isEmpty();
    assertThat(UploadedFileType.detect(concat(UploadSamples.pdf(), HTML))).isEmpty();
  }

  @Test
  void refusesTruncatedAndTamperedFiles() {
    byte[] png = UploadSamples.png();
    assertThat(UploadedFileType.detect(Arrays.copyOf(png, png.length - 12))).isEmpty(); // IEND cut off
    byte[] tampered = png.clone();
    tampered[png.length - 20] ^= 0x55; // a data byte of the last chunk before IEND: its CRC no longer matches
    assertThat(UploadedFileType.detect(tampered)).isEmpty();
    byte[] jpeg = UploadSamples.jpeg();
    assertThat(UploadedFileType.detect(Arrays.copyOf(jpeg, jpeg.length - 2))).isEmpty(); // no EOI
    byte[] pdf = UploadSamples.pdf();
    assertThat(UploadedFileType.detect(Arrays.copyOf(pdf, pdf.length / 2))).isEmpty();
    assertThat(UploadedFileType.detect(new byte[0])).isEmpty();
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
