package org.trollscan.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.Span;
import org.trollscan.rules.Rules;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.TextAnalyzer;
import org.trollscan.normalize.MappedText;

/**
 * One feature family. It reads a post's annotations by key and nothing else, and declares the
 * keys it reads ({@link #requires()}), which {@link Featurizer} checks the analyzer provides. It
 * is an OpenNLP {@link FeatureGenerator} (usable by Doccat), and also reports where in the post
 * each feature was found, which the evidence column needs.
 */
public interface TextFeatureGenerator extends FeatureGenerator {

  /**
   * What a token n-gram family reads: the tokens, and with {@code markUnasserted} the three keys
   * {@link AnalyzedText#unasserted} reads.
   */
  static List<Annotation.Key<?>> tokens(boolean markUnasserted) {
    return markUnasserted
        ? List.of(Annotation.TOKENS, Annotation.NEGATED, Annotation.QUOTED, Annotation.CONDEMNED)
        : List.of(Annotation.TOKENS);
  }

  /** Short family name, used in feature names and settings. */
  String family();

  /** The annotation keys this family reads, directly or through {@link AnalyzedText}'s helpers. */
  List<Annotation.Key<?>> requires();

  /** Emits every feature of this family found in the post. */
  void generate(AnalyzedText text, FeatureSink sink);

  /**
   * The same features as {@link #generate}, in the same order, identified by hash (the scoring
   * path). A family with many features per post overrides this to hash as it goes instead of
   * building each name.
   */
  default void generateHashed(AnalyzedText text, HashSink sink) {
    generate(text, (feature, from, to) -> sink.add(FeatureHash.of(feature), from, to));
  }

  @Override
  default Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
    StringBuilder joined = new StringBuilder();
    Span[] spans = new Span[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      if (i > 0) {
        joined.append(' ');
      }
      spans[i] = new Span(joined.length(), joined.length() + tokens[i].length());
      joined.append(tokens[i]);
    }
    String text = joined.toString();
    AnalyzedText analyzed = doccatAnalyzer().annotate(text, MappedText.of(text), tokens,
        spans, new int[tokens.length]);
    List<String> out = new ArrayList<>();
    generate(analyzed, (feature, from, to) -> out.add(feature.toString()));
    return out;
  }

  /**
   * The analyzer that annotates tokens given through OpenNLP's interface, which carries no rules:
   * this trollscan's own unless the family was built from other rules (the cue family is).
   */
  default TextAnalyzer doccatAnalyzer() {
    return DoccatAnalyzer.INSTANCE;
  }

  /** The analyzer of {@link #extractFeatures} with this trollscan's rules, built on first use. */
  final class DoccatAnalyzer {
    static final TextAnalyzer INSTANCE = TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());

    private DoccatAnalyzer() {}
  }
}
