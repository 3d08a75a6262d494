package org.trollscan.features;

import java.util.ArrayList;
import java.util.List;
import org.trollscan.rules.Rules;

/**
 * What a model does to a post before its weights see it, stage by stage and in order, with the
 * rule files each stage reads: the record a bundle's manifest keeps ({@code "pipeline"}), so that
 * a reader of the bundle can see how a score came about, and so that loading refuses a bundle
 * whose pipeline is not the one this trollscan runs for its settings. It describes; {@link
 * Featurizer} and the scorer do the work, in the order listed here.
 *
 * @param normalization the character steps, in order
 * @param tokenizer the tokenizer ({@link FeatureSettings#tokenizer()})
 * @param annotators the annotators, in order; each reads what those before it wrote
 * @param features the feature families the settings turn on, in order
 * @param evidence how evidence phrases are chosen among the tokens that raised a score
 */
public record Pipeline(List<Stage> normalization, Stage tokenizer, List<Stage> annotators,
    List<Stage> features, Stage evidence) {

  /**
   * One stage.
   *
   * @param name the stage's name
   * @param rules the bundle entries of the rule files it reads ("rules/cues.txt"), maybe none
   */
  public record Stage(String name, List<String> rules) {
    public Stage {
      rules = List.copyOf(rules);
    }

    static Stage of(String name, String... ruleFiles) {
      List<String> entries = new ArrayList<>();
      for (String file : ruleFiles) {
        entries.add(entry(file));
      }
      return new Stage(name, entries);
    }

    /** This stage without the rule entries in {@code entries}. */
    Stage withoutRules(java.util.Set<String> entries) {
      return new Stage(name, rules.stream().filter(r -> !entries.contains(r)).toList());
    }
  }

  public Pipeline {
    normalization = List.copyOf(normalization);
    annotators = List.copyOf(annotators);
    features = List.copyOf(features);
  }

  /** The folder of a bundle that holds the rule files. */
  public static final String RULES_FOLDER = "rules/";

  /** The bundle entry holding a rule file. */
  public static String entry(String ruleFile) {
    return RULES_FOLDER + ruleFile;
  }

  /** The pipeline this trollscan runs for a model with these settings. */
  public static Pipeline of(FeatureSettings settings) {
    List<Stage> normalization = List.of(
        Stage.of("ignorable-characters"),
        Stage.of("markup", Rules.HTML_BREAKING_TAGS, Rules.HTML_INLINE_TAGS),
        Stage.of("unicode-nfkc"),
        Stage.of("case-fold", Rules.QUOTE_MARKS),
        Stage.of("placeholders", Rules.AGENCY_HANDLES),
        Stage.of("spaced-letters"),
        Stage.of("elongation"),
        Stage.of("obfuscation", Rules.CUES, Rules.DEOBFUSCATION, Rules.LEET));
    List<Stage> annotators = List.of(
        Stage.of("sentences"),
        Stage.of("quotes", Rules.AGREEMENT),
        Stage.of("names", Rules.NOT_NAMES, Rules.PLACE_WORDS, Rules.NO_NAME_AFTER,
            Rules.CLITICS),
        Stage.of("cues", Rules.CUES, Rules.SCOPE_ONLY, Rules.CLITICS),
        Stage.of("negation"),
        Stage.of("condemnation", Rules.CUES, Rules.VERDICT_FILLERS, Rules.IT_IS));
    List<Stage> features = new ArrayList<>();
    if (settings.wordNgramMax() > 0) {
      features.add(Stage.of("word-ngrams"));
    }
    if (settings.charNgramMax() > 0) {
      features.add(Stage.of("char-ngrams"));
    }
    if (settings.cues()) {
      features.add(Stage.of("cues", Rules.CUES, Rules.CUE_PAIRS, Rules.ABSENCE, Rules.NEGATABLE,
          Rules.AIMLESS, Rules.AUXILIARIES, Rules.PASSIVE_AUXILIARIES, Rules.CONDITIONALS,
          Rules.PERSON_OBJECTS, Rules.AFTER_OBJECT_HER, Rules.CAUSATIVES));
    }
    return new Pipeline(normalization, Stage.of(settings.tokenizer()), annotators, features,
        Stage.of("evidence", Rules.FUNCTION_WORDS));
  }

  /**
   * This pipeline without the rule entries in {@code entries}: the pipeline of a bundle trained
   * before those files were rule files ({@link Rules#TABLES_OLDER_BUNDLES_LACK}), whose stages
   * read the tables of that time instead.
   */
  public Pipeline withoutRuleEntries(java.util.Set<String> entries) {
    if (entries.isEmpty()) {
      return this;
    }
    java.util.function.Function<List<Stage>, List<Stage>> strip =
        stages -> stages.stream().map(s -> s.withoutRules(entries)).toList();
    return new Pipeline(strip.apply(normalization), tokenizer.withoutRules(entries),
        strip.apply(annotators), strip.apply(features), evidence.withoutRules(entries));
  }

  /** Every rule entry a bundle holds: one per {@link Rules#FILES}, in that order. */
  public static List<String> ruleEntries() {
    return Rules.FILES.stream().map(Pipeline::entry).toList();
  }
}
