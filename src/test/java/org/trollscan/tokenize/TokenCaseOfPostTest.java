package org.trollscan.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.trollscan.normalize.MappedText;

/**
 * A post's token cases, which {@link TokenCase#of(String, MappedText, String[], Span[])} reads
 * from counts taken in one pass over the post, are what {@link TokenCase#of(String, int, int)}
 * says of each token's characters ({@code NONE} for a token with no letter), whatever the mix
 * of capitals, apostrophes, accents, invisible characters and emoji, and however long the post.
 */
class TokenCaseOfPostTest {
  /** Characters that each take a different branch of the character-by-character path. */
  private static final String ALPHABET =
      "aZkQ'’ -.@3&Éé\u200B\u00AD😡ǅ\uD835\uDE7F\u0301ß";

  @Property(tries = 2000)
  void everyTokensCaseIsTheCaseOfItsCharacters(@ForAll("posts") String post) {
    assertSameAsOneByOne(post);
  }

  @Provide
  Arbitrary<String> posts() {
    return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(60);
  }

  @Test
  void postsLongerThanTheCountsHoldAreReadCharacterByCharacter() {
    // 65,535 characters is the most the 16-bit counts hold; a longer post (training reads
    // whole documents) takes the path without counts; a long one first grows the buffer.
    assertSameAsOneByOne("Kerry iPhone HMRC it's ".repeat(3_000));
    assertSameAsOneByOne("Kerry iPhone HMRC it's Be\u200Bx ".repeat(1_000));
    assertSameAsOneByOne("ring Kerry now");
  }

  /** Tokens are the runs between spaces, folded to lower case as normalisation does. */
  private static void assertSameAsOneByOne(String post) {
    List<Span> spans = new ArrayList<>();
    int start = -1;
    for (int k = 0; k <= post.length(); k++) {
      boolean space = k == post.length() || post.charAt(k) == ' ';
      if (space && start >= 0) {
        spans.add(new Span(start, k));
        start = -1;
      } else if (!space && start < 0) {
        start = k;
      }
    }
    String[] tokens = new String[spans.size()];
    TokenCase[] expected = new TokenCase[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      Span s = spans.get(i);
      tokens[i] = post.substring(s.getStart(), s.getEnd()).toLowerCase(java.util.Locale.ROOT);
      expected[i] = hasLetter(tokens[i]) ? TokenCase.of(post, s.getStart(), s.getEnd())
          : TokenCase.NONE;
    }
    assertArrayEquals(expected, TokenCase.of(post, MappedText.of(post), tokens,
        spans.toArray(Span[]::new)), post);
  }

  private static boolean hasLetter(String token) {
    return token.codePoints().anyMatch(Character::isLetter);
  }
}
