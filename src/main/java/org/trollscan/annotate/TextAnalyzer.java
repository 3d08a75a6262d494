package org.trollscan.annotate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;
import org.trollscan.normalize.MappedText;
import org.trollscan.normalize.Normalizer;
import org.trollscan.rules.Lexicons;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;
import org.trollscan.rules.StepSettings.Setting;
import org.trollscan.tokenize.ForumTokenizer;
import org.trollscan.tokenize.TokenCase;
import org.trollscan.tokenize.UdTokenizer;

/**
 * Normalises, tokenizes and annotates a post: the stages in front of feature generation, built
 * from one model's rules. Tokenization writes the tokens, their spans, sentences and case as
 * written ({@link Annotation#TOKENIZED}); the annotators ({@link Annotator}) then run in this
 * order over the post's one {@link Annotation}, each reading what the ones before it wrote, as
 * each declares: quotes, names, cues, negation, condemnation. Immutable and thread-safe.
 */
public final class TextAnalyzer {
  private final Normalizer normalizer;
  private final Tokenizer tokenizer;
  private final CueMatcher cues;
  /** In the order they run; each one's requirements are provided before it (checked). */
  private final List<Annotator> annotators;
  /** Every key a finished post holds. */
  private final Set<Annotation.Key<?>> provided;

  /** An analyzer whose annotators have the default step settings. */
  public TextAnalyzer(Normalizer normalizer, Tokenizer tokenizer, Rules rules) {
    this(normalizer, tokenizer, rules, StepSettings.defaults());
  }

  /** The standard chain of annotators over a model's rules and step settings. */
  public TextAnalyzer(Normalizer normalizer, Tokenizer tokenizer, Rules rules,
      StepSettings settings) {
    this(normalizer, tokenizer, new CueMatcher(rules), rules, settings);
  }

  private TextAnalyzer(Normalizer normalizer, Tokenizer tokenizer, CueMatcher cues, Rules rules,
      StepSettings settings) {
    this(normalizer, tokenizer, cues, List.of(
        new Quotes(rules, settings.whole(Setting.QUOTES_AGREEMENT_MAX_WORDS)),
        new NameTargets(rules, cues, settings.whole(Setting.NAMES_TITLE_CASE_MIN_WORDS),
            settings.whole(Setting.NAMES_TITLE_CASE_ONE_IN)),
        cues,
        new NegationScope(rules, settings.whole(Setting.NEGATION_MAX_TOKENS)),
        new CondemnedActScope(rules, settings.whole(Setting.CONDEMNATION_VERDICT_MAX_WORDS))));
  }

  /**
   * An analyzer with its own chain of annotators, in the order they run, which is checked; {@code
   * cues} is the cue dictionary the chain annotates with (the cue features need its names).
   */
  public TextAnalyzer(Normalizer normalizer, Tokenizer tokenizer, CueMatcher cues,
      List<Annotator> annotators) {
    this.normalizer = normalizer;
    this.tokenizer = tokenizer;
    this.cues = cues;
    this.annotators = checked(annotators);
    Set<Annotation.Key<?>> keys = new LinkedHashSet<>(Annotation.TOKENIZED);
    annotators.forEach(a -> keys.addAll(a.provides()));
    this.provided = Collections.unmodifiableSet(keys);
  }

  /** Every key a post this analyzer finishes holds: tokenization's, then each annotator's. */
  public Set<Annotation.Key<?>> provides() {
    return provided;
  }

  /**
   * The annotators, if each one's requirements are provided by the tokenization or an annotator
   * before it; an annotator providing a key twice is refused too.
   */
  static List<Annotator> checked(List<Annotator> chain) {
    Set<Annotation.Key<?>> provided = new HashSet<>(Annotation.TOKENIZED);
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
    List<String> names = new ArrayList<>();
    names.add("sentences");
    annotators.forEach(a -> names.add(a.name()));
    return names;
  }

  /**
   * The analyzer for a tokenizer name in the feature settings ("forum" or "ud"), with the default
   * step settings.
   */
  public static TextAnalyzer forTokenizer(String name, Rules rules) {
    return forTokenizer(name, rules, StepSettings.defaults());
  }

  /** The analyzer for a tokenizer name, a model's rules and its step settings. */
  public static TextAnalyzer forTokenizer(String name, Rules rules, StepSettings settings) {
    return new TextAnalyzer(standardNormalizer(rules.lexicons(), settings), tokenizer(name),
        rules, settings);
  }

  /** The tokenizer a feature setting names: "forum" or "ud". */
  public static Tokenizer tokenizer(String name) {
    return switch (name) {
      case "forum" -> ForumTokenizer.INSTANCE;
      case "ud" -> new UdTokenizer();
      default -> throw new IllegalArgumentException("unknown tokenizer: " + name);
    };
  }

  /**
   * The normalisation chain every model uses, with its word lists from {@code lexicons} and the
   * default step settings.
   */
  public static Normalizer standardNormalizer(Lexicons lexicons) {
    return standardNormalizer(lexicons, StepSettings.defaults());
  }

  /** The normalisation chain with a model's word lists, character tables and step settings. */
  public static Normalizer standardNormalizer(Lexicons lexicons, StepSettings settings) {
    return Normalizer.standard(lexicons.characterTables(), lexicons::isAgencyHandle,
        lexicons.deobfuscationVocabulary(),
        new Normalizer.Settings(settings.whole(Setting.SPACED_LETTERS_MIN_LETTERS),
            settings.whole(Setting.SPACED_LETTERS_MIN_JOINED_LETTERS),
            settings.whole(Setting.ELONGATION_MAX_RUN)));
  }

  /** The cue dictionary this analyzer annotates with. */
  public CueMatcher cueMatcher() {
    return cues;
  }

  /** Normalises, tokenizes and annotates one post. */
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
    return annotate(original, normalized, tokens, spans, sentence);
  }

  /**
   * Runs the annotators over tokens already cut, with their spans in {@code normalized} and their
   * sentences; the case of each token is read from {@code original} through the offset map. The
   * finished post is sealed.
   */
  public AnalyzedText annotate(String original, MappedText normalized, String[] tokens,
      Span[] spans, int[] sentence) {
    Annotation post = new Annotation(original, normalized, tokens, spans, sentence,
        TokenCase.of(original, normalized, tokens, spans));
    for (Annotator a : annotators) {
      a.annotate(post);
    }
    return new AnalyzedText(post);
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
