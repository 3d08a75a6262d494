package org.trollscan.model;

/**
 * One label of a bundle: the label and its decision threshold. Its trained weights are in the
 * bundle's {@link CompiledWeights}; the OpenNLP maxent model they come from is the bundle entry
 * the manifest names.
 */
public record LabelModel(Label label, double threshold) {
  /** The outcome names of every label's binary maxent model. */
  public static final String POSITIVE = "1";
  public static final String NEGATIVE = "0";

  public LabelModel withThreshold(double newThreshold) {
    return new LabelModel(label, newThreshold);
  }
}
