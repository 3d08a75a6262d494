package org.trollscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.trollscan.model.Label;

/**
 * {@code --threshold LABEL=VALUE}: read alike by score and eval, and each mistake named in one
 * line that says how to write it, end to end (exit 2, nothing on stdout, no usage dump).
 */
class LabelSettingsTest {
  @Test
  void thresholdsAreReadPerLabelAndTheLastOneGivenWins() {
    assertEquals(Map.of(Label.HARASSMENT, 0.25, Label.FALSE_REPORT, 0.7),
        LabelSettings.thresholds(List.of("harassment=0.5", "false_report = 0.7",
            "harassment=0.25"), List.of(Label.values())));
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      score | harassment:0.5    | trollscan: --threshold harassment:0.5: write LABEL=VALUE, e.g. --threshold harassment=0.5
      eval  | harassment:0.5    | trollscan: --threshold harassment:0.5: write LABEL=VALUE, e.g. --threshold harassment=0.5
      score | harassment.f1=0.5 | trollscan: --threshold harassment.f1=0.5: a threshold is set per label, LABEL=VALUE (e.g. harassment=0.5); a gate on a metric is eval's --min harassment.f1=0.5
      eval  | spam=0.5          | trollscan: --threshold spam=0.5: unknown label 'spam'; the model has harassment, false_report
      score | harassment=high   | trollscan: --threshold harassment=high: the value must be a number from 0 to 1, not 'high'
      eval  | harassment=1.5    | trollscan: --threshold harassment=1.5: the value must be a number from 0 to 1, not '1.5'
      """)
  void aMistakeIsOneLineSayingHowToWriteIt(String command, String spec, String message) {
    Cli.Result r = command.equals("score")
        ? Cli.run("score", "--threshold", spec, "samples/posts.txt")
        : Cli.run("eval", "--threshold", spec, "--data", "samples/functional.csv");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertEquals(message + "\n", r.err());
    assertEquals("", r.out());
  }
}
