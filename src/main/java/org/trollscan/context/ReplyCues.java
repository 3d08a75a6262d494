package org.trollscan.context;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a post is a short reply and whether it refers back to something said before it
 * ("done", "mine's sent", "same", "me too"): the posts whose meaning is in their thread.
 */
public final class ReplyCues {
  /** Replies of this many words or fewer are short. */
  public static final int SHORT_WORDS = 8;

  // Words that need an antecedent: a deed done, a thing sent, agreement with the post above.
  private static final Set<String> REFERS_BACK = Set.of("done", "did", "do", "doing", "it",
      "mine", "mines", "same", "sent", "send", "too", "also", "well", "signed", "in", "one",
      "another", "again", "me", "us", "both", "sorted", "submitted", "filled", "rang", "phoned",
      "emailed", "posted", "shared", "voted", "gone", "on", "that's", "thats", "+1");

  private ReplyCues() {}

  /** The words that make a short reply refer back, sorted (a bundle records them). */
  public static java.util.List<String> referringWords() {
    return new java.util.TreeSet<>(REFERS_BACK).stream().toList();
  }

  /** The post's words, lower-cased, split at anything but letters, digits, apostrophes and +. */
  static String[] words(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    return t.split("[^\\p{L}\\p{N}'+]+");
  }

  public static boolean isShort(String text) {
    int n = 0;
    for (String w : words(text)) {
      if (!w.isEmpty()) {
        n++;
      }
    }
    return n > 0 && n <= SHORT_WORDS;
  }

  /** A short reply with a word that refers back. */
  public static boolean refersBack(String text) {
    if (!isShort(text)) {
      return false;
    }
    for (String w : words(text)) {
      if (REFERS_BACK.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
