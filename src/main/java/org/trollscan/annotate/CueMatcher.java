package org.trollscan.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trollscan.rules.Lexicons;
import org.trollscan.rules.Rules;

/**
 * The cue dictionary as an annotator: finds every phrase of the cue lexicons ({@code cues.txt})
 * in a post's tokens, and each name ({@link NameTargets}) as a third-person target. The scopes
 * (negation, condemnation) and the cue features read its matches; it computes no features itself.
 * Immutable and thread-safe.
 */
public final class CueMatcher implements Annotator {


  /**
   * A lexicon phrase: {@code words} with any trailing "*" removed, and {@code prefix[k]} telling
   * whether word k had one ("report*" matches any token starting "report").
   */
  private record Entry(String cue, int cueId, String[] words, boolean[] prefix) {
    static Entry of(String cue, int cueId, String[] lexiconWords) {
      String[] words = new String[lexiconWords.length];
      boolean[] prefix = new boolean[lexiconWords.length];
      for (int k = 0; k < words.length; k++) {
        prefix[k] = lexiconWords[k].endsWith("*");
        words[k] = prefix[k] ? lexiconWords[k].substring(0, lexiconWords[k].length() - 1)
            : lexiconWords[k];
      }
      return new Entry(cue, cueId, words, prefix);
    }
  }

  /**
   * The phrases that start with one word, in lexicon order, with each one's second word hashed:
   * "it's" and "her" start dozens of phrases, and a post has many of them, so most phrases are
   * ruled out by an int compare before their words are. {@code checkAlways} marks one-word phrases
   * and second words with a "*", which a hash cannot rule out.
   */
  private record FirstWordEntries(Entry[] entries, int[] secondHash, boolean[] checkAlways) {
    static FirstWordEntries of(List<Entry> list) {
      Entry[] entries = list.toArray(Entry[]::new);
      int[] secondHash = new int[entries.length];
      boolean[] checkAlways = new boolean[entries.length];
      for (int j = 0; j < entries.length; j++) {
        Entry e = entries[j];
        checkAlways[j] = e.words().length == 1 || e.prefix()[1];
        secondHash[j] = checkAlways[j] ? 0 : e.words()[1].hashCode();
      }
      return new FirstWordEntries(entries, secondHash, checkAlways);
    }
  }


  /**
   * A cue found in a post, over tokens {@code from} to {@code to} (exclusive); {@code cueId} is
   * the cue's position in the lexicon. {@code name} is true for a third-person target found as a
   * name ({@link NameTargets}) outside every phrase, false for a phrase of the lexicon: these
   * names are the people the scorer counts, and {@code summarize} lists them as targets.
   */
  public record CueMatch(String cue, int cueId, int from, int to, boolean name) {
    /** A match of a lexicon phrase. */
    public CueMatch(String cue, int cueId, int from, int to) {
      this(cue, cueId, from, to, false);
    }
  }


  private final Map<String, FirstWordEntries> byFirstWord = new HashMap<>();
  /** Single-word prefix entries ("report*"), indexed by their first character. */
  private final Map<Character, List<Entry>> byPrefixStart = new HashMap<>();
  /**
   * Indexed by cue id, the phrases of the cue's "not_" section ("not_report_verb": "call* her a"),
   * empty for most cues: a match of the cue that opens one of them is no match ("called her a
   * liar" reports nobody). A list, not a map, because every cue match looks here.
   */
  private final List<List<Entry>> exceptions = new ArrayList<>();
  private final boolean anyExceptions;

  /** The cues that are features of their own, in lexicon order: a cue's id is its position. */
  private final List<String> cueNames;
  private final int targetThirdId;

  /** Clitics whose word before them also matches a phrase's word ({@code clitics.txt}). */
  private final java.util.Set<String> clitics;

  /** The matcher of a model's cue lexicons; index it once per model and share it. */
  public CueMatcher(Rules rules) {
    Lexicons lexicons = rules.lexicons();
    clitics = rules.words(Rules.CLITICS);
    cueNames = lexicons.phrasesByCue().keySet().stream().filter(rules::isFeatureCue).toList();
    if (cueNames.size() > Long.SIZE) {
      throw new IllegalStateException("at most 64 cues fit the presence mask: " + cueNames.size());
    }
    Map<String, List<Entry>> firstWords = new HashMap<>();
    for (int id = 0; id < cueNames.size(); id++) {
      String cue = cueNames.get(id);
      for (String[] words : lexicons.phrasesByCue().get(cue)) {
        Entry e = Entry.of(cue, id, words);
        if (words.length == 1 && e.prefix()[0]) {
          byPrefixStart.computeIfAbsent(words[0].charAt(0), k -> new ArrayList<>()).add(e);
        } else {
          firstWords.computeIfAbsent(words[0], k -> new ArrayList<>()).add(e);
        }
      }
    }
    firstWords.forEach((word, entries) -> byFirstWord.put(word, FirstWordEntries.of(entries)));
    cueNames.forEach(cue -> exceptions.add(List.of()));
    lexicons.phrasesByCue().forEach((section, phrases) -> {
      if (section.startsWith(Lexicons.EXCEPTIONS)) {
        int id = cueNames.indexOf(section.substring(Lexicons.EXCEPTIONS.length()));
        if (id < 0) {
          throw new IllegalStateException("cues.txt: [" + section + "] names no cue");
        }
        exceptions.set(id, phrases.stream().map(words -> Entry.of(section, -1, words)).toList());
      }
    });
    anyExceptions = exceptions.stream().anyMatch(e -> !e.isEmpty());
    targetThirdId = cueNames.indexOf("target_third");
  }

