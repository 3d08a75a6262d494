package org.trollscan.features;

/**
 * Receives the features a generator finds, each with the tokens it came from. The name may be a
 * reused buffer: a sink that keeps it must copy it.
 */
public interface FeatureSink {
  /**
   * Records one occurrence of a feature covering tokens {@code from} (inclusive) to {@code to}
   * (exclusive); a feature with no place in the text uses {@code from == to == 0}.
   */
  void add(CharSequence feature, int from, int to);
}
