package org.trollscan.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.trollscan.rules.RuleException;
import org.trollscan.rules.Rules;

/**
 * Whether a post is a short reply and whether it refers back to something said before it
 * ("done", "mine's sent", "same", "me too"): the posts whose meaning is in their thread. A model's
 * context stage records its words and its length of a short reply in the manifest ({@code
 * context.refersBack}, {@code context.shortWords}); training takes them from the rule file
 * {@value #FILE} and {@link #DEFAULT_SHORT_WORDS}. Immutable and thread-safe.
 */
public final class ReplyCues {
  /** The rule file training takes the words from (beside the bundle's other rule files). */
  public static final String FILE = "reply-cues.txt";
  /** Replies of this many words or fewer are short, in models trained by this trollscan. */
  public static final int DEFAULT_SHORT_WORDS = 8;
  /** The longest short reply a manifest may ask for. */
  public static final int MAX_SHORT_WORDS = 1000;

  private final int shortWords;
  private final Set<String> refersBack;

  /**
   * @param shortWords replies of this many words or fewer are short, from 1 to {@link
   *     #MAX_SHORT_WORDS}
   * @param refersBack the words that make a short reply refer back, each a {@link #isWord word}
   * @throws IllegalArgumentException for a number out of range or a word that is no word
   */
  public ReplyCues(int shortWords, Collection<String> refersBack) {
    if (shortWords < 1 || shortWords > MAX_SHORT_WORDS) {
      throw new IllegalArgumentException("shortWords is " + shortWords + "; allowed: 1 to "
          + MAX_SHORT_WORDS);
    }
    for (String w : refersBack) {
      if (!isWord(w)) {
        throw new IllegalArgumentException("'" + w + "' is no word a reply is split into");
      }
    }
    this.shortWords = shortWords;
    this.refersBack = Set.copyOf(refersBack);
  }

  /** The cues training gives a new model: the words of {@value #FILE}, the default length. */
  public static ReplyCues fromClasspath() {
    return Shipped.CUES;
  }

  private static final class Shipped {
    static final ReplyCues CUES = read();

    private static ReplyCues read() {
      try (InputStream in = Rules.class.getResourceAsStream(FILE)) {
        if (in == null) {
          throw new IllegalStateException("rule file " + FILE + " is not in this build");
        }
        return new ReplyCues(DEFAULT_SHORT_WORDS, parse(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The words of a {@value #FILE}: one per line, comments as in every rule file.
   *
   * @throws RuleException naming the line of a word that is no word
   */
  public static List<String> parse(byte[] file) {
    List<Rules.Line> lines = Rules.lines(FILE, file);
    for (Rules.Line l : lines) {
      if (!isWord(l.text())) {
        throw new RuleException(FILE, l.number(), "'" + l.text() + "' is no word a reply is"
            + " split into; allowed: lower-case letters, digits, ' and +");
      }
    }
    return Rules.texts(lines);
  }

  /**
   * Whether a listed word can match a word of a post as {@link #words} splits and lower-cases
   * it: letters, digits, apostrophes (') and +, in lower case.
   */
  public static boolean isWord(String w) {
    return w.equals(w.toLowerCase(Locale.ROOT)) && w.matches("[\\p{L}\\p{N}'+]+");
  }

  /** Replies of this many words or fewer are short. */
  public int shortWords() {
    return shortWords;
  }

  /** The words that make a short reply refer back, sorted (a bundle records them so). */
  public List<String> referringWords() {
    return List.copyOf(new TreeSet<>(refersBack));
  }

  /** The post's words, lower-cased, split at anything but letters, digits, apostrophes and +. */
  static String[] words(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    return t.split("[^\\p{L}\\p{N}'+]+");
  }

  public boolean isShort(String text) {
    int n = 0;
    for (String w : words(text)) {
      if (!w.isEmpty()) {
        n++;
      }
    }
    return n > 0 && n <= shortWords;
  }

  /** A short reply with a word that refers back. */
  public boolean refersBack(String text) {
    if (!isShort(text)) {
      return false;
    }
    for (String w : words(text)) {
      if (refersBack.contains(w)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplyCues r && r.shortWords == shortWords
        && r.refersBack.equals(refersBack);
  }

  @Override
  public int hashCode() {
    return 31 * shortWords + refersBack.hashCode();
  }

  @Override
  public String toString() {
    return "ReplyCues[shortWords=" + shortWords + ", refersBack=" + referringWords() + "]";
  }
}
