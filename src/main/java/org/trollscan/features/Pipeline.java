package org.trollscan.features;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;

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
   * @param settings its numeric settings by name ({@link StepSettings.Setting#key()}), in the
   *     order {@link StepSettings.Setting} declares them; empty (and not written) for a stage that
   *     has none, and in bundles written before settings were recorded
   */
  public record Stage(String name, List<String> rules,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Number> settings) {
    public Stage {
      rules = List.copyOf(rules);
      // Data binding gives null for a manifest that records no settings (bundles before them).
      settings = settings == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A stage without settings. */
    public Stage(String name, List<String> rules) {
      this(name, rules, Map.of());
    }

    /** A copy without its settings: the stage's shape, which a bundle must share with the code. */
    public Stage withoutSettings() {
      return new Stage(name, rules);
    }

    static Stage of(StepSettings settings, String part, String name, String... ruleFiles) {
      List<String> entries = new ArrayList<>();
      for (String file : ruleFiles) {
        entries.add(entry(file));
      }
      return new Stage(name, entries, settings.of(part, name));
    }

    /** This stage without the rule entries in {@code entries}. */
    Stage withoutRules(java.util.Set<String> entries) {
      return new Stage(name, rules.stream().filter(r -> !entries.contains(r)).toList(),
          settings);
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

  /** The pipeline this trollscan runs for a model with these settings, its steps at defaults. */
  public static Pipeline of(FeatureSettings settings) {
    return of(settings, StepSettings.defaults());
  }

  /**
   * The pipeline this trollscan runs for a model with these feature settings and step settings;
   * every stage that has settings records all of them, so that the manifest shows the values the
   * model was made with.
   */
  public static Pipeline of(FeatureSettings settings, StepSettings steps) {
    String n = "normalization";
    List<Stage> normalization = List.of(
        Stage.of(steps, n, "ignorable-characters"),
        Stage.of(steps, n, "markup", Rules.HTML_BREAKING_TAGS, Rules.HTML_INLINE_TAGS),
        Stage.of(steps, n, "unicode-nfkc"),
        Stage.of(steps, n, "case-fold", Rules.QUOTE_MARKS),
        Stage.of(steps, n, "placeholders", Rules.AGENCY_HANDLES),
        Stage.of(steps, n, "spaced-letters"),
        Stage.of(steps, n, "elongation"),
        Stage.of(steps, n, "obfuscation", Rules.CUES, Rules.DEOBFUSCATION, Rules.LEET));
    String a = "annotators";
    List<Stage> annotators = List.of(
        Stage.of(steps, a, "sentences"),
        Stage.of(steps, a, "quotes", Rules.AGREEMENT, Rules.QUOTE_BLOCK_MARKERS),
        Stage.of(steps, a, "names", Rules.NOT_NAMES, Rules.PLACE_WORDS, Rules.NO_NAME_AFTER,
            Rules.CLITICS, Rules.PLURAL_ENDINGS),
        Stage.of(steps, a, "cues", Rules.CUES, Rules.SCOPE_ONLY, Rules.CLITICS),
        Stage.of(steps, a, "negation", Rules.NEGATION_ENDS),
        Stage.of(steps, a, "condemnation", Rules.CUES, Rules.VERDICT_FILLERS, Rules.IT_IS,
            Rules.VERDICT_THAT));
    String f = "features";
    List<Stage> features = new ArrayList<>();
    if (settings.wordNgramMax() > 0) {
      features.add(Stage.of(steps, f, "word-ngrams"));
    }
    if (settings.charNgramMax() > 0) {
      features.add(Stage.of(steps, f, "char-ngrams"));
    }
    if (settings.cues()) {
      features.add(Stage.of(steps, f, "cues", Rules.CUES, Rules.CUE_PAIRS, Rules.ABSENCE,
          Rules.NEGATABLE, Rules.AIMLESS, Rules.AUXILIARIES, Rules.PASSIVE_AUXILIARIES,
          Rules.CONDITIONALS, Rules.PERSON_OBJECTS, Rules.OBJECT_OR_POSSESSIVE,
          Rules.AFTER_OBJECT_HER, Rules.CAUSATIVES));
    }
    return new Pipeline(normalization, Stage.of(steps, "tokenizer", settings.tokenizer()),
        annotators, features, Stage.of(steps, "evidence", "evidence", Rules.FUNCTION_WORDS));
  }

  /** This pipeline without its stages' settings: the shape a bundle must share with the code. */
  public Pipeline withoutSettings() {
    return new Pipeline(normalization.stream().map(Stage::withoutSettings).toList(),
        tokenizer.withoutSettings(), annotators.stream().map(Stage::withoutSettings).toList(),
        features.stream().map(Stage::withoutSettings).toList(), evidence.withoutSettings());
  }

  /**
   * The step settings this pipeline records; a setting it does not record has its default (a
   * bundle written before settings were recorded has them all so).
   *
   * @throws IllegalArgumentException for a setting no such stage has, or a value out of range
   *     (loading checks both first, naming the field)
   */
  public StepSettings settings() {
    StepSettings out = StepSettings.defaults();
    for (Map.Entry<String, List<Stage>> part : parts().entrySet()) {
      for (Stage stage : part.getValue()) {
        for (Map.Entry<String, Number> e : stage.settings().entrySet()) {
          out = out.with(setting(part.getKey(), stage.name(), e.getKey()), e.getValue());
        }
      }
    }
    return out;
  }

  /** The stages by the part of the manifest that lists them: "normalization", "tokenizer"... */
  public Map<String, List<Stage>> parts() {
    Map<String, List<Stage>> parts = new LinkedHashMap<>();
    parts.put("normalization", normalization);
    parts.put("tokenizer", List.of(tokenizer));
    parts.put("annotators", annotators);
    parts.put("features", features);
    parts.put("evidence", List.of(evidence));
    return parts;
  }

  /**
   * The setting called {@code key} of a stage.
   *
   * @throws IllegalArgumentException if the stage has no such setting
   */
  public static StepSettings.Setting setting(String part, String stage, String key) {
    for (StepSettings.Setting s : StepSettings.Setting.of(part, stage)) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    List<String> known = StepSettings.Setting.of(part, stage).stream()
        .map(StepSettings.Setting::key).toList();
    throw new IllegalArgumentException("'" + key + "' is no setting of the " + part + " stage '"
        + stage + "'" + (known.isEmpty() ? ", which has none"
        : "; its settings: " + String.join(", ", known)));
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