  @Override
  public String name() {
    return "cues";
  }

  @Override
  public List<Annotation.Key<?>> requires() {
    return List.of(Annotation.TOKENS, Annotation.NAMES);
  }

  @Override
  public List<Annotation.Key<?>> provides() {
    return List.of(Annotation.CUES);
  }

  @Override
  public void annotate(Annotation post) {
    post.set(Annotation.CUES, match(post.get(Annotation.TOKENS), post.get(Annotation.NAMES)));
  }

  /** The feature cues in id order (at most 64, so that a set of them fits a long). */
  public List<String> cueNames() {
    return cueNames;
  }

  /** A cue's id, or -1 when the lexicon has no such cue. */
  public int id(String cue) {
    return cueNames.indexOf(cue);
  }

  /**
   * Every cue phrase in the post, and each name ({@link NameTargets}) that is part of no phrase
   * as a third-person target, in token order.
   *
   * @param names which tokens are names
   */
  public List<CueMatch> match(String[] tokens, boolean[] names) {
    List<CueMatch> matches = matchPhrases(tokens);
    if (targetThirdId < 0) {
      return matches;
    }
    List<CueMatch> merged = null;
    for (int i = 0; i < names.length; i++) {
      if (names[i] && !covered(matches, i)) {
        if (merged == null) {
          merged = new ArrayList<>(matches);
        }
        merged.add(new CueMatch(cueNames.get(targetThirdId), targetThirdId, i, i + 1, true));
      }
    }
    if (merged == null) {
      return matches;
    }
    merged.sort(java.util.Comparator.comparingInt(CueMatch::from));
    return merged;
  }

  private static boolean covered(List<CueMatch> matches, int token) {
    for (CueMatch m : matches) {
      if (m.from() <= token && token < m.to()) {
        return true;
      }
    }
    return false;
  }

  private List<CueMatch> matchPhrases(String[] tokens) {
    List<CueMatch> matches = new ArrayList<>();
    String[] bases = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      bases[i] = cliticBase(tokens[i]);
    }
    for (int i = 0; i < tokens.length; i++) {
      String first = tokens[i];
      addPhraseMatches(byFirstWord.get(first), tokens, bases, i, matches);
      if (bases[i] != null) {
        addPhraseMatches(byFirstWord.get(bases[i]), tokens, bases, i, matches);
      }
      List<Entry> candidates = byPrefixStart.get(first.charAt(0));
      if (candidates != null) {
        for (Entry e : candidates) {
          if (first.startsWith(e.words()[0])) {
            matches.add(new CueMatch(e.cue(), e.cueId(), i, i + 1));
          }
        }
      }
    }
    if (anyExceptions) {
      matches.removeIf(m -> opensException(m, tokens, bases));
    }
    return matches;
  }


  private boolean opensException(CueMatch m, String[] tokens, String[] bases) {
    for (Entry e : exceptions.get(m.cueId())) {
      if (matchesAt(e, tokens, bases, m.from())) {
        return true;
      }
    }
    return false;
  }


  private static void addPhraseMatches(FirstWordEntries first, String[] tokens, String[] bases,
      int at, List<CueMatch> matches) {
    if (first == null) {
      return;
    }
    boolean last = at + 1 == tokens.length;
    int next = last ? 0 : tokens[at + 1].hashCode();
    int nextBase = last || bases[at + 1] == null ? next : bases[at + 1].hashCode();
    Entry[] entries = first.entries();
    for (int j = 0; j < entries.length; j++) {
      int h = first.secondHash()[j];
      if ((first.checkAlways()[j] || (!last && (h == next || h == nextBase)))
          && matchesAt(entries[j], tokens, bases, at)) {
        Entry e = entries[j];
        matches.add(new CueMatch(e.cue(), e.cueId(), at, at + e.words().length));
      }
    }
  }


  /**
   * The word before a clitic ("you" for "you're", "she" for "she's", "mum" for "mum's"), or null:
   * "say you" should match "say you're a neighbour" as well as "say you saw".
   */
  public String cliticBase(String token) {
    int apostrophe = token.indexOf('\'');
    return apostrophe > 0 && clitics.contains(token.substring(apostrophe))
        ? token.substring(0, apostrophe) : null;
  }

  /**
   * Whether the phrase's words match the tokens from {@code at}; {@code bases} are their clitic
   * bases.
   */
  private static boolean matchesAt(Entry e, String[] tokens, String[] bases, int at) {
    String[] words = e.words();
    if (at + words.length > tokens.length) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      String w = words[k];
      String t = tokens[at + k];
      boolean ok = e.prefix()[k] ? t.startsWith(w) : t.equals(w) || w.equals(bases[at + k]);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
