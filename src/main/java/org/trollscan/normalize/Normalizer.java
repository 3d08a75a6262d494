package org.trollscan.normalize;

import java.util.List;
import java.util.function.Predicate;

/** The normalisation chain a post goes through before tokenization, step by step. */
public final class Normalizer {
  private final List<NormalizationStep> steps;

  public Normalizer(List<NormalizationStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * The chain every model uses: invisible characters, HTML markup, NFKC, case folding,
   * placeholders, spacing, elongation, obfuscation; the steps that need word lists or tables
   * get them from the caller (the rule data: the character tables, {@code agency-handles.txt},
   * the de-obfuscation vocabulary).
   */
  public static Normalizer standard(CharacterTables tables, Predicate<String> isAgencyHandle,
      List<String> deobfuscationVocabulary) {
    return new Normalizer(
        List.of(
            new IgnorableCharacterStep(),
            new MarkupStep(tables.markupTags()),
            new UnicodeNfkcStep(),
            new CaseFoldStep(tables.quoteMarks()),
            new PlaceholderStep(isAgencyHandle),
            new SpacedLettersStep(),
            new ElongationStep(),
            new ObfuscationStep(deobfuscationVocabulary, tables.leet())));
  }

  public MappedText normalize(String original) {
    MappedText text = MappedText.of(original);
    for (NormalizationStep step : steps) {
      text = step.apply(text);
    }
    return text;
  }
}
