package org.trollscan.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trollscan.annotate.TextAnalyzer;
import org.trollscan.rules.Rules;

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
}
