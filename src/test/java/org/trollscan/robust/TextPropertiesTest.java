package org.trollscan.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.trollscan.text.AnalyzedText;
import org.trollscan.text.MappedText;
import org.trollscan.text.Normalizer;
import org.trollscan.text.TextAnalyzer;

/**
 * Random text through normalisation and analysis, weighted toward what the markup, quote,
 * placeholder and obfuscation steps look for ("&amp;#39;", "&lt;br&gt;", "&gt;" at a line start,
 * "[quote", "said:", "@", "r3port"): nothing throws, and every normalised character still maps
 * back into the post in order, so evidence can always quote the original.
 */
class TextPropertiesTest {
  private static final TextAnalyzer ANALYZER = TextAnalyzer.forTokenizer("forum");

  @Provide
  Arbitrary<String> forumText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab r3o*.!?\"'\n &;#<>/[]=:@0123456789xX").ofMaxLength(8),
        Arbitraries.of("&amp;", "&#39;", "&#x27;", "&quot;", "&nbsp;", "&", "&#", "&#;", "<br>",
            "</p>", "<p", "<a href=\"x\">", "<3", "> ", "\n> ", "[quote=a]", "[/quote]", "said:\n",
            "Click to expand...", "this.", "agreed!", "s o c i a l", "r3p0rt", "c*ll",
            "sooooo", "@bex", "http://x.y/z", "ﬁ", "😂", "don't", "nobody should report her"));
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property
  void normalisedTextMapsBackIntoThePostInOrder(@ForAll("forumText") String post) {
    MappedText m = Normalizer.standard().normalize(post);
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
    for (int i = 0; i < t.tokens().length; i++) {
      String phrase = t.originalPhrase(i, i + 1);
      assertTrue(post.contains(phrase), phrase + " in " + post);
    }
  }
}
