package nl.ymere.privacy.identity;

import java.util.Arrays;
import java.util.Optional;

/** Accepted masked-copy formats, recognised by their first bytes, never by name or declared type. */
enum UploadedFileType {
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

  private final String contentType;
  private final byte[] magic;

  UploadedFileType(String contentType, byte[] magic) {
    this.contentType = contentType;
    this.magic = magic;
  }

  String contentType() {
    return contentType;
  }

  static Optional<UploadedFileType> detect(byte[] bytes) {
    return Arrays.stream(values())
        .filter(t -> bytes.length >= t.magic.length && Arrays.equals(bytes, 0, t.magic.length, t.magic, 0,
            t.magic.length))
        .findFirst();
  }
}
