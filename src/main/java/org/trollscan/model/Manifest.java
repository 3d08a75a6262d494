package org.trollscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.trollscan.features.FeatureSettings;
import org.trollscan.features.Pipeline;

/**
 * What a model bundle is and how it was made: stored as {@code manifest.json} in the bundle.
 * docs/model-bundle.md describes the format, and {@link ManifestReader} the value each field may
 * take.
 *
 * @param formatVersion the bundle format; a reader refuses formats it does not know
 * @param modelVersion the model's own version, printed by {@code trollscan --version}
 * @param toolVersion the trollscan version that trained it
 * @param createdAt when it was trained (ISO-8601)
 * @param features how posts are featurised
 * @param pipeline the stages a post goes through before the weights see it, with the rule
 *     entries each reads and its settings (format 3); its stages and rule entries must be the
 *     pipeline this trollscan runs for {@code features}, and a setting it does not record has
 *     its default ({@link org.trollscan.rules.StepSettings})
 * @param training the maxent settings
 * @param data the training files with their row counts and SHA-256
 * @param labels one entry per label model
 * @param falseReportImpliesHarassment whether scoring applies {@link LabelImplication}, because
 *     training chose the harassment threshold on scores after it; bundles trained before model
 *     2026.11.29-30 lack the field and are scored without it
 * @param entries every bundle entry other than the manifest and its checksum, with its SHA-256
 *     and size (format 2); a bundle holding anything else is refused
 * @param context the context stage ({@code train --thread-column}), or null (and not written)
 *     for a bundle that scores posts alone only
 */
