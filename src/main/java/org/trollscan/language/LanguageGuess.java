package org.trollscan.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Guesses a post's language with OpenNLP's language detector (the
 * {@code opennlp-models-langdetect} artifact), in ISO 639-1 two-letter codes where there is one
 * (what Perspective answers with), else the detector's ISO 639-3 code. {@code serve} uses it to
 * refuse what is not English, {@code score --detect-language} for its {@code language} column.
 * The model takes seconds to read, so it is read on a background thread (once the server is up,
 * or while a run reads its first posts); only a post that needs a guess waits for it.
 *
 * <p>The detector costs more than scoring (tens of microseconds warm, seconds to load), and most
 * comments sent here are English: a comment in which at least a quarter of the words, and at
 * least two, are among the commonest English words that other languages do not share
 * ({@link #ENGLISH_WORDS}) is English without asking it.
 *
 * <p>Short comments are where detectors fail (on "you idiot" it guesses Swahili, at a confidence
 * barely above chance), and a moderation service that refused them would be useless: a comment
 * with fewer than {@link #MIN_LETTERS} letters, or whose best guess is not clearly ahead of
 * English, counts as English.
 */
public final class LanguageGuess {
  /** Below this many letters the detector's guess is noise. */
  static final int MIN_LETTERS = 20;
  /** Another language must score this many times English's confidence to count. */
  static final double MARGIN = 1.25;
  /** Common English words, leaving out those common in other languages ("me", "he", "in"). */
  static final java.util.Set<String> ENGLISH_WORDS = java.util.Set.of(
      "the", "and", "you", "your", "is", "are", "was", "were", "of", "her", "his", "she", "it",
      "that", "this", "with", "what", "have", "has", "not", "they", "them", "be", "will",
      "would", "should", "just", "about", "because", "who", "my", "we", "our", "i'm", "don't",
      "can't", "it's", "if", "at", "from", "or", "but", "get", "out", "all", "like", "know",
      "think", "people", "him", "for", "been", "there", "their", "she's", "he's", "you're",
      "someone", "everyone", "can", "how", "why", "when", "off", "up", "lol");
  private static final java.util.regex.Pattern NON_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}']+");
  private static final String RESOURCE = "/langdetect-183.bin";
  private static final Map<String, String> TWO_LETTER = Map.ofEntries(
      Map.entry("eng", "en"), Map.entry("deu", "de"), Map.entry("fra", "fr"),
      Map.entry("spa", "es"), Map.entry("ita", "it"), Map.entry("por", "pt"),
      Map.entry("nld", "nl"), Map.entry("rus", "ru"), Map.entry("pol", "pl"),
      Map.entry("swe", "sv"), Map.entry("dan", "da"), Map.entry("nob", "no"),
      Map.entry("fin", "fi"), Map.entry("ces", "cs"), Map.entry("tur", "tr"),
      Map.entry("ara", "ar"), Map.entry("cmn", "zh"), Map.entry("jpn", "ja"),
      Map.entry("kor", "ko"), Map.entry("hin", "hi"), Map.entry("ind", "id"),
      Map.entry("ukr", "uk"), Map.entry("ell", "el"), Map.entry("heb", "he"),
      Map.entry("hun", "hu"), Map.entry("ron", "ro"), Map.entry("cat", "ca"),
      Map.entry("vie", "vi"), Map.entry("tha", "th"), Map.entry("fas", "fa"));

  private final CompletableFuture<LanguageDetectorModel> model;
  /** The model is shared; a detector is not documented as thread-safe, so one per thread. */
  private final ThreadLocal<LanguageDetectorME> detector;

  private LanguageGuess(CompletableFuture<LanguageDetectorModel> model) {
    this.model = model;
    this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model.join()));
  }

  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** A guesser whose model is read on first need or on {@link #startLoading}. */
  public static LanguageGuess notLoaded() {
    return new LanguageGuess(new CompletableFuture<>());
  }

  /** A guesser whose model is already being read on a background thread. */
  public static LanguageGuess loadInBackground() {
    LanguageGuess g = notLoaded();
    g.startLoading();
    return g;
  }

  /** Starts reading the model on a background (daemon) thread, once. */
  public void startLoading() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        model.complete(read());
      } catch (RuntimeException | Error e) {
        model.completeExceptionally(e);
      }
    }, "trollscan-langdetect-load");
    t.setDaemon(true);
    t.start();
  }

  private static LanguageDetectorModel read() {
    try (InputStream in = LanguageGuess.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("language model not on the classpath: " + RESOURCE);
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the model is read (at start-up, so that the first request does not). */
  public void await() {
    startLoading();
    model.join();
  }

  /**
   * The comment's languages, most likely first: {@code ["en"]} for English, short or unclear
   * text; otherwise the detector's best guess, in two letters where Perspective has them.
   */
  public List<String> guess(String text) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    if (letters < MIN_LETTERS || looksEnglish(text)) {
      return List.of("en");
    }
    startLoading();
    Language[] ranked = detector.get().predictLanguages(text);
    Language best = ranked[0];
    if (best.getLang().equals("eng")) {
      return List.of("en");
    }
    double english = 0;
    for (Language l : ranked) {
      if (l.getLang().equals("eng")) {
        english = l.getConfidence();
        break;
      }
    }
    if (best.getConfidence() < MARGIN * english) {
      return List.of("en");
    }
    return List.of(TWO_LETTER.getOrDefault(best.getLang(), best.getLang()));
  }

  /** The post's most likely language: the first of {@link #guess}. */
  public String language(String text) {
    return guess(text).get(0);
  }

  static boolean looksEnglish(String text) {
    int words = 0;
    int english = 0;
    for (String w : NON_WORD.split(text.toLowerCase(java.util.Locale.ROOT))) {
      if (w.isEmpty()) {
        continue;
      }
      words++;
      if (ENGLISH_WORDS.contains(w)) {
        english++;
      }
    }
    return english >= 2 && english * 4 >= words;
  }

  /** Whether a language code a client gave means English ("en", "en-GB", "EN"). */
  public static boolean isEnglish(String code) {
    String c = code.strip().toLowerCase(java.util.Locale.ROOT);
    return c.equals("en") || c.startsWith("en-") || c.startsWith("en_") || c.equals("eng");
  }
}
