package org.trollscan.normalize;

import java.util.Map;

/**
 * The character tables of normalisation, from the model's rule files: which HTML tags the markup
 * step takes out ({@code html-breaking-tags.txt}, {@code html-inline-tags.txt}), which characters
 * case folding writes as ' or " ({@code quote-marks.txt}), and which the obfuscation step reads as
 * letters ({@code leet.txt}). They change tokens, hence features, so a bundle carries them.
 *
 * @param markupTags the tags the markup step takes out
 * @param quoteMarks each character case folding writes as ' or " instead
 * @param leet the characters the obfuscation step reads as letters
 */
public record CharacterTables(MarkupStep.Tags markupTags, Map<Character, Character> quoteMarks,
    ObfuscationStep.Leet leet) {
  public CharacterTables {
    quoteMarks = Map.copyOf(quoteMarks);
  }
}
