package org.trollscan.robust;

import org.trollscan.rules.Rules;
import org.trollscan.rules.Lexicons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.trollscan.model.BundleIO;
import org.trollscan.model.Label;
import org.trollscan.model.Scorer;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.TextAnalyzer;
import org.trollscan.normalize.IgnorableCharacters;
import org.trollscan.normalize.MappedText;

/**
 * Random text through normalisation and analysis, weighted toward what the markup, quote,
 * placeholder and obfuscation steps look for ("&amp;#39;", "&lt;br&gt;", "&gt;" at a line start,
 * "[quote", "said:", "@", "r3port", references to no character, invisible characters): nothing
 * throws, every normalised character still maps back into the post in order, so evidence can
 * always quote the original, and invisible characters change no score.
 */
class TextPropertiesTest {
  private static final TextAnalyzer ANALYZER =
      TextAnalyzer.forTokenizer("forum", Rules.fromClasspath());
  private static final Scorer SCORER = new Scorer(BundleIO.loadDefault());
  /** Representatives of every kind of invisible character that normalisation removes. */
  private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u2060",
      "\u00AD", "\uFEFF", "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u2069", "\uFE0F",
      "\uFE00", "\u034F", "\u180E", "\u3164", "\u115F", "\u061C", "\u2062",
      "\uDB40\uDC01", "\uDB40\uDD00"); // the last two: TAG LATIN... and VS17, beyond the BMP

  @Provide
  Arbitrary<String> forumText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab r3o*.!?\"'\n &;#<>/[]=:@0123456789xX").ofMaxLength(8),
        Arbitraries.of("&amp;", "&#39;", "&#x27;", "&quot;", "&nbsp;", "&", "&#", "&#;", "<br>",
            "</p>", "<p", "<a href=\"x\">", "<3", "> ", "\n> ", "[quote=a]", "[/quote]", "said:\n",
            "Click to expand...", "this.", "agreed!", "s o c i a l", "r3p0rt", "c*ll",
            "sooooo", "@bex", "http://x.y/z", "ﬁ", "😂", "don't", "nobody should report her",
            "&#99999999;", "&#x110000;", "&#xD800;", "&#0;", "&#x1F600;", "&#8203;", "&zwnj;",
            "\u200B", "\u00AD", "\uFE0F", "\uDB40\uDC01", "Ring Social Services on Bex",
            "ring the SS on her", "she should lose her kids", "tip off HMRC"));
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property
  void normalisedTextMapsBackIntoThePostInOrder(@ForAll("forumText") String post) {
    MappedText m =
        TextAnalyzer.standardNormalizer(Rules.fromClasspath().lexicons()).normalize(post);
    assertEquals(m.text().length() + 1, m.origin().length);
    assertEquals(post.length(), m.origin()[m.text().length()]);
    for (int i = 0; i < m.text().length(); i++) {
      assertTrue(m.origin()[i] >= 0 && m.origin()[i] <= post.length(), post);
      assertTrue(i == 0 || m.origin()[i] >= m.origin()[i - 1], post);
    }
  }

  @Property
  void everyTokenQuotesSomethingOfTheOriginal(@ForAll("forumText") String post) {
    AnalyzedText t = ANALYZER.analyze(post);
    for (int i = 0; i < t.size(); i++) {
      String phrase = t.originalPhrase(i, i + 1);
      assertTrue(post.contains(phrase), phrase + " in " + post);
    }
  }

  @Provide
  Arbitrary<String> invisible() {
    return Arbitraries.oneOf(Arbitraries.of(INVISIBLE),
        Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
            .filter(IgnorableCharacters::isIgnorable).map(Character::toString));
  }

  @Property
  void invisibleCharactersAnywhereChangeNoScore(@ForAll("forumText") String post,
      @ForAll("insertions") List<int[]> insertions) {
    String changed = post;
    for (int[] insertion : insertions) {
      changed = insert(changed, insertion[0], INVISIBLE.get(insertion[1] % INVISIBLE.size()));
    }
    Map<Label, Double> before = SCORER.score(post, false).probabilities();
    Map<Label, Double> after = SCORER.score(changed, false).probabilities();
    for (Label l : before.keySet()) {
      assertEquals(before.get(l), after.get(l), 1e-6, l + " of " + escaped(changed));
    }
  }

  @Property
  void anyInvisibleCharacterIsRemovedWherever(@ForAll("forumText") String post,
      @ForAll int where, @ForAll("invisible") String character) {
    String changed = insert(post, where, character);
    assertEquals(TextAnalyzer.standardNormalizer(Rules.fromClasspath().lexicons()).normalize(post).text(),
        TextAnalyzer.standardNormalizer(Rules.fromClasspath().lexicons()).normalize(changed).text(), escaped(changed));
  }

  @Provide
  Arbitrary<List<int[]>> insertions() {
    return Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
        Arbitraries.integers().between(0, INVISIBLE.size() - 1))
        .as((where, which) -> new int[] {where, which}).list().ofMinSize(1).ofMaxSize(6);
  }

  /** The post with {@code character} inserted at a code-point boundary chosen by {@code where}. */
  private static String insert(String post, int where, String character) {
    int points = post.codePointCount(0, post.length());
    int at = post.offsetByCodePoints(0, Math.floorMod(where, points + 1));
    return post.substring(0, at) + character + post.substring(at);
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp)
        : String.format("\\u{%X}", cp)));
    return out.toString();
  }
}
