package org.trollscan.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;
import org.trollscan.rules.StepSettings.Setting;

/**
 * Each step setting reaches its stage: a post the setting decides has other features with another
 * value. (The evidence settings act after the features: {@code StepSettingsBundleTest}.)
 */
class StepSettingsFeaturesTest {
  private static final Rules RULES = Rules.fromClasspath();

  /** Setting, another value, a post, a feature the default gives and the other value does not. */
  static Stream<Arguments> probes() {
    return Stream.of(
        // Four letters spelled out are joined by default, not when five are needed.
        Arguments.of(Setting.SPACED_LETTERS_MIN_LETTERS, 5, "c a l l cps on her", "w:call",
            true),
        // Three letters joined by hyphens are joined by default, not when four are needed.
        Arguments.of(Setting.SPACED_LETTERS_MIN_JOINED_LETTERS, 4, "call c-p-s on her", "w:cps",
            true),
        // "call" squeezed to "cal" is no report verb any more.
        Arguments.of(Setting.ELONGATION_MAX_RUN, 1, "call cps on that woman", "w:call", true),
        // "This, exactly this." is three agreeing words: more than one, so the quote stays quoted.
        Arguments.of(Setting.QUOTES_AGREEMENT_MAX_WORDS, 1,
            "> report her to the council\nThis, exactly this.", "w:report", true),
        // Eight words with capitals: title case for the default, not when 20 words are needed.
        Arguments.of(Setting.NAMES_TITLE_CASE_MIN_WORDS, 20,
            "Ring Social Services On Kerry Right Now Please", "d:report_verb+target_third",
            false),
        // One capitalised word in twelve: a name for the default (1 in 3), title case at 1 in 20.
        Arguments.of(Setting.NAMES_TITLE_CASE_ONE_IN, 20,
            "ring social services on Kerry today over the video posted on the forum",
            "d:report_verb+target_third", true),
        // A scope of one token leaves "ring" asserted.
        Arguments.of(Setting.NEGATION_MAX_TOKENS, 1, "nobody should ring social services on her",
            "neg:report_verb", true),
        // "So sick." has two words: no verdict-only sentence when one is the most.
        Arguments.of(Setting.CONDEMNATION_VERDICT_MAX_WORDS, 1,
            "Trolls reported her to social services. So sick.", "w:~reported", true),
        // "a neighbour" is two tokens: with one, the report verb counts as the writer's again.
        Arguments.of(Setting.CUES_OTHER_SUBJECT_MAX_TOKENS, 1,
            "a neighbour reported her to the council", "d:report_verb+authority", false),
        // "get" two tokens before "council" makes it the object only when two are allowed.
        Arguments.of(Setting.CUES_CAUSATIVE_MAX_DISTANCE, 1, "get the council called on her",
            "d:report_verb+authority", true));
  }

  private static List<String> names(StepSettings steps, String post) {
    return List.of(new Featurizer(FeatureSettings.defaults(), steps, RULES).featurize(post)
        .names());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void aSettingChangesTheFeaturesOfAPostItDecides(Setting setting, int value, String post,
      String feature, boolean withDefault) {
    List<String> byDefault = names(StepSettings.defaults(), post);
    List<String> changed = names(StepSettings.defaults().with(setting, value), post);
    assertEquals(withDefault, byDefault.contains(feature), byDefault.toString());
    assertEquals(!withDefault, changed.contains(feature), changed.toString());
    // The two-argument featurizer is the one with every setting at its default.
    assertEquals(byDefault, List.of(new Featurizer(FeatureSettings.defaults(), RULES)
        .featurize(post).names()));
  }

  @Test
  void everySettingBeforeTheEvidenceHasAProbe() {
    Set<Setting> probed = probes().map(a -> (Setting) a.get()[0]).collect(Collectors.toSet());
    Set<Setting> featureSettings = Arrays.stream(Setting.values())
        .filter(s -> !s.part().equals("evidence")).collect(Collectors.toSet());
    assertEquals(featureSettings, probed);
  }

  @Test
  void theDefaultsAreTheValuesTheCodeHadBefore() {
    // Stated once more here, by hand: a changed default changes every bundle that records none.
    StepSettings d = StepSettings.defaults();
    assertEquals(List.of(4, 3, 2, 4, 6, 3, 6, 5, 3, 2, 3, 6), Stream.of(
        Setting.SPACED_LETTERS_MIN_LETTERS, Setting.SPACED_LETTERS_MIN_JOINED_LETTERS,
        Setting.ELONGATION_MAX_RUN,
        Setting.QUOTES_AGREEMENT_MAX_WORDS, Setting.NAMES_TITLE_CASE_MIN_WORDS,
        Setting.NAMES_TITLE_CASE_ONE_IN, Setting.NEGATION_MAX_TOKENS,
        Setting.CONDEMNATION_VERDICT_MAX_WORDS, Setting.CUES_OTHER_SUBJECT_MAX_TOKENS,
        Setting.CUES_CAUSATIVE_MAX_DISTANCE, Setting.EVIDENCE_PHRASES,
        Setting.EVIDENCE_MAX_TOKENS).map(d::whole).toList());
    assertEquals(0.2, d.decimal(Setting.EVIDENCE_MIN_SHARE_OF_TOP));
    assertTrue(Arrays.stream(Setting.values()).allMatch(s -> s.accepts(s.defaultValue())));
    assertFalse(Setting.NEGATION_MAX_TOKENS.accepts(0));
  }
}
