package nl.ymere.privacy.identity;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.ymere.privacy.security.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * AES-GCM encryption of masked ID copies at rest (SEC-4, SEC-5). The key comes from {@code privacy.security
 * .encryption-key} (environment {@code PRIVACY_ENCRYPTION_KEY}, Base64, 128/192/256 bit); {@code prod} refuses the
 * shipped default.
 */
@Component
class IdCopyCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  record Sealed(byte[] nonce, byte[] ciphertext) {
  }

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  IdCopyCipher(SecurityProperties properties) {
    byte[] raw = Base64.getDecoder().decode(properties.encryptionKey());
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new IllegalStateException("privacy.security.encryption-key must be a Base64 AES key of 16, 24 or 32 "
          + "bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  Sealed seal(byte[] plain, String associatedData) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new Sealed(nonce, cipher.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  byte[] open(Sealed sealed, String associatedData) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return cipher.doFinal(sealed.ciphertext());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed", e);
    }
  }
}
