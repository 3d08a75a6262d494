package org.trollscan.model;

import opennlp.tools.ml.model.AbstractModel;

/**
 * The model of one label: the trained OpenNLP maxent model, as stored in the bundle, and its
 * decision threshold. Scoring uses the bundle's {@link CompiledWeights}.
 */
public record LabelModel(Label label, AbstractModel maxent, double threshold) {
  public static final String POSITIVE = "1";
  public static final String NEGATIVE = "0";

  public LabelModel withThreshold(double newThreshold) {
    return new LabelModel(label, maxent, newThreshold);
  }
}
