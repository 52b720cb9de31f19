package nl.ymere.privacy.access;

import java.nio.charset.StandardCharsets;
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
 * AES-GCM encryption of access dossiers at rest (SEC-5, ID-5), with the key of {@code privacy.security.encryption-key}
 * (as the ID-copy store uses); the request reference is bound in as associated data, so a dossier cannot be moved to
 * another request's row unnoticed.
 */
@Component
class AccessDossierCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  record Sealed(byte[] nonce, byte[] ciphertext) {
  }

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  AccessDossierCipher(SecurityProperties properties) {
    byte[] raw = Base64.getDecoder().decode(properties.encryptionKey());
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new IllegalStateException("privacy.security.encryption-key must be a Base64 AES key of 16, 24 or 32 "
          + "bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  Sealed seal(byte[] plain, String reference) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return new Sealed(nonce, run(Cipher.ENCRYPT_MODE, nonce, plain, reference));
  }

  byte[] open(Sealed sealed, String reference) {
    return run(Cipher.DECRYPT_MODE, sealed.nonce(), sealed.ciphertext(), reference);
  }

  private byte[] run(int mode, byte[] nonce, byte[] input, String reference) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(("access-dossier:" + reference).getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("access dossier " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
          + " failed", e);
    }
  }
}