public record Manifest(
    int formatVersion,
    String modelVersion,
    String toolVersion,
    String createdAt,
    FeatureSettings features,
    Pipeline pipeline,
    TrainingSettings training,
    List<DataFile> data,
    List<LabelEntry> labels,
    boolean falseReportImpliesHarassment,
    List<Entry> entries,
    @JsonInclude(JsonInclude.Include.NON_NULL) Context context) {

  /**
   * Format 3 (December 2026) carries the rule files and records the pipeline, so that the bundle
   * alone decides the scores; format 2 checksummed the manifest itself and named every entry but
   * took the rules from the trollscan that read it; format 1 checksummed the label models only,
   * so its thresholds and settings could be edited unseen.
   */
  public static final int FORMAT_VERSION = 3;
  /** Longest word n-gram a bundle may use ({@link FeatureSettings} refuses longer ones). */
  public static final int MAX_WORD_NGRAM = FeatureSettings.MAX_WORD_NGRAM;
  /** Longest character n-gram a bundle may use. */
  public static final int MAX_CHAR_NGRAM = FeatureSettings.MAX_CHAR_NGRAM;

  /** A manifest without entries: what training drafts, before {@link BundleIO} fills them in. */
  public Manifest(int formatVersion, String modelVersion, String toolVersion, String createdAt,
      FeatureSettings features, Pipeline pipeline, TrainingSettings training, List<DataFile> data,
      List<LabelEntry> labels, boolean falseReportImpliesHarassment) {
    this(formatVersion, modelVersion, toolVersion, createdAt, features, pipeline, training, data,
        labels, falseReportImpliesHarassment, List.of(), null);
  }

  /** A manifest without a context stage. */
  public Manifest(int formatVersion, String modelVersion, String toolVersion, String createdAt,
      FeatureSettings features, Pipeline pipeline, TrainingSettings training, List<DataFile> data,
      List<LabelEntry> labels, boolean falseReportImpliesHarassment, List<Entry> entries) {
    this(formatVersion, modelVersion, toolVersion, createdAt, features, pipeline, training, data,
        labels, falseReportImpliesHarassment, entries, null);
  }

  /** A copy with this context stage (null for none). */
  public Manifest withContext(Context stage) {
    return new Manifest(formatVersion, modelVersion, toolVersion, createdAt, features, pipeline,
        training, data, labels, falseReportImpliesHarassment, entries, stage);
  }

  /**
   * The context stage of a bundle (docs/context.md): a small maxent for false_report over the
   * post-alone scores and the thread so far, trained on out-of-fold post-alone scores.
   *
   * @param entry the bundle entry holding the false_report context maxent
   * @param featuresVersion the version of the context features ({@code ContextFeatures.VERSION});
   *     a reader refuses versions it does not compute
   * @param shortWords replies of this many words or fewer are short
   * @param refersBack the words that make a short reply refer back, sorted
   * @param falseReportThreshold the decision threshold of the context false_report score
   * @param harassmentThreshold the decision threshold of harassment in context (the harassment
   *     context model's score, or the post-alone one when there is none, raised to the context
   *     false_report score where that is flagged)
   * @param aloneFalseReportThreshold the post-alone false_report threshold with which a thread
   *     remembers its last flagged post (the bundle's own, when trained)
   * @param thresholdRule how the two thresholds were chosen
   * @param threadColumn the thread column it was trained with
   * @param maxOpenThreads the default bound on threads remembered while scoring
   * @param trainingRows posts the context model was trained on
   * @param threads threads among them
   * @param positives false_report positives among them
   * @param crossValidation context false_report metrics over the thread folds: name to [mean, sd]
   * @param harassmentEntry the bundle entry holding the harassment context maxent
   *     ({@code train --context-harassment model}); null (and not written) when harassment in
   *     context is implied, as in every bundle trained before the option
   */
  public record Context(
      String entry,
      int featuresVersion,
      int shortWords,
      List<String> refersBack,
      double falseReportThreshold,
      double harassmentThreshold,
      double aloneFalseReportThreshold,
      String thresholdRule,
      String threadColumn,
      int maxOpenThreads,
      long trainingRows,
      long threads,
      long positives,
      Map<String, double[]> crossValidation,
      @JsonInclude(JsonInclude.Include.NON_NULL) String harassmentEntry) {

    /** A context block whose harassment in context is implied (no harassment context model). */
    public Context(String entry, int featuresVersion, int shortWords, List<String> refersBack,
        double falseReportThreshold, double harassmentThreshold,
        double aloneFalseReportThreshold, String thresholdRule, String threadColumn,
        int maxOpenThreads, long trainingRows, long threads, long positives,
        Map<String, double[]> crossValidation) {
      this(entry, featuresVersion, shortWords, refersBack, falseReportThreshold,
          harassmentThreshold, aloneFalseReportThreshold, thresholdRule, threadColumn,
          maxOpenThreads, trainingRows, threads, positives, crossValidation, null);
    }

    /** A copy naming these entries (null {@code harassmentEntry}: implied). */
    public Context withEntries(String entry, String harassmentEntry) {
      return new Context(entry, featuresVersion, shortWords, refersBack, falseReportThreshold,
          harassmentThreshold, aloneFalseReportThreshold, thresholdRule, threadColumn,
          maxOpenThreads, trainingRows, threads, positives, crossValidation, harassmentEntry);
    }

    /** How harassment is scored in context: by a model of its own when the block names one. */
    public org.trollscan.context.HarassmentRule harassmentRule() {
      return harassmentEntry == null ? org.trollscan.context.HarassmentRule.IMPLIED
          : org.trollscan.context.HarassmentRule.MODEL;
    }

    /** The reply cues the context model was trained with: shortWords and refersBack. */
    public org.trollscan.context.ReplyCues replyCues() {
      return new org.trollscan.context.ReplyCues(shortWords, refersBack);
    }

    /** The thresholds in context by label, in label order. */
    public Map<Label, Double> thresholds() {
      Map<Label, Double> t = new java.util.EnumMap<>(Label.class);
      t.put(Label.HARASSMENT, harassmentThreshold);
      t.put(Label.FALSE_REPORT, falseReportThreshold);
      return t;
    }
  }

  /** A training file. */
  public record DataFile(String path, long rows, String sha256) {}

  /**
   * One label's model in the bundle.
   *
   * @param label the label's name
   * @param entry the bundle entry holding the maxent model
   * @param sha256 the SHA-256 of that entry in format 1 bundles; null (and not written) in format
   *     2, which keeps every entry's checksum in {@link Manifest#entries()}
   * @param threshold the decision threshold
   * @param thresholdRule how the threshold was chosen
   * @param trainingRows posts labelled for this label
   * @param positives of which positive
   * @param crossValidation metric name to [mean, standard deviation] over the folds
   */
  public record LabelEntry(
      String label,
      String entry,
      @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
      double threshold,
      String thresholdRule,
      long trainingRows,
      long positives,
      Map<String, double[]> crossValidation) {}

  /**
   * A bundle entry as the manifest records it.
   *
   * @param name the zip entry's name
   * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
   * @param bytes its length once inflated
   */
  public record Entry(String name, String sha256, long bytes) {}
}
