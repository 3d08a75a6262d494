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
 * from one model's rules. The annotators ({@link Annotator}) run in this order over one {@link
 * Annotation} per post, each reading what the ones before it wrote, as each declares: sentences
 * (from the tokens), quotes, names, cues, negation, condemnation. Immutable and thread-safe.
 */
public final class TextAnalyzer {
  private final Normalizer normalizer;
  private final Tokenizer tokenizer;
  private final CueMatcher cues;
  /** In the order they run; each one's requirements are provided before it (checked). */
  private final List<Annotator> annotators;

  public TextAnalyzer(Normalizer normalizer, Tokenizer tokenizer, Rules rules) {
    this.normalizer = normalizer;
    this.tokenizer = tokenizer;
    this.cues = new CueMatcher(rules);
    this.annotators = checked(List.of(new Quotes(rules), new NameTargets(rules, cues), cues,
        new NegationScope(), new CondemnedActScope(rules)));
  }

  /**
   * The annotators, if each one's requirements are provided by the tokenization or an annotator
   * before it; an annotator providing a key twice is refused too.
   */
  static List<Annotator> checked(List<Annotator> chain) {
    java.util.Set<Annotation.Key<?>> provided = new java.util.HashSet<>(Annotation.TOKENIZED);
    for (Annotator a : chain) {
      for (Annotation.Key<?> key : a.requires()) {
        if (!provided.contains(key)) {
          throw new IllegalStateException(a.name() + " requires " + key
              + ", which no stage before it provides");
        }
      }
      for (Annotation.Key<?> key : a.provides()) {
        if (!provided.add(key)) {
          throw new IllegalStateException(a.name() + " provides " + key + " again");
        }
      }
    }
    return List.copyOf(chain);
  }

  /**
   * The stages after tokenization, in order, as the bundle's pipeline names them: "sentences"
   * (which tokenization marks), then each annotator.
   */
  public List<String> annotatorNames() {
    List<String> names = new java.util.ArrayList<>();
    names.add("sentences");
    annotators.forEach(a -> names.add(a.name()));
    return names;
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
    return Normalizer.standard(lexicons.characterTables(), lexicons::isAgencyHandle,
        lexicons.deobfuscationVocabulary());
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
    Annotation post = new Annotation(original, normalized, tokens, spans, sentence);
    for (Annotator a : annotators) {
      a.annotate(post);
    }
    return new AnalyzedText(original, normalized, tokens, spans, sentence,
        post.get(Annotation.QUOTED), post.get(Annotation.NEGATED),
        post.get(Annotation.CONDEMNED), post.get(Annotation.CUES));
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
