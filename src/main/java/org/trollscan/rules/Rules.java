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
import org.trollscan.normalize.CaseFoldStep;
import org.trollscan.normalize.CharacterTables;
import org.trollscan.normalize.MarkupStep;
import org.trollscan.normalize.ObfuscationStep;

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
  public static final String HTML_BREAKING_TAGS = "html-breaking-tags.txt";
  public static final String HTML_INLINE_TAGS = "html-inline-tags.txt";
  public static final String QUOTE_MARKS = "quote-marks.txt";
  public static final String LEET = "leet.txt";
  public static final String NEGATION_ENDS = "negation-ends.txt";
  public static final String QUOTE_BLOCK_MARKERS = "quote-block-markers.txt";
  public static final String PLURAL_ENDINGS = "plural-endings.txt";
  public static final String VERDICT_THAT = "verdict-that.txt";
  public static final String OBJECT_OR_POSSESSIVE = "object-or-possessive.txt";

  /** Every rule file a model has, in the order bundles list them. */
  public static final List<String> FILES = List.of(CUES, DEOBFUSCATION, AGENCY_HANDLES,
      NOT_NAMES, PLACE_WORDS, SCOPE_ONLY, CLITICS, AGREEMENT, NO_NAME_AFTER, VERDICT_FILLERS,
      IT_IS, CUE_PAIRS, ABSENCE, NEGATABLE, AIMLESS, AUXILIARIES, PASSIVE_AUXILIARIES,
      CONDITIONALS, PERSON_OBJECTS, AFTER_OBJECT_HER, CAUSATIVES, FUNCTION_WORDS,
      HTML_BREAKING_TAGS, HTML_INLINE_TAGS, QUOTE_MARKS, LEET, NEGATION_ENDS, QUOTE_BLOCK_MARKERS,
      PLURAL_ENDINGS, VERDICT_THAT, OBJECT_OR_POSSESSIVE);

  /**
   * The rule files that format 3 bundles trained before they were rule files lack (the shipped
   * model lacks all of them), because these tables were Java code then, each with the SHA-256 of
   * that table ({@link #tableDigest}): the character tables, and the grammar words and endings
   * that became files later on 7 December 2026. Such a bundle is scored with this trollscan's
   * copy of the file, which must hold exactly that table: {@link #ofBundle} checks the digest,
   * and a test pins it, so an edit of the file cannot silently change those bundles' scores
   * (docs/model-bundle.md, "Bundles without the character tables or grammar words").
   */
  public static final Map<String, String> TABLES_OLDER_BUNDLES_LACK = orderedMap(
      HTML_BREAKING_TAGS, "39289f238eacc1437998ba34f0fe658203c022085de05cd0183513a1a1ec5386",
      HTML_INLINE_TAGS, "87cff87ef41696adccc804093637023622576d98239c14ac3d1aca74391bf1f4",
      QUOTE_MARKS, "f02cc049734469fce59edaddf18fcea2470f864e1f9cf74f7347bf7177c6760a",
      LEET, "ac87eb297f90a5f1b1640d6158501612c917753055d78d3e27b3b6c08d7107e2",
      NEGATION_ENDS, "cdc29937887188ad3702d1831d5b7ec66333a2a909e1f242432eb168d4c7b08b",
      QUOTE_BLOCK_MARKERS, "9e526b58baff42d1f7820224d10866d6cf1f99c58cb70f6ab18875ca9bb38e6e",
      PLURAL_ENDINGS, "2a095c328cd83b06c6f287763854cb28cb789ab1dfb02c145fd22e04e25d5d71",
      VERDICT_THAT, "8e7fc0236af43df9340685fc16f1efe36543cc1707051220a103ad99cf69a2df",
      OBJECT_OR_POSSESSIVE, "354cbfc814262a7a81d343f7d6ebc4adfb4266e5081a78f6a19ff16802dce8b2");

  /** The largest rule file read (cues.txt has about 40 kB). */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** The separator between the two texts of a {@link #QUOTE_BLOCK_MARKERS} line. */
  public static final String MARKER_SEPARATOR = " ... ";

  /** A line of a rule file that holds something: its number (from 1) and its stripped text. */
  public record Line(int number, String text) {}

  private final Map<String, byte[]> files;
  private final Lexicons lexicons;
  private final Map<String, Set<String>> wordSets = new LinkedHashMap<>();
  private final List<String[]> cuePairs;
  private final List<String[]> absence;
  private final List<QuoteBlockMarker> quoteBlockMarkers;
  private final WordEndings pluralEndings;

  private Rules(Map<String, byte[]> files) {
    this.files = files;
    Map<String, List<Line>> lines = new LinkedHashMap<>();
    files.forEach((name, bytes) -> lines.put(name, lines(name, bytes)));
    for (String set : List.of(SCOPE_ONLY, CLITICS, AGREEMENT, NO_NAME_AFTER, VERDICT_FILLERS,
        IT_IS, NEGATABLE, AIMLESS, AUXILIARIES, PASSIVE_AUXILIARIES, CONDITIONALS, PERSON_OBJECTS,
        AFTER_OBJECT_HER, CAUSATIVES, FUNCTION_WORDS, HTML_BREAKING_TAGS, HTML_INLINE_TAGS,
        NEGATION_ENDS, VERDICT_THAT, OBJECT_OR_POSSESSIVE)) {
      wordSets.put(set, wordSet(set, lines.get(set)));
    }
    this.lexicons = Lexicons.parse(lines.get(CUES), lines.get(DEOBFUSCATION),
        lines.get(AGENCY_HANDLES), lines.get(NOT_NAMES), lines.get(PLACE_WORDS),
        new CharacterTables(markupTags(lines.get(HTML_BREAKING_TAGS),
            lines.get(HTML_INLINE_TAGS)), quoteMarks(lines.get(QUOTE_MARKS)),
            leet(lines.get(LEET))));
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
    this.quoteBlockMarkers = quoteBlockMarkers(lines.get(QUOTE_BLOCK_MARKERS));
    this.pluralEndings = endings(PLURAL_ENDINGS, lines.get(PLURAL_ENDINGS));
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

  /**
   * The rules in a bundle's rule entries: as {@link #parse}, except that a file of {@link
   * #TABLES_OLDER_BUNDLES_LACK} the bundle lacks is this trollscan's copy, which must hold the
   * table such bundles were trained with.
   *
   * @throws RuleException naming the file and line of the first fault
   * @throws IllegalStateException if this trollscan's copy of such a file holds another table (a
   *     build that changed it without keeping the old table for older bundles: a bug)
   */
  public static Rules ofBundle(Map<String, byte[]> files) {
    Map<String, byte[]> completed = new LinkedHashMap<>(files);
    for (String file : TABLES_OLDER_BUNDLES_LACK.keySet()) {
      if (!files.containsKey(file)) {
        completed.put(file, tableOlderBundlesLack(file));
      }
    }
    return parse(completed);
  }

  /**
   * This trollscan's copy of a file of {@link #TABLES_OLDER_BUNDLES_LACK}, checked to hold the
   * table of that time: what bundles that lack the file (and format 1 and 2 bundles, converted)
   * were trained with.
   *
   * @throws IllegalStateException if it holds another table (a bug of the build)
   */
  public static byte[] tableOlderBundlesLack(String file) {
    String pinned = TABLES_OLDER_BUNDLES_LACK.get(file);
    byte[] ours = Shipped.FILES.get(file);
    String digest = tableDigest(file, ours);
    if (!digest.equals(pinned)) {
      throw new IllegalStateException("this trollscan's rules/" + file + " holds another table"
          + " (SHA-256 " + digest + ") than the one bundles without it were trained with ("
          + pinned + "); keep that table for them (docs/model-bundle.md, \"Bundles without the"
          + " character tables or grammar words\")");
    }
    return ours;
  }

  /**
   * The SHA-256 of a rule file's table: its lines that hold something, stripped and joined by
   * "\n", so that comments and blank lines can change without changing the digest.
   */
  public static String tableDigest(String file, byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(
          "SHA-256").digest(String.join("\n", texts(lines(file, bytes)))
          .getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rule files of this trollscan, read once: what training writes into a new bundle. */
  public static Rules fromClasspath() {
    return Shipped.RULES;
  }

  private static final class Shipped {
    static final Map<String, byte[]> FILES = readClasspath();
    static final Rules RULES = parse(FILES);
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
   * The text around a quoted post that forums write ({@link #QUOTE_BLOCK_MARKERS}), in file
   * order.
   */
  public List<QuoteBlockMarker> quoteBlockMarkers() {
    return quoteBlockMarkers;
  }

  /** The endings that make a capitalised word a plural, not a name ({@link #PLURAL_ENDINGS}). */
  public WordEndings pluralEndings() {
    return pluralEndings;
  }

  /**
   * A forum's text around a quoted post, as the normalised post holds it: {@code opener} on the
   * line that opens the quote ("said:"), {@code closer} after the quoted words ("click to
   * expand").
   */
  public record QuoteBlockMarker(String opener, String closer) {}

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

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /** The two tag lists, each a lower-case tag name per line, no tag in both. */
  private static MarkupStep.Tags markupTags(List<Line> breaking, List<Line> inline) {
    Set<String> seen = new java.util.HashSet<>();
    for (String file : List.of(HTML_BREAKING_TAGS, HTML_INLINE_TAGS)) {
      for (Line l : file.equals(HTML_BREAKING_TAGS) ? breaking : inline) {
        if (!MarkupStep.Tags.isTagName(l.text())) {
          throw new RuleException(file, l.number(), "'" + l.text() + "' is no tag name; allowed:"
              + " a lower-case letter, then lower-case letters or digits, at most "
              + MarkupStep.MAX_TAG_NAME + " characters");
        }
        if (!seen.add(l.text()) && file.equals(HTML_INLINE_TAGS)) {
          throw new RuleException(file, l.number(), "'" + l.text() + "' is in "
              + HTML_BREAKING_TAGS + " too; a tag breaks a line or not");
        }
      }
    }
    return new MarkupStep.Tags(Set.copyOf(texts(breaking)), Set.copyOf(texts(inline)));
  }

  /** The quote marks: a character, then ' or ", per line. */
  private static Map<Character, Character> quoteMarks(List<Line> lines) {
    Map<Character, Character> marks = new LinkedHashMap<>();
    for (Line l : lines) {
      String[] words = l.text().split(" ");
      if (words.length != 2) {
        throw new RuleException(QUOTE_MARKS, l.number(), "'" + l.text() + "' has "
            + words.length + " words; allowed: a character and the mark it is written as,"
            + " separated by a single space");
      }
      if (words[0].length() != 1 || !CaseFoldStep.canFold(words[0].charAt(0))) {
        throw new RuleException(QUOTE_MARKS, l.number(), "'" + words[0] + "' cannot be"
            + " written as a mark; allowed: one character but a space, #, ' and \"");
      }
      if (!words[1].equals("'") && !words[1].equals("\"")) {
        throw new RuleException(QUOTE_MARKS, l.number(), "'" + words[1] + "' is no mark;"
            + " allowed: ' or \"");
      }
      if (marks.put(words[0].charAt(0), words[1].charAt(0)) != null) {
        throw new RuleException(QUOTE_MARKS, l.number(), "'" + words[0] + "' is listed twice");
      }
    }
    return marks;
  }

  /** The leet table: a character, its letter and maybe a second letter per line. */
  private static ObfuscationStep.Leet leet(List<Line> lines) {
    Map<Character, Character> letters = new LinkedHashMap<>();
    Map<Character, Character> second = new LinkedHashMap<>();
    for (Line l : lines) {
      String[] words = l.text().split(" ");
      if (words.length < 2 || words.length > 3) {
        throw new RuleException(LEET, l.number(), "'" + l.text() + "' has " + words.length
            + " words; allowed: a character, its letter and maybe a second letter, separated by"
            + " single spaces");
      }
      if (words[0].length() != 1 || !ObfuscationStep.Leet.isMaskable(words[0].charAt(0))) {
        throw new RuleException(LEET, l.number(), "'" + words[0] + "' cannot stand for a"
            + " letter; allowed: one character that is no letter, no space, not # and not "
            + ObfuscationStep.ANY_LETTER);
      }
      for (int k = 1; k < words.length; k++) {
        if (words[k].length() != 1 || !Character.isLetter(words[k].charAt(0))
            || !Character.isLowerCase(words[k].charAt(0))) {
          throw new RuleException(LEET, l.number(), "'" + words[k] + "' is no lower-case"
              + " letter");
        }
      }
      char c = words[0].charAt(0);
      if (letters.put(c, words[1].charAt(0)) != null) {
        throw new RuleException(LEET, l.number(), "'" + c + "' is listed twice");
      }
      if (words.length == 3) {
        second.put(c, words[2].charAt(0));
      }
    }
    return new ObfuscationStep.Leet(letters, second);
  }

  /** The quote block markers: an opener, " ... " and a closer per line, in lower case. */
  private static List<QuoteBlockMarker> quoteBlockMarkers(List<Line> lines) {
    List<QuoteBlockMarker> markers = new ArrayList<>();
    for (Line l : lines) {
      String text = l.text();
      int at = text.indexOf(MARKER_SEPARATOR);
      if (at <= 0 || at + MARKER_SEPARATOR.length() >= text.length()
          || text.indexOf(MARKER_SEPARATOR, at + 1) >= 0) {
        throw new RuleException(QUOTE_BLOCK_MARKERS, l.number(), "'" + text + "' is not"
            + " OPENER" + MARKER_SEPARATOR + "CLOSER; allowed: the text that opens a quote, \""
            + MARKER_SEPARATOR + "\" once, and the text that closes it");
      }
      String opener = text.substring(0, at);
      String closer = text.substring(at + MARKER_SEPARATOR.length());
      for (String marker : List.of(opener, closer)) {
        if (!marker.equals(marker.strip()) || marker.indexOf('\t') >= 0
            || !marker.equals(marker.toLowerCase(java.util.Locale.ROOT))) {
          throw new RuleException(QUOTE_BLOCK_MARKERS, l.number(), "'" + marker + "' cannot"
              + " be in a normalised post; allowed: lower-case text without tabs or white"
              + " space around it");
        }
      }
      markers.add(new QuoteBlockMarker(opener, closer));
    }
    return List.copyOf(markers);
  }

  /** Word endings: "+" or "-", a space and an ending per line, each ending once. */
  private static WordEndings endings(String file, List<Line> lines) {
    List<WordEndings.Ending> endings = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Line l : lines) {
      String[] words = l.text().split(" ");
      if (words.length != 2 || !words[0].equals("+") && !words[0].equals("-")
          || words[1].isEmpty() || words[1].indexOf('\t') >= 0) {
        throw new RuleException(file, l.number(), "'" + l.text() + "' is not + or -, a space"
            + " and an ending");
      }
      if (!seen.add(words[1])) {
        throw new RuleException(file, l.number(), "the ending '" + words[1] + "' is listed"
            + " twice");
      }
      endings.add(new WordEndings.Ending(words[0].equals("+"), words[1]));
    }
    return new WordEndings(endings);
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
