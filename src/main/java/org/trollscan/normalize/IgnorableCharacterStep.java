package org.trollscan.normalize;

/**
 * Removes invisible characters ({@link IgnorableCharacters}) before anything else reads the post,
 * so that "r\u200Be\u200Bport" is a word, "&amp;am\u00ADp;" a character reference and a
 * "\u200B&gt;" line a quote. The characters kept keep their offsets into the original.
 */
public final class IgnorableCharacterStep implements NormalizationStep {
  @Override
  public MappedText apply(MappedText in) {
    String s = in.text();
    int first = firstIgnorable(s, 0);
    if (first < 0) {
      return in;
    }
    MappedText.Builder out = in.newBuilder();
    int kept = 0;
    for (int at = first; at >= 0; at = firstIgnorable(s, kept)) {
      out.copy(in, kept, at);
      kept = at + Character.charCount(s.codePointAt(at));
    }
    out.copy(in, kept, s.length());
    return out.build();
  }

  /** The index of the first ignorable code point at or after {@code from}, or -1. */
  private static int firstIgnorable(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0xAD) {
        continue;
      }
      int cp = Character.codePointAt(s, i);
      if (IgnorableCharacters.isIgnorable(cp)) {
        return i;
      }
      if (Character.isSupplementaryCodePoint(cp)) {
        i++;
      }
    }
    return -1;
  }
}
