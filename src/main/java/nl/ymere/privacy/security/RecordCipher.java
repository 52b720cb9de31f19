package nl.ymere.privacy.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-GCM encryption of sensitive records at rest (SEC-4, SEC-5): masked ID copies, access dossiers. The key comes
 * from {@code privacy.security.encryption-key} (environment {@code PRIVACY_ENCRYPTION_KEY}, Base64, 128/192/256
 * bit); {@code prod} refuses the shipped default. The caller binds each record to where it belongs through the
 * associated data (e.g. {@code id-copy:<id>}), so a sealed record moved to another row no longer opens.
 */
@Component
public class RecordCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A sealed record: the random nonce and the ciphertext with its authentication tag. */
  public record Sealed(byte[] nonce, byte[] ciphertext) {
  }

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  RecordCipher(SecurityProperties properties) {
    byte[] raw = Base64.getDecoder().decode(properties.encryptionKey());
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new IllegalStateException("privacy.security.encryption-key must be a Base64 AES key of 16, 24 or 32 "
          + "bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  public Sealed seal(byte[] plain, String associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return new Sealed(nonce, run(Cipher.ENCRYPT_MODE, nonce, plain, associatedData));
  }

  public byte[] open(Sealed sealed, String associatedData) {
    return run(Cipher.DECRYPT_MODE, sealed.nonce(), sealed.ciphertext(), associatedData);
  }

  private byte[] run(int mode, byte[] nonce, byte[] input, String associatedData) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException((mode == Cipher.ENCRYPT_MODE ? "Encryption" : "Decryption") + " failed", e);
    }
  }
}
