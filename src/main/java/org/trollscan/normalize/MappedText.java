package org.trollscan.normalize;

/**
 * Text produced by normalisation, with, for every character, the offset of the character in the
 * original post it came from, so that tokens found in normalised text can be shown to a
 * moderator as they were written.
 *
 * @param text the normalised text
 * @param origin {@code origin[i]} is the offset in the original post of {@code text.charAt(i)};
 *     {@code origin[text.length()]} is the original length
 */
public record MappedText(String text, int[] origin) {

  /** The identity mapping of a post to itself, the start of every normalisation chain. */
  public static MappedText of(String original) {
    int[] origin = new int[original.length() + 1];
    for (int i = 0; i <= original.length(); i++) {
      origin[i] = i;
    }
    return new MappedText(original, origin);
  }

  /** Offset in the original of the character at {@code index} of the normalised text. */
  public int originalStart(int index) {
    return origin[index];
  }

  /**
   * Offset in the original just past the character at {@code endExclusive - 1} of the normalised
   * text: the end of a span covering that character in the original.
   */
  public int originalEnd(int endExclusive) {
    if (endExclusive <= 0) {
      return origin[0];
    }
    int last = origin[endExclusive - 1];
    // The next original character after `last`: the smallest origin beyond it, or the end.
    for (int i = endExclusive; i < origin.length; i++) {
      if (origin[i] > last) {
        return origin[i];
      }
    }
    return origin[origin.length - 1];
  }

  /** Builds a {@link MappedText} one character or replacement at a time. */
  public static final class Builder {
    private final StringBuilder text;
    private int[] origin;
    private final int originalLength;

    public Builder(int capacity, int originalLength) {
      this.text = new StringBuilder(capacity);
      this.origin = new int[capacity + 1];
      this.originalLength = originalLength;
    }

    /** Appends one character that came from original offset {@code from}. */
    public Builder append(char c, int from) {
      ensure(text.length() + 1);
      origin[text.length()] = from;
      text.append(c);
      return this;
    }

    /** Appends a replacement string whose characters all come from original offset {@code from}. */
    public Builder append(CharSequence s, int from) {
      for (int i = 0; i < s.length(); i++) {
        append(s.charAt(i), from);
      }
      return this;
    }

    /**
     * Appends the characters {@code from} to {@code to} of {@code in} unchanged, with their
     * origins: one bulk copy for the stretches a step leaves alone.
     */
    public Builder copy(MappedText in, int from, int to) {
      if (to <= from) {
        return this;
      }
      int at = text.length();
      ensure(at + (to - from));
      System.arraycopy(in.origin, from, origin, at, to - from);
      text.append(in.text, from, to);
      return this;
    }

    public int length() {
      return text.length();
    }

    public char lastChar() {
      return text.charAt(text.length() - 1);
    }

    public MappedText build() {
      ensure(text.length() + 1);
      origin[text.length()] = originalLength;
      int[] exact = java.util.Arrays.copyOf(origin, text.length() + 1);
      return new MappedText(text.toString(), exact);
    }

    private void ensure(int size) {
      if (size >= origin.length) {
        origin = java.util.Arrays.copyOf(origin, Math.max(size + 1, origin.length * 2));
      }
    }
  }

  /** Starts a builder whose output maps back to the same original post as this text. */
  public Builder newBuilder() {
    return new Builder(text.length() + 16, origin[origin.length - 1]);
  }

  /** The original offset of normalised character {@code i} (for step implementations). */
  public int from(int i) {
    return origin[i];
  }
}
