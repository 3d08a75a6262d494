package org.trollscan.model;

import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.trollscan.text.FeatureHash;

/**
 * The trained OpenNLP models of a bundle compiled for scoring. For each predicate (identified by
 * its {@link FeatureHash}) and each label it holds the positive-outcome weight minus the
 * negative-outcome weight: a two-outcome maxent model's probability is exactly the logistic of
 * the value-weighted sum of these differences. All labels share one open-addressing table in
 * one primitive array, key and weights side by side, so a feature costs one probe (usually one
 * cache line) for every label, with no String compared. The
 * OpenNLP models stay the source of truth (a test holds the two to 1e-9). Immutable.
 */
public final class CompiledWeights {
  private static final long EMPTY = 0L;

  private final int labels;
  private final int stride;
  /** Slot i holds its key at [i * stride] and label l's weight bits at [i * stride + 1 + l]. */
  private final long[] table;
  private final int mask;

  CompiledWeights(List<AbstractModel> models) {
    this.labels = models.size();
    this.stride = labels + 1;
    int predicates = 0;
    for (AbstractModel m : models) {
      predicates += predicateMap(m).size();
    }
    int capacity = Integer.highestOneBit(Math.max(4, predicates * 2 - 1)) << 1;
    table = new long[capacity * stride];
    mask = capacity - 1;
    for (int l = 0; l < labels; l++) {
      AbstractModel m = models.get(l);
      int pos = m.getIndex(LabelModel.POSITIVE);
      int neg = m.getIndex(LabelModel.NEGATIVE);
      for (Map.Entry<String, Context> e : predicateMap(m).entrySet()) {
        double w = 0;
        int[] outcomes = e.getValue().getOutcomes();
        double[] parameters = e.getValue().getParameters();
        for (int i = 0; i < outcomes.length; i++) {
          w += outcomes[i] == pos ? parameters[i] : outcomes[i] == neg ? -parameters[i] : 0;
        }
        table[slotFor(key(FeatureHash.of(e.getKey()))) * stride + 1 + l] = Double.doubleToRawLongBits(w);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Context> predicateMap(AbstractModel m) {
    return (Map<String, Context>) m.getDataStructures()[1];
  }

  /** Hash 0 marks an empty slot, so a feature hashing to 0 is stored as 1 (odds 2^-64). */
  private static long key(long hash) {
    return hash == EMPTY ? 1L : hash;
  }

  private int slotFor(long key) {
    int slot = (int) key & mask;
    while (table[slot * stride] != EMPTY && table[slot * stride] != key) {
      slot = (slot + 1) & mask;
    }
    table[slot * stride] = key;
    return slot;
  }

  /** The table slot of a feature, or -1 when no model has it. */
  public int find(long hash) {
    long key = key(hash);
    for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
      long k = table[slot * stride];
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
    return slot < 0 ? 0.0 : Double.longBitsToDouble(table[slot * stride + 1 + label]);
  }

  public int labels() {
    return labels;
  }
}
