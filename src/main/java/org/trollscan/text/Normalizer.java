package org.trollscan.text;

import java.util.List;

/** The normalisation chain a post goes through before tokenization, step by step. */
public final class Normalizer {
  private final List<NormalizationStep> steps;

  public Normalizer(List<NormalizationStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * The chain every model uses: invisible characters, HTML markup, NFKC, case folding,
   * placeholders, spacing, elongation, obfuscation.
   */
  public static Normalizer standard() {
    return new Normalizer(
        List.of(
            new IgnorableCharacterStep(),
            new MarkupStep(),
            new UnicodeNfkcStep(),
            new CaseFoldStep(),
            new PlaceholderStep(Lexicons.standard()::isAgencyHandle),
            new SpacedLettersStep(),
            new ElongationStep(),
            new ObfuscationStep(Lexicons.standard().deobfuscationVocabulary())));
  }

  public MappedText normalize(String original) {
    MappedText text = MappedText.of(original);
    for (NormalizationStep step : steps) {
      text = step.apply(text);
    }
    return text;
  }
}
