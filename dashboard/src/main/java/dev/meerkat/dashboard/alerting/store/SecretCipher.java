package dev.meerkat.dashboard.alerting.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for the state store with AES-256-GCM: a random 96-bit nonce per value, the row
 * id as associated data (a sealed value copied to another row does not open), and a versioned
 * prefix {@code mk1:<key id>:} so that values sealed under an older key are recognised and
 * re-sealed ({@link #isCurrent}) when keys rotate. The key id is a hash prefix: it names a key
 * without revealing it. Thread-safe.
 */
public final class SecretCipher {

  /** Format 1: AES-256-GCM, 12-byte nonce, 128-bit tag, base64 of nonce || ciphertext || tag. */
  static final String PREFIX = "mk1:";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentId;
  private final Map<String, SecretKeySpec> keys;
  private final String setting;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param current the key new values are sealed with, 32 bytes
   * @param previous older keys still accepted for opening (key rotation)
   * @param setting where the key comes from, named in every error
   */
  public SecretCipher(byte[] current, List<byte[]> previous, String setting) {
    this.setting = setting;
    this.currentId = keyId(current);
    Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
    byId.put(currentId, spec(current));
    for (byte[] key : previous) {
      byId.putIfAbsent(keyId(key), spec(key));
    }
    this.keys = Map.copyOf(byId);
  }

  private SecretKeySpec spec(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException(
          setting + " must be 32 bytes (AES-256), got " + key.length + " bytes");
    }
    return new SecretKeySpec(key, "AES");
  }

  /** A short public name of {@code key}: the first 4 bytes of a SHA-256 over it, as hex. */
  static String keyId(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("meerkat secrets key id".getBytes(StandardCharsets.UTF_8));
      byte[] digest = sha.digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The id of the key new values are sealed with. */
  public String currentKeyId() {
    return currentId;
  }

  /** Whether {@code stored} is a sealed value (else: plaintext from before encryption). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Whether {@code stored} is sealed under the current key (else it should be re-sealed). */
  public boolean isCurrent(String stored) {
    return isSealed(stored) && stored.startsWith(PREFIX + currentId + ":");
  }

  /** Seals {@code plaintext} for the row {@code rowId}. */
  public String seal(String plaintext, String rowId) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * Opens a value sealed for the row {@code rowId}.
   *
   * @throws SecretKeyException naming the setting when no configured key opens it
   */
  public String open(String stored, String rowId) {
    String[] parts = stored.split(":", 3);
    if (parts.length != 3 || !isSealed(stored)) {
      throw new SecretKeyException("stored secret of " + rowId + " is not in a known format");
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw new SecretKeyException(
          "Stored secrets were encrypted with key "
              + parts[1]
              + ", but "
              + setting
              + " is key "
              + currentId
              + ". Configure the key they were encrypted with (a key being replaced goes in"
              + " meerkat.secrets.previous-keys).");
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new SecretKeyException(
          "The stored secret of "
              + rowId
              + " does not open with key "
              + parts[1]
              + " ("
              + setting
              + "): it was altered or copied from another row.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SecretCipher[key=" + currentId + ", keys=" + keys.keySet() + "]";
  }
}
