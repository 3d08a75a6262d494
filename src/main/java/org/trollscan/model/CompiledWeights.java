package org.trollscan.model;

import java.util.List;
import org.trollscan.features.FeatureHash;

/**
 * The trained OpenNLP models of a bundle compiled for scoring, from the weights
 * {@link MaxentWeightsReader} reads. For each predicate (identified by its {@link FeatureHash})
 * and each label it holds the positive-outcome weight minus the negative-outcome weight: a
 * two-outcome maxent model's probability is exactly the logistic of the value-weighted sum of
 * these differences. All labels share one open-addressing table: the keys in one primitive array,
 * probed without touching the weights (about 1 MB for the shipped model, so probes mostly hit the
 * cache), and each slot's label weights side by side in another, with no String compared. The
 * OpenNLP models stay the source of truth (tests hold the two to 1e-9). Immutable.
 */
public final class CompiledWeights {
  private static final long EMPTY = 0L;

  private final int labels;
  /** Slot i holds a feature's key, or EMPTY. */
  private final long[] keys;
  /** Label l's weight for the feature in slot i is at [i * labels + l]. */
  private final double[] weights;
  private final int mask;

  CompiledWeights(List<MaxentWeightsReader.LabelWeights> models) {
    this.labels = models.size();
    int predicates = 0;
    for (MaxentWeightsReader.LabelWeights m : models) {
      predicates += m.hashes().length;
    }
    // The smallest power of two over 1.5 times the predicates: at most two-thirds full even if
    // no two models shared a predicate (they share most), and small enough to stay in cache.
    int capacity = Integer.highestOneBit(Math.max(4, predicates + predicates / 2 - 1)) << 1;
    keys = new long[capacity];
    weights = new double[capacity * labels];
    mask = capacity - 1;
    for (int l = 0; l < labels; l++) {
      long[] hashes = models.get(l).hashes();
      double[] w = models.get(l).weights();
      for (int i = 0; i < hashes.length; i++) {
        weights[slotFor(key(hashes[i])) * labels + l] = w[i];
      }
    }
  }

  /** Hash 0 marks an empty slot, so a feature hashing to 0 is stored as 1 (odds 2^-64). */
  private static long key(long hash) {
    return hash == EMPTY ? 1L : hash;
  }

  private int slotFor(long key) {
    int slot = (int) key & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    return slot;
  }

  /** The table slot of a feature, or -1 when no model has it. */
  public int find(long hash) {
    long key = key(hash);
    for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return slot;
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** The weight of the feature in {@code slot} for label number {@code label}. */
  public double weight(int slot, int label) {
    return slot < 0 ? 0.0 : weights[slot * labels + label];
  }

  public int labels() {
    return labels;
  }
}
