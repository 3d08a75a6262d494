package org.trollscan.normalize;

import org.trollscan.rules.Rules;
import org.trollscan.annotate.TextAnalyzer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trollscan.rules.Lexicons;

class PlaceholderStepTest {
  /** The regular expression the hand-written scanner replaced; the reference for its behaviour. */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?<url>(?:https?://|www\\.)\\S+)|(?<![\\w@])(?<mention>@[\\p{L}\\p{N}_]{1,30})");

  private static String reference(String s) {
    Matcher m = REFERENCE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, m.group("url") != null ? PlaceholderStep.URL : PlaceholderStep.MENTION);
    }
    return m.appendTail(out).toString();
  }

  @Test
  void replacesLinksWithTheirTrailingPunctuationAndMentionsButNotEmailAddresses() {
    PlaceholderStep step = new PlaceholderStep(handle -> false);
    assertEquals("xxuser see xxurl and xxurl mail me@home.com",
        step.apply(MappedText.of("@Jade_B see https://x.y/z and www.a.b, mail me@home.com")).text());
  }

  @Test
  void mentionsOfAuthoritiesOwnAccountsBecomeAgenciesAndOtherHandlesStayUsers() {
    PlaceholderStep step = new PlaceholderStep(Rules.fromClasspath().lexicons()::isAgencyHandle);
    assertEquals("xxagency might want to check out xxuser",
        step.apply(MappedText.of("@hmrcgovuk might want to check out @luxelifeliz")).text());
    assertEquals("xxagency xxagency xxagency xxagency",
        step.apply(MappedText.of("@ato_gov_au @themetpolice @nspcc @irsnews")).text());
    // acronyms that hide inside ordinary handles count only in their official forms
    assertEquals("xxuser xxuser xxuser",
        step.apply(MappedText.of("@firstmum_irs @tomato_mama @alice_ice")).text());
    // councillors and police officers are people, whatever their handle holds
    assertEquals("xxagency xxuser xxuser",
        step.apply(MappedText.of("@leedscouncil @councillorjenkins @policewoman_kate")).text());
  }

  @Test
  void agencyHandlesAreRecognisedWhateverTheirCaseInThePost() {
    assertEquals("xxagency is tagged by xxuser",
        TextAnalyzer.standardNormalizer(Rules.fromClasspath().lexicons()).normalize("@TheMetPolice is tagged by @Jade_B").text());
  }

  @Test
  void scansExactlyLikeTheReferenceExpressionOnRandomText() {
    String alphabet = "@@@_aZ9é٣ⅷ \t\n.:/-httpswwww";
    Random random = new Random(20261129);
    PlaceholderStep step = new PlaceholderStep(handle -> false);
    for (int run = 0; run < 20_000; run++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(alphabet.length() + 3);
        b.append(pick == alphabet.length() ? "http://" : pick == alphabet.length() + 1 ? "www."
            : pick == alphabet.length() + 2 ? "x".repeat(29) : String.valueOf(alphabet.charAt(pick)));
      }
      String s = b.toString();
      assertEquals(reference(s), step.apply(MappedText.of(s)).text(), s);
    }
  }
}
