package org.trollscan.normalize;

import org.trollscan.rules.Rules;
import org.trollscan.rules.Lexicons;
import org.trollscan.annotate.TextAnalyzer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizerTest {
  private final Normalizer normalizer =
      TextAnalyzer.standardNormalizer(Rules.fromClasspath().lexicons());

  static Stream<Arguments> table() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in = NormalizerTest.class.getResourceAsStream("/normalize/normalization.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank() || lines[i].startsWith("#")) {
          continue;
        }
        String[] cols = lines[i].split("\t");
        rows.add(Arguments.of(i + 1, unescape(cols[0]), unescape(cols[1])));
      }
    }
    return rows.stream();
  }

  /** The table's escapes: \\n a line break, \\uXXXX a UTF-16 code unit (invisible characters). */
  private static String unescape(String cell) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length() && cell.charAt(i + 1) == 'n') {
        out.append('\n');
        i++;
      } else if (c == '\\' && i + 5 < cell.length() && cell.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(cell.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @ParameterizedTest(name = "normalization.tsv line {0}: {1}")
  @MethodSource("table")
  void normalisesAsTheTableSays(int line, String input, String expected) {
    assertEquals(expected, normalizer.normalize(input).text(), "normalization.tsv line " + line);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("table")
  void everyNormalisedCharacterMapsBackIntoTheOriginal(int line, String input, String expected) {
    MappedText t = normalizer.normalize(input);
    assertEquals(t.text().length() + 1, t.origin().length);
    for (int i = 0; i < t.text().length(); i++) {
      assertTrue(t.originalStart(i) >= 0 && t.originalStart(i) < input.length(),
          "line " + line + " char " + i);
    }
    assertEquals(input.length(), t.origin()[t.text().length()]);
  }

  @Test
  void leavesPlainTextUntouchedAndCheap() {
    MappedText t = normalizer.normalize("the kids are fine");
    assertEquals("the kids are fine", t.text());
  }

  @Test
  void recoversStarredWordsOnlyWhenTheShapeMatchesAVocabularyWord() {
    assertEquals("fuck off", normalizer.normalize("f**k off").text());
    assertEquals("h*llo there", normalizer.normalize("h*llo there").text());
  }
}
