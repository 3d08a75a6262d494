package org.trollscan.model;

import java.util.Arrays;
import java.util.Map;

/**
 * A trained binary maxent model compiled for scoring: for each predicate, its weight for the
 * positive outcome minus its weight for the negative one. A two-outcome maxent model's
 * probability is exactly the logistic of the value-weighted sum of these differences, so scoring
 * needs one open-addressing lookup per feature instead of OpenNLP's per-outcome arrays.
 * Immutable and thread-safe.
 */
public final class WeightTable {
  private final String[] keys;
  private final double[] weights;
  private final int mask;

  WeightTable(Map<String, Double> deltas) {
    int capacity = Integer.highestOneBit(Math.max(4, deltas.size() * 2 - 1)) << 1;
    keys = new String[capacity];
    weights = new double[capacity];
    mask = capacity - 1;
    deltas.forEach((k, w) -> {
      int slot = k.hashCode() & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = k;
      weights[slot] = w;
    });
  }

  /** The weight of a predicate, 0 for one the model never saw. */
  public double weight(String predicate) {
    int slot = predicate.hashCode() & mask;
    for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
      if (k.equals(predicate)) {
        return weights[slot];
      }
    }
    return 0.0;
  }

  public int size() {
    return (int) Arrays.stream(keys).filter(k -> k != null).count();
  }
}
