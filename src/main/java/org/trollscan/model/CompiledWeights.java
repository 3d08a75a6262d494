package org.trollscan.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.trollscan.text.FeatureHash;

/**
 * The trained OpenNLP models of a bundle compiled for scoring. For each predicate (identified by
 * its {@link FeatureHash}) and each label it holds the positive-outcome weight minus the
 * negative-outcome weight: a two-outcome maxent model's probability is exactly the logistic of
 * the value-weighted sum of these differences. All labels share one open-addressing table of
 * primitive arrays, so a feature costs one probe for every label, with no String compared. The
 * OpenNLP models stay the source of truth (a test holds the two to 1e-9). Immutable.
 */
public final class CompiledWeights {
  private final int labels;
  private final long[] keys;
  private final boolean[] used;
  private final double[] weights;
  private final int mask;

  CompiledWeights(List<AbstractModel> models) {
    this.labels = models.size();
    int predicates = 0;
    for (AbstractModel m : models) {
      predicates += predicateMap(m).size();
    }
    int capacity = Integer.highestOneBit(Math.max(4, predicates * 2 - 1)) << 1;
    keys = new long[capacity];
    used = new boolean[capacity];
    weights = new double[capacity * labels];
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
        weights[slotFor(FeatureHash.of(e.getKey())) * labels + l] = w;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Context> predicateMap(AbstractModel m) {
    return (Map<String, Context>) m.getDataStructures()[1];
  }

  private int slotFor(long key) {
    int slot = (int) key & mask;
    while (used[slot] && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    keys[slot] = key;
    return slot;
  }

  /** The table slot of a feature, or -1 when no model has it. */
  public int find(long key) {
    for (int slot = (int) key & mask; used[slot]; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return slot;
      }
    }
    return -1;
  }

  /** The weight of the feature in {@code slot} for label number {@code label}. */
  public double weight(int slot, int label) {
    return slot < 0 ? 0.0 : weights[slot * labels + label];
  }

  public int labels() {
    return labels;
  }

  @Override
  public String toString() {
    return "CompiledWeights[" + labels + " labels, " + Arrays.stream(keys).count() + " slots]";
  }
}
