package org.trollscan.model;

import java.util.List;
import java.util.Map;
import org.trollscan.text.FeatureSettings;

/**
 * What a model bundle is and how it was made: stored as {@code manifest.json} in the bundle.
 *
 * @param formatVersion the bundle format; a reader refuses formats it does not know
 * @param modelVersion the model's own version, printed by {@code trollscan --version}
 * @param toolVersion the trollscan version that trained it
 * @param createdAt when it was trained (ISO-8601)
 * @param features how posts are featurised
 * @param lexicon fingerprint of the cue lexicons the features were computed with
 * @param training the maxent settings
 * @param data the training files with their row counts and SHA-256
 * @param labels one entry per label model
 * @param falseReportImpliesHarassment whether scoring applies {@link LabelImplication}, because
 *     training chose the harassment threshold on scores after it; bundles trained before model
 *     2026.11.29-30 lack the field and are scored without it
 */
public record Manifest(
    int formatVersion,
    String modelVersion,
    String toolVersion,
    String createdAt,
    FeatureSettings features,
    String lexicon,
    TrainingSettings training,
    List<DataFile> data,
    List<LabelEntry> labels,
    boolean falseReportImpliesHarassment) {

  public static final int FORMAT_VERSION = 1;

  /** A training file. */
  public record DataFile(String path, long rows, String sha256) {}

  /**
   * One label's model in the bundle.
   *
   * @param label the label's name
   * @param entry the bundle entry holding the maxent model
   * @param sha256 the SHA-256 of that entry
   * @param threshold the decision threshold
   * @param thresholdRule how the threshold was chosen
   * @param trainingRows posts labelled for this label
   * @param positives of which positive
   * @param crossValidation metric name to [mean, standard deviation] over the folds
   */
  public record LabelEntry(
      String label,
      String entry,
      String sha256,
      double threshold,
      String thresholdRule,
      long trainingRows,
      long positives,
      Map<String, double[]> crossValidation) {}
}
