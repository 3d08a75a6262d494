package org.trollscan.features;

/**
 * The 64-bit hash that identifies a feature in the compiled model: FNV-1a over the name's chars,
 * finished with MurmurHash3's mixer. FNV-1a runs one char at a time, so a generator can extend a
 * hash as it walks the text ({@link #extend}, {@link #finish}) and the scoring path never builds a
 * String per n-gram. With 64 bits, a collision among a model's few hundred thousand features has
 * odds around 1e-9.
 */
public final class FeatureHash {
  /** The state before any char: FNV-1a's offset basis. */
  public static final long START = 0xcbf29ce484222325L;

  private FeatureHash() {}

  public static long of(CharSequence s) {
    return finish(extend(START, s));
  }

  /** The state after one more char. */
  public static long extend(long state, char c) {
    return (state ^ c) * 0x100000001b3L;
  }

  /** The state after more chars. */
  public static long extend(long state, CharSequence s) {
    long h = state;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = extend(h, s.charAt(i));
    }
    return h;
  }

  /** The hash of the chars fed so far. */
  public static long finish(long state) {
    long h = state;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
