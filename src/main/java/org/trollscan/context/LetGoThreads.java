package org.trollscan.context;

import org.trollscan.features.FeatureHash;

/**
 * The ids of threads let go to keep within the bound on open threads, remembered in a fixed
 * 16 MiB (a Bloom filter of 2^27 bits, 7 hashes), so that a later post of such a thread can be
 * told from the first post of a new one without keeping every id. A Bloom filter never forgets an
 * id it was given, so every post of a thread let go is recognised; it may take a new thread for
 * one let go (a false positive), so a count built on it can only be too high. After n ids the
 * false-positive rate is (1 - e^(-7n/2^27))^7: about 1e-9 at 1 million, 0.0008% at 4 million,
 * 0.18% at 10 million, 5% at 20 million ids ({@link #falsePositiveRate}). The bits are allocated
 * at the first id, so a run that lets no thread go pays nothing. Not thread-safe.
 */
public final class LetGoThreads {
  /** log2 of the number of bits: 2^27 bits are 16 MiB. */
  static final int BITS_LOG2 = 27;
  static final int HASHES = 7;
  private long[] bits;
  private long added;

  /** Remembers a thread let go. */
  public void add(String thread) {
    if (bits == null) {
      bits = new long[1 << (BITS_LOG2 - 6)];
    }
    long h1 = FeatureHash.of(thread);
    long h2 = mix(h1) | 1;
    for (int i = 0; i < HASHES; i++) {
      int bit = (int) ((h1 + i * h2) >>> (64 - BITS_LOG2));
      bits[bit >>> 6] |= 1L << bit;
    }
    added++;
  }

  /** Whether the thread may have been let go: always true if it was, rarely if it was not. */
  public boolean mightContain(String thread) {
    if (bits == null) {
      return false;
    }
    long h1 = FeatureHash.of(thread);
    long h2 = mix(h1) | 1;
    for (int i = 0; i < HASHES; i++) {
      int bit = (int) ((h1 + i * h2) >>> (64 - BITS_LOG2));
      if ((bits[bit >>> 6] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** How many ids were added (a thread let go twice counts twice). */
  public long added() {
    return added;
  }

  /** The expected false-positive rate after {@code n} ids. */
  public static double falsePositiveRate(long n) {
    return Math.pow(1 - Math.exp(-(double) HASHES * n / (1L << BITS_LOG2)), HASHES);
  }

  /** A second hash from the first (SplitMix64's finaliser), for double hashing. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
