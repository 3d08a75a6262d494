package org.trollscan.features;

/** Like {@link FeatureSink}, for features identified by their {@link FeatureHash}. */
public interface HashSink {
  /** Records one occurrence of the feature with this hash over tokens {@code from} to {@code to}. */
  void add(long featureHash, int from, int to);
}
