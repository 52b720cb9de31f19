package nl.ymere.privacy.identity;

import com.lowagie.text.pdf.PdfReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Accepted masked-copy formats, recognised by their content, never by name or declared type. The first bytes are
 * not enough (issue 14 finding 6: a PNG signature followed by HTML passed): the whole file must have the format's
 * structure, so nothing but the format's own data is stored and later served to the checker.
 * <ul>
 *   <li>PNG: the signature, then CRC-checked chunks from {@code IHDR} to an empty {@code IEND} that ends the file.</li>
 *   <li>JPEG: {@code SOI}, marker segments with their lengths and entropy-coded scan data, and {@code EOI} as the last
 *       two bytes.</li>
 *   <li>PDF: the {@code %PDF-} header, {@code %%EOF} at the end (trailing line breaks allowed), and a document that
 *       OpenPDF (already used for the letters) can open with at least one page.</li>
 * </ul>
 */
enum UploadedFileType {
  PNG("image/png", UploadedFileType::isPng),
  JPEG("image/jpeg", UploadedFileType::isJpeg),
  PDF("application/pdf", UploadedFileType::isPdf);

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private final String contentType;
  private final Predicate<byte[]> wellFormed;

  UploadedFileType(String contentType, Predicate<byte[]> wellFormed) {
    this.contentType = contentType;
    this.wellFormed = wellFormed;
  }

  String contentType() {
    return contentType;
  }

  static Optional<UploadedFileType> detect(byte[] bytes) {
    return Arrays.stream(values()).filter(t -> t.wellFormed.test(bytes)).findFirst();
  }

  // ------------------------------------------------------------------------------------------------------- PNG

  static boolean isPng(byte[] b) {
    if (b.length < PNG_SIGNATURE.length || !Arrays.equals(b, 0, 8, PNG_SIGNATURE, 0, 8)) {
      return false;
    }
    int at = 8;
    boolean first = true;
    while (at + 12 <= b.length) {
      long length = u32(b, at);
      if (length > b.length - at - 12L) {
        return false;
      }
      String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
      if (!type.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
      if (first && (!type.equals("IHDR") || length != 13)) {
        return false;
      }
      CRC32 crc = new CRC32();
      crc.update(b, at + 4, 4 + (int) length);
      if (crc.getValue() != u32(b, at + 8 + (int) length)) {
        return false;
      }
      at += 12 + (int) length;
      if (type.equals("IEND")) {
        return length == 0 && at == b.length;
      }
      first = false;
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------------ JPEG

  static boolean isJpeg(byte[] b) {
    if (b.length < 4 || u8(b, 0) != 0xFF || u8(b, 1) != 0xD8) {
      return false;
    }
    int at = 2;
    boolean frame = false;
    while (at + 1 < b.length) {
      if (u8(b, at) != 0xFF) {
        return false;
      }
      int marker = u8(b, at + 1);
      if (marker == 0xFF) { // fill byte before a marker
        at++;
        continue;
      }
      if (marker == 0xD9) { // EOI: the end of the image is the end of the file
        return frame && at + 2 == b.length;
      }
      if (marker == 0x00 || marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
        return false; // stuffing, a second SOI or a restart marker outside a scan
      }
      if (at + 4 > b.length) {
        return false;
      }
      int length = (u8(b, at + 2) << 8) | u8(b, at + 3);
      if (length < 2 || at + 2 + length > b.length) {
        return false;
      }
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        frame = true; // SOFn
      }
      at += 2 + length;
      if (marker == 0xDA) { // SOS: entropy-coded data up to the next marker that is not stuffing or a restart
        while (at + 1 < b.length) {
          if (u8(b, at) == 0xFF) {
            int next = u8(b, at + 1);
            if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
              break;
            }
            at += next == 0xFF ? 1 : 2;
          } else {
            at++;
          }
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------------- PDF

  static boolean isPdf(byte[] b) {
    byte[] header = "%PDF-".getBytes(StandardCharsets.ISO_8859_1);
    if (b.length < 32 || !Arrays.equals(b, 0, header.length, header, 0, header.length)) {
      return false;
    }
    int end = b.length;
    while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == ' ')) {
      end--;
    }
    byte[] eof = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);
    if (end < eof.length || !Arrays.equals(b, end - eof.length, end, eof, 0, eof.length)) {
      return false;
    }
    try (PdfReader reader = new PdfReader(b)) {
      return reader.getNumberOfPages() > 0;
    } catch (Exception | StackOverflowError e) {
      return false;
    }
  }

  private static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  private static long u32(byte[] b, int at) {
    return ((long) u8(b, at) << 24) | ((long) u8(b, at + 1) << 16) | ((long) u8(b, at + 2) << 8) | u8(b, at + 3);
  }
}
