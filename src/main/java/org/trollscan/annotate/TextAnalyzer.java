package org.trollscan.annotate;

import java.util.List;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;
import org.trollscan.normalize.MappedText;
import org.trollscan.normalize.Normalizer;
import org.trollscan.rules.Lexicons;
import org.trollscan.tokenize.ForumTokenizer;
import org.trollscan.tokenize.UdTokenizer;

/** Normalises and tokenizes a post: the text-processing stage in front of feature generation. */
public final class TextAnalyzer {
  private static final CondemnedActScope CONDEMNED =
      new CondemnedActScope(Lexicons.standard());

  private final Normalizer normalizer;
  private final Tokenizer tokenizer;

  public TextAnalyzer(Normalizer normalizer, Tokenizer tokenizer) {
    this.normalizer = normalizer;
    this.tokenizer = tokenizer;
  }

  /** The analyzer for a tokenizer name in the feature settings ("forum" or "ud"). */
  public static TextAnalyzer forTokenizer(String name) {
    Tokenizer t = switch (name) {
      case "forum" -> ForumTokenizer.INSTANCE;
      case "ud" -> new UdTokenizer();
      default -> throw new IllegalArgumentException("unknown tokenizer: " + name);
    };
    return new TextAnalyzer(standardNormalizer(Lexicons.standard()), t);
  }

  /** The normalisation chain every model uses, with its word lists from {@code lexicons}. */
  public static Normalizer standardNormalizer(Lexicons lexicons) {
    return Normalizer.standard(lexicons::isAgencyHandle, lexicons.deobfuscationVocabulary());
  }

  public AnalyzedText analyze(String original) {
    MappedText normalized = normalizer.normalize(original);
    String text = normalized.text();
    Span[] spans = tokenizer.tokenizePos(text);
    String[] tokens = new String[spans.length];
    int[] sentence = new int[spans.length];
    int current = 0;
    for (int i = 0; i < spans.length; i++) {
      tokens[i] = spans[i].getCoveredText(text).toString();
      sentence[i] = current;
      if (endsSentence(tokens[i])
          || i + 1 < spans.length && hasNewline(text, spans[i].getEnd(), spans[i + 1].getStart())) {
        current++;
      }
    }
    return withMarks(original, normalized, tokens, spans, sentence);
  }

  /**
   * Tokens with the marks of what the writer does not assert: quoted (in double quotes or a quote
   * block), negated, or describing a report the writer condemns.
   */
  public static AnalyzedText withMarks(String original, MappedText normalized, String[] tokens,
      Span[] spans, int[] sentence) {
    boolean[] quoted = Quotes.doubleQuoted(tokens);
    Quotes.markBlocks(normalized.text(), spans, tokens, sentence, quoted);
    boolean[] names = NameTargets.find(original, normalized, spans, tokens, sentence,
        Lexicons.standard());
    List<CueMatcher.CueMatch> cues = CueMatcher.standard().match(tokens, names);
    return new AnalyzedText(original, normalized, tokens, spans, sentence, quoted,
        NegationScope.mark(tokens, sentence, cues), CONDEMNED.mark(tokens, sentence, quoted, cues),
        cues);
  }

  private static boolean hasNewline(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean endsSentence(String token) {
    char c = token.charAt(0);
    return c == '.' || c == '!' || c == '?';
  }
}
