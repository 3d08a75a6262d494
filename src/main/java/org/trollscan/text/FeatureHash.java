package org.trollscan.text;

/**
 * The 64-bit hash that identifies a feature in the compiled model: FNV-1a over the name's chars,
 * finished with MurmurHash3's mixer. It hashes a reused StringBuilder as cheaply as a String,
 * so the scoring path never builds a String per n-gram. With 64 bits, a collision among a
 * model's few hundred thousand features has odds around 1e-9.
 */
public final class FeatureHash {
  private FeatureHash() {}

  public static long of(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0, n = s.length(); i < n; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
