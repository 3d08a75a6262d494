package org.trollscan.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.TextAnalyzer;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;

/** The pipeline a manifest records is the one the code runs. */
class PipelineTest {
  @Test
  void theAnnotatorsTheManifestRecordsAreTheOnesTheAnalyzerRunsInItsOrder() {
    List<String> recorded = Pipeline.of(FeatureSettings.defaults()).annotators().stream()
        .map(Pipeline.Stage::name).toList();
    assertEquals(recorded,
        TextAnalyzer.forTokenizer("forum", Rules.fromClasspath()).annotatorNames());
  }

  @Test
  void everyRuleFileIsReadBySomeStageAndEveryStageReadsOnlyRuleFiles() {
    Pipeline p = Pipeline.of(FeatureSettings.defaults());
    java.util.Set<String> read = new java.util.TreeSet<>();
    java.util.stream.Stream.of(p.normalization(), p.annotators(), p.features(),
        List.of(p.tokenizer(), p.evidence())).flatMap(List::stream)
        .forEach(s -> read.addAll(s.rules()));
    assertEquals(new java.util.TreeSet<>(Pipeline.ruleEntries()), read);
  }

  @Test
  void aFamilyTurnedOffIsNotInThePipeline() {
    Pipeline words = Pipeline.of(new FeatureSettings("ud", 1, 0, 0, false, false));
    assertEquals(List.of("word-ngrams"),
        words.features().stream().map(Pipeline.Stage::name).toList());
    assertEquals("ud", words.tokenizer().name());
  }
  @Test
  void everyStepSettingBelongsToAStageThePipelineRuns() {
    Pipeline all = Pipeline.of(FeatureSettings.defaults());
    for (StepSettings.Setting s : StepSettings.Setting.values()) {
      assertTrue(all.parts().get(s.part()).stream().anyMatch(stage -> stage.name()
          .equals(s.stage()) && stage.settings().containsKey(s.key())), s.toString());
    }
  }

  @Test
  void thePipelineRecordsEverySettingOfItsStagesAndGivesThemBack() {
    StepSettings changed = StepSettings.defaults()
        .with(StepSettings.Setting.NEGATION_MAX_TOKENS, 3)
        .with(StepSettings.Setting.EVIDENCE_MIN_SHARE_OF_TOP, 0.5);
    Pipeline p = Pipeline.of(FeatureSettings.defaults(), changed);
    assertEquals(changed, p.settings());
    assertEquals(java.util.Map.of("maxTokens", 3), p.annotators().get(4).settings());
    assertEquals(java.util.Map.of("phrases", 3, "maxTokens", 6, "minShareOfTop", 0.5),
        p.evidence().settings());
    assertEquals(java.util.Map.of(), p.annotators().get(0).settings());
    assertEquals(StepSettings.defaults(), Pipeline.of(FeatureSettings.defaults()).settings());
    // Settings are not part of the shape a bundle must share with the code.
    assertEquals(Pipeline.of(FeatureSettings.defaults()).withoutSettings(), p.withoutSettings());
  }
}
