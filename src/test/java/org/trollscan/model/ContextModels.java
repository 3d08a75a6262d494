package org.trollscan.model;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trollscan.context.HarassmentRule;
import org.trollscan.features.FeatureSettings;
import org.trollscan.train.TrainingRun;

/**
 * A bundle with a context stage, trained once per test JVM on the sample corpus's training split
 * and train-context.csv (2 folds, 1 repeat: about half a minute), for the tests of
 * {@code --thread-column}.
 */
public final class ContextModels {
  private static Path shared;
  private static Path sharedWithHarassmentModel;

  private ContextModels() {}

  public static synchronized Path shared() {
    if (shared == null) {
      shared = train(HarassmentRule.IMPLIED);
    }
    return shared;
  }

  /**
   * The same training with {@code --context-harassment model}: the post-alone models and the
   * false_report context model are the same as {@link #shared()}'s (training is deterministic).
   */
  public static synchronized Path sharedWithHarassmentModel() {
    if (sharedWithHarassmentModel == null) {
      sharedWithHarassmentModel = train(HarassmentRule.MODEL);
    }
    return sharedWithHarassmentModel;
  }

  private static Path train(HarassmentRule rule) {
    try {
      Path dir = Files.createTempDirectory("trollscan-context");
      dir.toFile().deleteOnExit();
      Path bundle = dir.resolve("context.zip");
      TrainingSettings d = TrainingSettings.defaults();
      TrainingSettings settings = new TrainingSettings(d.algorithm(), d.iterations(),
          d.cutoff(), d.l1Cost(), d.l2Cost(), 2, 1, d.seed(), null, d.thresholdRule(),
          d.threads());
      PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
      new TrainingRun(settings, FeatureSettings.defaults(), quiet, quiet, Set.of(), Map.of())
          .withThreadColumn("thread_id")
          .withContextHarassment(rule)
          .run(List.of("samples/corpus/train.csv", "samples/corpus/train-context.csv"),
              "context-test", bundle);
      bundle.toFile().deleteOnExit();
      return bundle;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
