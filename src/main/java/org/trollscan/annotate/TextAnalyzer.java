package org.trollscan.annotate;

import java.util.List;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;
import org.trollscan.normalize.MappedText;
import org.trollscan.normalize.Normalizer;
import org.trollscan.rules.Lexicons;
import org.trollscan.rules.Rules;
import org.trollscan.tokenize.ForumTokenizer;
import org.trollscan.tokenize.UdTokenizer;

/**
 * Normalises, tokenizes and annotates a post: the stages in front of feature generation, built
 * from one model's rules. The annotators run in this order, each reading what the ones before
 * it wrote: sentences (from the tokens), quotes, names, cues, negation, condemnation. Immutable
 * and thread-safe.
 */
public final class TextAnalyzer {
  private final Normalizer normalizer;
  private final Tokenizer tokenizer;
  private final Quotes quotes;
  private final CueMatcher cues;
  private final NameTargets names;
  private final CondemnedActScope condemned;

  public TextAnalyzer(Normalizer normalizer, Tokenizer tokenizer, Rules rules) {
    this.normalizer = normalizer;
    this.tokenizer = tokenizer;
    this.quotes = new Quotes(rules);
    this.cues = new CueMatcher(rules);
    this.names = new NameTargets(rules, cues);
    this.condemned = new CondemnedActScope(rules);
  }

  /** The analyzer for a tokenizer name in the feature settings ("forum" or "ud"). */
  public static TextAnalyzer forTokenizer(String name, Rules rules) {
    return new TextAnalyzer(standardNormalizer(rules.lexicons()), tokenizer(name), rules);
  }

  /** The tokenizer a feature setting names: "forum" or "ud". */
  public static Tokenizer tokenizer(String name) {
    return switch (name) {
      case "forum" -> ForumTokenizer.INSTANCE;
      case "ud" -> new UdTokenizer();
      default -> throw new IllegalArgumentException("unknown tokenizer: " + name);
    };
  }

  /** The normalisation chain every model uses, with its word lists from {@code lexicons}. */
  public static Normalizer standardNormalizer(Lexicons lexicons) {
    return Normalizer.standard(lexicons::isAgencyHandle, lexicons.deobfuscationVocabulary());
  }

  /** The cue dictionary this analyzer annotates with. */
  public CueMatcher cueMatcher() {
    return cues;
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
  public AnalyzedText withMarks(String original, MappedText normalized, String[] tokens,
      Span[] spans, int[] sentence) {
    boolean[] quoted = Quotes.doubleQuoted(tokens);
    quotes.markBlocks(normalized.text(), spans, tokens, sentence, quoted);
    boolean[] named = names.find(original, normalized, spans, tokens, sentence);
    List<CueMatcher.CueMatch> matches = cues.match(tokens, named);
    return new AnalyzedText(original, normalized, tokens, spans, sentence, quoted,
        NegationScope.mark(tokens, sentence, matches),
        condemned.mark(tokens, sentence, quoted, matches), matches);
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
