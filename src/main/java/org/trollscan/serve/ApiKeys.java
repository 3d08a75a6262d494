package org.trollscan.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The API keys a client must present, read from a file with one key per line (blank lines and
 * lines starting with {@code #} ignored). Keys are kept only as SHA-256 digests and compared in
 * constant time, so neither the comparison's timing nor a heap dump gives a key away.
 */
public final class ApiKeys {
  private final List<byte[]> digests;

  private ApiKeys(List<byte[]> digests) {
    this.digests = digests;
  }

  /** The keys in {@code file}; an unreadable or empty file is a usage error. */
  public static ApiKeys read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--api-key-file " + file + ": cannot read it ("
          + e.getMessage() + ")");
    }
    List<byte[]> digests = new ArrayList<>();
    for (String line : lines) {
      String key = line.strip();
      if (!key.isEmpty() && !key.startsWith("#")) {
        digests.add(digest(key));
      }
    }
    if (digests.isEmpty()) {
      throw new IllegalArgumentException("--api-key-file " + file + ": no key in it");
    }
    return new ApiKeys(digests);
  }

  /** Keys given directly (for tests and embedding). */
  public static ApiKeys of(String... keys) {
    List<byte[]> digests = new ArrayList<>();
    for (String k : keys) {
      digests.add(digest(k));
    }
    return new ApiKeys(digests);
  }

  /** Whether {@code presented} is one of the keys; every key is compared, in constant time. */
  public boolean accepts(String presented) {
    byte[] d = digest(presented);
    boolean ok = false;
    for (byte[] k : digests) {
      ok |= MessageDigest.isEqual(k, d);
    }
    return ok;
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
