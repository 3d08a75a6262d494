package org.trollscan.rules;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers that change a feature or an evidence phrase (how far a negation reaches, how many
 * evidence phrases are shown...), each a setting of one pipeline stage: rule data like the rule
 * files, written into a bundle's manifest ({@code "pipeline"}, one {@code "settings"} object per
 * stage) when it is trained and read from it when it scores. A bundle that records no value for a
 * setting (those written before settings were recorded, the shipped model among them) gets its
 * {@link Setting#defaultValue()}, the value the code had before. Each stage gets its numbers
 * through its constructor. Immutable.
 */
public final class StepSettings {

  /**
   * One setting: the pipeline part and stage that reads it, its name in the manifest, the value
   * a bundle without it gets, and the range loading accepts.
   */
  public enum Setting {
    /** The fewest letters spelled out with one separator ("s o c i a l") that are joined. */
    SPACED_LETTERS_MIN_LETTERS("normalization", "spaced-letters", "minLetters", 4, 2, 20),
    /** The fewest letters spelled out with dots or hyphens ("c-p-s", "d.w.p") that are joined. */
    SPACED_LETTERS_MIN_JOINED_LETTERS("normalization", "spaced-letters", "minJoinedLetters", 3,
        2, 20),
    /** A character repeated more than this many times in a row is cut to this many. */
    ELONGATION_MAX_RUN("normalization", "elongation", "maxRun", 2, 1, 20),
    /** A reply of at most this many agreeing words ("This.") makes a quote the writer's own. */
    QUOTES_AGREEMENT_MAX_WORDS("annotators", "quotes", "agreementMaxWords", 4, 1, 50),
    /** A post of fewer words than this is never taken for title case. */
    NAMES_TITLE_CASE_MIN_WORDS("annotators", "names", "titleCaseMinWords", 6, 1, 1000),
    /**
     * A post (of {@link #NAMES_TITLE_CASE_MIN_WORDS} words or more) with capitals on more than one
     * word in this many is title case, and names nobody.
     */
    NAMES_TITLE_CASE_ONE_IN("annotators", "names", "titleCaseOneIn", 3, 1, 100),
    /** The most tokens a negation scopes over. */
    NEGATION_MAX_TOKENS("annotators", "negation", "maxTokens", 6, 1, 50),
    /** A sentence of more words than this is no one-word verdict ("Sick.", "So vile"). */
    CONDEMNATION_VERDICT_MAX_WORDS("annotators", "condemnation", "verdictMaxWords", 5, 1, 50),
    /** The longest subject ("someone", "her ex") whose past report verb reports nobody. */
    CUES_OTHER_SUBJECT_MAX_TOKENS("features", "cues", "otherSubjectMaxTokens", 3, 1, 20),
    /** How many tokens before an authority "get"/"have" makes it the object. */
    CUES_CAUSATIVE_MAX_DISTANCE("features", "cues", "causativeMaxDistance", 2, 1, 20),
    /** The most evidence phrases per label. */
    EVIDENCE_PHRASES("evidence", "evidence", "phrases", 3, 1, 20),
    /** The most tokens in one evidence phrase. */
    EVIDENCE_MAX_TOKENS("evidence", "evidence", "maxTokens", 6, 1, 50),
    /** A phrase raising the score by less than this share of the best phrase is not shown. */
    EVIDENCE_MIN_SHARE_OF_TOP("evidence", "evidence", "minShareOfTop", 0.2, 0, 1);

    private final String part;
    private final String stage;
    private final String key;
    private final Number defaultValue;
    private final double min;
    private final double max;

    Setting(String part, String stage, String key, int defaultValue, int min, int max) {
      this(part, stage, key, (Number) defaultValue, min, max);
    }

    Setting(String part, String stage, String key, double defaultValue, double min, double max) {
      this(part, stage, key, (Number) defaultValue, min, max);
    }

    Setting(String part, String stage, String key, Number defaultValue, double min, double max) {
      this.part = part;
      this.stage = stage;
      this.key = key;
      this.defaultValue = defaultValue;
      this.min = min;
      this.max = max;
    }

    /** The manifest's list that holds the stage: normalization, annotators, features, evidence. */
    public String part() {
      return part;
    }

    /** The stage's name in the manifest. */
    public String stage() {
      return stage;
    }

    /** The setting's name inside the stage's {@code settings} object. */
    public String key() {
      return key;
    }

    /** The value of a bundle that records none: what the code used before it was a setting. */
    public Number defaultValue() {
      return defaultValue;
    }

    /** Whether the value is a whole number (else any number in range). */
    public boolean whole() {
      return defaultValue instanceof Integer;
    }

    public double min() {
      return min;
    }

    public double max() {
      return max;
    }

    /** What loading accepts, as an error message says it. */
    public String allowed() {
      return (whole() ? "a whole number from " : "a number from ") + show(min) + " to "
          + show(max);
    }

    private static String show(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Whether {@code value} is of this setting's kind and in its range. */
    public boolean accepts(Number value) {
      boolean kind = whole() ? value instanceof Integer || value instanceof Long
          : value instanceof Integer || value instanceof Long || value instanceof Double
              || value instanceof Float || value instanceof java.math.BigDecimal;
      double d = value.doubleValue();
      return kind && d >= min && d <= max;
    }

    /** The settings of one stage, in declaration order. */
    public static List<Setting> of(String part, String stage) {
      return java.util.Arrays.stream(values())
          .filter(s -> s.part.equals(part) && s.stage.equals(stage)).toList();
    }
  }

  private static final StepSettings DEFAULTS = new StepSettings(new EnumMap<>(Setting.class));

  /** Only the values that differ from the defaults are kept; equality follows the values. */
  private final Map<Setting, Number> values;

  private StepSettings(Map<Setting, Number> values) {
    this.values = values;
  }

  /** Every setting at its default: the settings of the shipped model and of every older bundle. */
  public static StepSettings defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with one setting changed.
   *
   * @throws IllegalArgumentException if the value is not of the setting's kind or out of range
   */
  public StepSettings with(Setting setting, Number value) {
    if (!setting.accepts(value)) {
      throw new IllegalArgumentException(setting.stage() + "." + setting.key() + " is " + value
          + "; allowed: " + setting.allowed());
    }
    Map<Setting, Number> changed = new EnumMap<>(Setting.class);
    changed.putAll(values);
    Number normalized = setting.whole() ? (Number) value.intValue() : (Number) value.doubleValue();
    if (normalized.equals(setting.defaultValue())) {
      changed.remove(setting);
    } else {
      changed.put(setting, normalized);
    }
    return new StepSettings(changed);
  }

  /**
   * A copy with the settings of {@code assignments} changed, each "PART.STAGE.NAME=VALUE" as the
   * manifest names the setting ({@code annotators.negation.maxTokens=4}); a setting at most once.
   *
   * @throws IllegalArgumentException naming the first assignment that names no setting, gives one
   *     twice, or gives a value that is no number, not of the setting's kind or out of range
   */
  public StepSettings with(List<String> assignments) {
    StepSettings out = this;
    java.util.Set<Setting> given = java.util.EnumSet.noneOf(Setting.class);
    for (String a : assignments) {
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      Setting setting = java.util.Arrays.stream(Setting.values())
          .filter(s -> name.equals(s.part() + "." + s.stage() + "." + s.key()))
          .findFirst().orElse(null);
      if (setting == null || eq < 0) {
        List<String> names = java.util.Arrays.stream(Setting.values())
            .map(s -> s.part() + "." + s.stage() + "." + s.key()).toList();
        throw new IllegalArgumentException("'" + a + "' is not "
            + (setting == null ? "a step setting" : "NAME=VALUE") + "; the settings: "
            + String.join(", ", names));
      }
      if (!given.add(setting)) {
        throw new IllegalArgumentException("'" + a + "': " + name + " is given twice");
      }
      String text = a.substring(eq + 1).strip();
      Number value;
      try {
        value = setting.whole() ? (Number) Long.parseLong(text) : (Number) Double.parseDouble(text);
      } catch (NumberFormatException e) {
        value = null;
      }
      if (value == null || !setting.accepts(value)) {
        throw new IllegalArgumentException("'" + a + "': " + name + " is '" + text
            + "'; allowed: " + setting.allowed());
      }
      out = out.with(setting, value);
    }
    return out;
  }

  /** A whole-number setting's value. */
  public int whole(Setting setting) {
    if (!setting.whole()) {
      throw new IllegalArgumentException(setting + " is not a whole number");
    }
    return value(setting).intValue();
  }

  /** A setting's value as a double. */
  public double decimal(Setting setting) {
    return value(setting).doubleValue();
  }

  private Number value(Setting setting) {
    return values.getOrDefault(setting, setting.defaultValue());
  }

  /**
   * One stage's settings as the manifest records them, every one with its value (default or
   * not), in declaration order; empty for a stage that has none.
   */
  public Map<String, Number> of(String part, String stage) {
    Map<String, Number> out = new LinkedHashMap<>();
    for (Setting s : Setting.of(part, stage)) {
      out.put(s.key(), value(s));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StepSettings s && values.equals(s.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.isEmpty() ? "defaults" : values.toString();
  }
}
