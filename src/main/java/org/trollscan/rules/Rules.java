package org.trollscan.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every lexicon, word list and rule table that changes a feature or an evidence phrase: the
 * rule data of one model. Training reads it from this trollscan's rule files (the source tree's
 * {@code src/main/resources/org/trollscan/rules/}, {@link #fromClasspath()}) and writes the files
 * into the bundle; scoring reads it from the bundle only, so a model scores the same whatever
 * rule files a later trollscan ships. The format of the files is in docs/model-bundle.md ("Rule
 * files"). Immutable and thread-safe.
 */
public final class Rules {
  public static final String CUES = "cues.txt";
  public static final String DEOBFUSCATION = "deobfuscation-extra.txt";
  public static final String AGENCY_HANDLES = "agency-handles.txt";
  public static final String NOT_NAMES = "not-names.txt";
  public static final String PLACE_WORDS = "place-words.txt";
  public static final String SCOPE_ONLY = "scope-only-sections.txt";
  public static final String CLITICS = "clitics.txt";
  public static final String AGREEMENT = "agreement.txt";
  public static final String NO_NAME_AFTER = "no-name-after.txt";
  public static final String VERDICT_FILLERS = "verdict-fillers.txt";
  public static final String IT_IS = "it-is.txt";
  public static final String CUE_PAIRS = "cue-pairs.txt";
  public static final String ABSENCE = "absence.txt";
  public static final String NEGATABLE = "negatable-cues.txt";
  public static final String AIMLESS = "aimless-cues.txt";
  public static final String AUXILIARIES = "auxiliaries.txt";
  public static final String PASSIVE_AUXILIARIES = "passive-auxiliaries.txt";
  public static final String CONDITIONALS = "conditionals.txt";
  public static final String PERSON_OBJECTS = "person-objects.txt";
  public static final String AFTER_OBJECT_HER = "after-object-her.txt";
  public static final String CAUSATIVES = "causatives.txt";
  public static final String FUNCTION_WORDS = "function-words.txt";

  /** Every rule file a model has, in the order bundles list them. */
  public static final List<String> FILES = List.of(CUES, DEOBFUSCATION, AGENCY_HANDLES,
      NOT_NAMES, PLACE_WORDS, SCOPE_ONLY, CLITICS, AGREEMENT, NO_NAME_AFTER, VERDICT_FILLERS,
      IT_IS, CUE_PAIRS, ABSENCE, NEGATABLE, AIMLESS, AUXILIARIES, PASSIVE_AUXILIARIES,
      CONDITIONALS, PERSON_OBJECTS, AFTER_OBJECT_HER, CAUSATIVES, FUNCTION_WORDS);

  /** The largest rule file read (cues.txt has about 40 kB). */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** A line of a rule file that holds something: its number (from 1) and its stripped text. */
  public record Line(int number, String text) {}

  private final Map<String, byte[]> files;
  private final Lexicons lexicons;
  private final Map<String, Set<String>> wordSets = new LinkedHashMap<>();
  private final List<String[]> cuePairs;
  private final List<String[]> absence;

  private Rules(Map<String, byte[]> files) {
    this.files = files;
    Map<String, List<Line>> lines = new LinkedHashMap<>();
    files.forEach((name, bytes) -> lines.put(name, lines(name, bytes)));
    this.lexicons = Lexicons.parse(lines.get(CUES), lines.get(DEOBFUSCATION),
        lines.get(AGENCY_HANDLES), lines.get(NOT_NAMES), lines.get(PLACE_WORDS));
    for (String set : List.of(SCOPE_ONLY, CLITICS, AGREEMENT, NO_NAME_AFTER, VERDICT_FILLERS,
        IT_IS, NEGATABLE, AIMLESS, AUXILIARIES, PASSIVE_AUXILIARIES, CONDITIONALS, PERSON_OBJECTS,
        AFTER_OBJECT_HER, CAUSATIVES, FUNCTION_WORDS)) {
      wordSets.put(set, wordSet(set, lines.get(set)));
    }
    Set<String> sections = lexicons.phrasesByCue().keySet();
    for (Line l : lines.get(SCOPE_ONLY)) {
      if (!sections.contains(l.text())) {
        throw new RuleException(SCOPE_ONLY, l.number(), "'" + l.text() + "' is no section of "
            + CUES);
      }
    }
    List<String> cues = sections.stream().filter(this::isFeatureCue).toList();
    for (String set : List.of(NEGATABLE, AIMLESS)) {
      for (Line l : lines.get(set)) {
        checkCue(set, l, l.text(), cues);
      }
    }
    this.cuePairs = table(CUE_PAIRS, lines.get(CUE_PAIRS), 2, 2, 0, cues);
    this.absence = table(ABSENCE, lines.get(ABSENCE), 2, Integer.MAX_VALUE, 1, cues);
  }

  /**
   * The rules in rule files, by file name ({@link #FILES}, every one of them and nothing else).
   *
   * @throws RuleException naming the file and line of the first fault
   */
  public static Rules parse(Map<String, byte[]> files) {
    for (String name : files.keySet()) {
      if (!FILES.contains(name)) {
        throw new RuleException(name, 0, "not a rule file of this trollscan (it knows "
            + String.join(", ", FILES) + ")");
      }
    }
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    for (String name : FILES) {
      byte[] bytes = files.get(name);
      if (bytes == null) {
        throw new RuleException(name, 0, "missing");
      }
      ordered.put(name, bytes.clone());
    }
    return new Rules(java.util.Collections.unmodifiableMap(ordered));
  }

  /** The rule files of this trollscan, read once: what training writes into a new bundle. */
  public static Rules fromClasspath() {
    return Shipped.RULES;
  }

  private static final class Shipped {
    static final Rules RULES = parse(readClasspath());
  }

  private static Map<String, byte[]> readClasspath() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILES) {
      try (InputStream in = Rules.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("rule file " + name + " is not in this build");
        }
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** The rule files in a directory (each of {@link #FILES}), e.g. a copy edited for a trial. */
  public static Rules fromDirectory(Path dir) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new RuleException(file.toString(), 0, "missing");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new RuleException(file.toString(), 0, "larger than " + MAX_FILE_BYTES + " bytes");
      }
      files.put(name, Files.readAllBytes(file));
    }
    return parse(files);
  }

  /** The files these rules were read from, by name in {@link #FILES} order; do not modify. */
  public Map<String, byte[]> files() {
    return files;
  }

  public Lexicons lexicons() {
    return lexicons;
  }

  /** One of the word lists ({@link #AGREEMENT}, {@link #FUNCTION_WORDS}, ...) as a set. */
  public Set<String> words(String file) {
    Set<String> words = wordSets.get(file);
    if (words == null) {
      throw new IllegalArgumentException(file + " is not a word list");
    }
    return words;
  }

  /** The cue pairs of {@link #CUE_PAIRS}, in file order, each two cue names. */
  public List<String[]> cuePairs() {
    return cuePairs;
  }

  /**
   * The absence features of {@link #ABSENCE}, in file order: the feature's name, then the cues
   * whose presence rules it out.
   */
  public List<String[]> absence() {
    return absence;
  }

  /**
   * Whether a section of {@code cues.txt} is a cue of its own, not a scope delimiter listed in
   * {@link #SCOPE_ONLY} or an exception list ({@code not_CUE}).
   */
  public boolean isFeatureCue(String section) {
    return !words(SCOPE_ONLY).contains(section) && !section.startsWith(Lexicons.EXCEPTIONS);
  }

  /**
   * A rule file's lines that hold something, stripped: blank lines and lines starting with "#"
   * are comments. The file must be UTF-8 without control characters other than tab and line ends.
   */
  public static List<Line> lines(String file, byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RuleException(file, 0, "not UTF-8 text");
    }
    List<Line> out = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\r') {
          throw new RuleException(file, number, String.format(
              "holds the control character U+%04X", (int) c));
        }
      }
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        out.add(new Line(number, stripped));
      }
    }
    return out;
  }

  /** The texts of lines, in order. */
  public static List<String> texts(List<Line> lines) {
    List<String> out = new ArrayList<>(lines.size());
    lines.forEach(l -> out.add(l.text()));
    return out;
  }

  private static Set<String> wordSet(String file, List<Line> lines) {
    for (Line l : lines) {
      if (l.text().indexOf(' ') >= 0 || l.text().indexOf('\t') >= 0) {
        throw new RuleException(file, l.number(), "'" + l.text()
            + "' is more than one word; a word list holds one word per line");
      }
    }
    return Set.copyOf(texts(lines));
  }

  /**
   * A table of cue names, {@code min} to {@code max} per line, separated by single spaces; the
   * words from {@code firstCue} on must be feature cues.
   */
  private static List<String[]> table(String file, List<Line> lines, int min, int max,
      int firstCue, List<String> cues) {
    List<String[]> rows = new ArrayList<>();
    for (Line l : lines) {
      String[] words = l.text().split(" ");
      if (words.length < min || words.length > max) {
        throw new RuleException(file, l.number(), "'" + l.text() + "' has " + words.length
            + " words; allowed: " + (min == max ? "exactly " + min : "at least " + min)
            + ", separated by single spaces");
      }
      for (int k = firstCue; k < words.length; k++) {
        checkCue(file, l, words[k], cues);
      }
      rows.add(words);
    }
    return List.copyOf(rows);
  }

  private static void checkCue(String file, Line l, String word, List<String> cues) {
    if (!cues.contains(word)) {
      throw new RuleException(file, l.number(), "'" + word + "' is no cue of " + CUES
          + " (a section that is not scope-only or an exception list)");
    }
  }
}
