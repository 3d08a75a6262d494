package org.trollscan.model;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The model of one label: the trained OpenNLP maxent model (the source of truth, as stored in the
 * bundle), its compiled weights for scoring, and the decision threshold.
 */
public final class LabelModel {
  public static final String POSITIVE = "1";
  public static final String NEGATIVE = "0";

  private final Label label;
  private final AbstractModel maxent;
  private final WeightTable weights;
  private final double threshold;

  public LabelModel(Label label, AbstractModel maxent, double threshold) {
    this.label = label;
    this.maxent = maxent;
    this.threshold = threshold;
    this.weights = compile(maxent);
  }

  public Label label() {
    return label;
  }

  public AbstractModel maxent() {
    return maxent;
  }

  public double threshold() {
    return threshold;
  }

  public WeightTable weights() {
    return weights;
  }

  public LabelModel withThreshold(double newThreshold) {
    return new LabelModel(label, maxent, newThreshold);
  }

  /** The positive-minus-negative weight of each predicate (see {@link WeightTable}). */
  private static WeightTable compile(AbstractModel maxent) {
    Object[] data = maxent.getDataStructures();
    Context[] params = (Context[]) data[0];
    @SuppressWarnings("unchecked")
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    int pos = maxent.getIndex(POSITIVE);
    int neg = maxent.getIndex(NEGATIVE);
    Map<String, Double> deltas = new HashMap<>(pmap.size() * 2);
    pmap.forEach((predicate, context) -> {
      double w = 0;
      int[] outcomes = context.getOutcomes();
      double[] parameters = context.getParameters();
      for (int i = 0; i < outcomes.length; i++) {
        if (outcomes[i] == pos) {
          w += parameters[i];
        } else if (outcomes[i] == neg) {
          w -= parameters[i];
        }
      }
      deltas.put(predicate, w);
    });
    if (params.length != pmap.size()) {
      throw new IllegalStateException("maxent model with inconsistent predicate tables");
    }
    return new WeightTable(deltas);
  }
}
