package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trollscan.model.TinyModels;

/** End-to-end runs of {@code trollscan train} on a tiny generated corpus. */
class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void quietLeavesOutProgressButKeepsThresholdsAndMetrics() throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    Path model = dir.resolve("m.zip");
    Cli.Result loud = Cli.run("train", "--data", csv.toString(), "--cv", "2", "-o",
        model.toString());
    assertEquals(0, loud.exitCode(), loud.err());
    assertTrue(loud.err().contains("fold 1/2 of repeat 1/3 done"), loud.err());
    Cli.Result quiet = Cli.run("train", "--quiet", "--data", csv.toString(), "--cv", "2", "-o",
        model.toString());
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertFalse(quiet.err().contains(" done"), quiet.err());
    assertFalse(quiet.err().contains("rows from"), quiet.err());
    assertTrue(quiet.err().contains("harassment: ") && quiet.err().contains("threshold"),
        quiet.err());
    assertTrue(quiet.err().contains("wrote " + model), quiet.err());
    assertTrue(Files.size(model) > 0);
  }

  /**
   * Runs train on the tiny corpus with progress on and returns the result after checking that it
   * stopped before any training: no row read, or (for checks that need the rows) no post
   * featurised, and no bundle written.
   */
  private Cli.Result refusedBeforeTraining(int exitCode, boolean rowsRead, String... options)
      throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    Path model = dir.resolve("refused.zip");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--data",
        csv.toString(), "-o", model.toString()));
    args.addAll(java.util.List.of(options));
    if (!args.contains("--cv")) {
      args.addAll(java.util.List.of("--cv", "2"));
    }
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertEquals(exitCode, r.exitCode(), r.err());
    assertEquals(rowsRead, r.err().contains("read 24 rows"), r.err());
    assertFalse(r.err().contains("featurised"), "no post featurised: " + r.err());
    assertFalse(r.err().contains("fold 1/"), "no fold trained: " + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(model));
    return r;
  }

  @Test
  void moreFoldsThanTheThreadsCanFillAreAUsageErrorNamingTheLargestThatWould()
      throws IOException {
    // 12 threads: with 20 folds some fold has no positive row, and its AUC is undefined.
    Cli.Result r = refusedBeforeTraining(ExitCodes.USAGE, true, "--cv", "20");
    assertTrue(r.err().contains("\ntrollscan: --cv 20: harassment's 24 labelled rows are in 12 "
        + "threads (thread_id"), r.err());
    assertTrue(r.err().endsWith("; use --cv 6 or fewer\n"), r.err());
    // The advice holds: 6 folds train.
    Cli.Result six = Cli.run("train", "--quiet", "--data", TinyModels.writeCorpus(dir).toString(),
        "--cv", "6", "-o", dir.resolve("six.zip").toString());
    assertEquals(0, six.exitCode(), six.err());
  }

  @Test
  void turningEveryFeatureFamilyOffIsAUsageError() throws IOException {
    Cli.Result r = refusedBeforeTraining(ExitCodes.USAGE, false, "--word-ngrams", "0",
        "--char-ngrams", "0", "--no-cues");
    assertEquals("trollscan: --word-ngrams 0, --char-ngrams 0 and --no-cues leave the model no "
        + "features; keep at least one family\n", r.err());
  }

  @Test
  void tuneOnOrWeightNamingNoDataFileIsAUsageError() throws IOException {
    Cli.Result tune = refusedBeforeTraining(ExitCodes.USAGE, false, "--tune-on", "other.csv");
    assertEquals("trollscan: --tune-on other.csv is not one of the --data files\n", tune.err());
    Path csv = TinyModels.writeCorpus(dir);
    Cli.Result zero = refusedBeforeTraining(ExitCodes.USAGE, false, "--weight", csv + "=0");
    assertTrue(zero.err().contains("the weight at least 1"), zero.err());
  }

  @Test
  void aModelVersionTheBundleCouldNotRecordIsAUsageError() throws IOException {
    Cli.Result longer = refusedBeforeTraining(ExitCodes.USAGE, false, "--model-version",
        "v".repeat(101));
    assertEquals("trollscan: --model-version must be 1 to 100 characters, not 101\n",
        longer.err());
    Cli.Result control = refusedBeforeTraining(ExitCodes.USAGE, false, "--model-version",
        "v1\u0007");
    assertTrue(control.err().contains("control character U+0007"), control.err());
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aCostOrPrecisionThatIsNotANumberIsAUsageError() throws IOException {
    Cli.Result cost = refusedBeforeTraining(ExitCodes.USAGE, false, "--l2", "NaN");
    assertEquals("trollscan: --l1 and --l2 must be finite, not NaN\n", cost.err());
    refusedBeforeTraining(ExitCodes.USAGE, false, "--l1", "Infinity");
    Cli.Result precision = refusedBeforeTraining(ExitCodes.USAGE, false, "--target-precision",
        "NaN");
    assertEquals("trollscan: --target-precision must be above 0 and at most 1, not NaN\n",
        precision.err());
  }

  @Test
  void wholeNumberOptionsOutOfRangeAreNamedWithTheirValue() throws IOException {
    assertEquals("trollscan: --cv must be at least 2, not 1\n",
        refusedBeforeTraining(ExitCodes.USAGE, false, "--cv", "1").err());
    assertEquals("trollscan: --iterations must be at least 1, not 0\n",
        refusedBeforeTraining(ExitCodes.USAGE, false, "--iterations", "0").err());
    assertEquals("trollscan: --cv-repeats must be at least 1, not 0\n",
        refusedBeforeTraining(ExitCodes.USAGE, false, "--cv-repeats", "0").err());
  }

  @Test
  void aStepSettingThatIsNoneOrOutOfRangeIsAUsageErrorNamingIt() throws IOException {
    Cli.Result unknown = refusedBeforeTraining(ExitCodes.USAGE, false, "--step-setting",
        "annotators.negation.maxTokenz=4");
    assertTrue(unknown.err().startsWith("trollscan: --step-setting 'annotators.negation"
        + ".maxTokenz=4' is not a step setting; the settings: normalization.spaced-letters"
        + ".minLetters, "), unknown.err());
    assertTrue(unknown.err().contains(", annotators.negation.maxTokens, "), unknown.err());
    assertEquals("trollscan: --step-setting 'annotators.negation.maxTokens=0': "
        + "annotators.negation.maxTokens is '0'; allowed: a whole number from 1 to 50\n",
        refusedBeforeTraining(ExitCodes.USAGE, false, "--step-setting",
            "annotators.negation.maxTokens=0").err());
    assertEquals("trollscan: --step-setting 'annotators.negation.maxTokens=4.5': "
        + "annotators.negation.maxTokens is '4.5'; allowed: a whole number from 1 to 50\n",
        refusedBeforeTraining(ExitCodes.USAGE, false, "--step-setting",
            "annotators.negation.maxTokens=4.5").err());
    assertEquals("trollscan: --step-setting 'evidence.evidence.minShareOfTop=NaN': "
        + "evidence.evidence.minShareOfTop is 'NaN'; allowed: a number from 0 to 1\n",
        refusedBeforeTraining(ExitCodes.USAGE, false, "--step-setting",
            "evidence.evidence.minShareOfTop=NaN").err());
    assertEquals("trollscan: --step-setting 'annotators.negation.maxTokens=5': "
        + "annotators.negation.maxTokens is given twice\n",
        refusedBeforeTraining(ExitCodes.USAGE, false, "--step-setting",
            "annotators.negation.maxTokens=4", "--step-setting",
            "annotators.negation.maxTokens=5").err());
    assertTrue(refusedBeforeTraining(ExitCodes.USAGE, false, "--step-setting",
        "annotators.negation.maxTokens").err().contains("is not NAME=VALUE"));
    // Before the data files are looked at: a bad setting costs no minutes of reading.
    assertTrue(refusedBeforeTraining(ExitCodes.USAGE, false, "--data", "no-such.csv",
        "--step-setting", "x=1").err().contains("--step-setting 'x=1' is not a step setting"));
  }

  @Test
  void stepSettingsGivenToTrainAreTheBundles() throws Exception {
    Path csv = TinyModels.writeCorpus(dir);
    Path model = dir.resolve("steps.zip");
    Cli.Result r = Cli.run("train", "--quiet", "--data", csv.toString(), "--cv", "2",
        "--cv-repeats", "1", "-o", model.toString(), "--step-setting",
        "annotators.negation.maxTokens=4", "--step-setting", "evidence.evidence.minShareOfTop=0.5");
    assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    org.trollscan.rules.StepSettings steps =
        org.trollscan.model.BundleIO.load(model).manifest().pipeline().settings();
    assertEquals(org.trollscan.rules.StepSettings.defaults()
        .with(org.trollscan.rules.StepSettings.Setting.NEGATION_MAX_TOKENS, 4)
        .with(org.trollscan.rules.StepSettings.Setting.EVIDENCE_MIN_SHARE_OF_TOP, 0.5), steps);
  }

  @Test
  void aMissingDataFileIsNamedBeforeTheOthersAreRead() throws IOException {
    Cli.Result r = refusedBeforeTraining(ExitCodes.INPUT, false, "--data", "no-such.csv");
    assertEquals("trollscan: no-such.csv: no such file\n", r.err());
  }

  @Test
  void anOutputFolderThatTakesNoNewFileIsRefusedBeforeTraining() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
        "needs Linux's /proc, a folder in which no file can be made even by root");
    Path csv = TinyModels.writeCorpus(dir);
    Cli.Result r = Cli.run("train", "--data", csv.toString(), "--cv", "2", "-o",
        "/proc/trollscan-test.zip");
    assertEquals(ExitCodes.IO, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("trollscan: /proc/trollscan-test.zip: cannot write in /proc:"),
        r.err());
    assertFalse(r.err().contains("read 24 rows"), r.err());
  }

  @Test
  void anOutputThatIsTheTrainingDataIsAUsageErrorAndTheCorpusIsKept() throws IOException {
    Path csv = TinyModels.writeCorpus(dir);
    String before = Files.readString(csv);
    Cli.Result r = Cli.run("train", "--data", csv.toString(), "--cv", "2", "-o", csv.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("the bundle would replace the corpus it was trained on"),
        r.err());
    assertEquals(before, Files.readString(csv));
  }

  @Test
  void aLabelWithOneClassOnlyIsAnInputErrorBeforeAnyPostIsFeaturised() throws IOException {
    Path csv = dir.resolve("one-class.csv");
    Files.writeString(csv, "id,text,harassment,thread_id\na,ring her boss,0,t1\n"
        + "b,lovely day,0,t2\n");
    Cli.Result r = Cli.run("train", "--data", csv.toString(), "--cv", "2", "-o",
        dir.resolve("one.zip").toString());
    assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
    assertTrue(r.err().contains("harassment: the training data has only one class (0 positive "
        + "of 2)"), r.err());
    assertFalse(r.err().contains("featurised"), r.err());
  }
}
