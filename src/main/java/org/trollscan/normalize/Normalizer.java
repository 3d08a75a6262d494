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
   * placeholders, spacing, elongation, obfuscation; the steps that need word lists, tables or
   * numbers get them from the caller (the rule data: the character tables, {@code
   * agency-handles.txt}, the de-obfuscation vocabulary, and {@code settings}).
   */
  public static Normalizer standard(CharacterTables tables, Predicate<String> isAgencyHandle,
      List<String> deobfuscationVocabulary, Settings settings) {
    return new Normalizer(
        List.of(
            new IgnorableCharacterStep(),
            new MarkupStep(tables.markupTags()),
            new UnicodeNfkcStep(),
            new CaseFoldStep(tables.quoteMarks()),
            new PlaceholderStep(isAgencyHandle),
            new SpacedLettersStep(settings.spacedMinLetters(), settings.spacedMinJoinedLetters()),
            new ElongationStep(settings.elongationMaxRun()),
            new ObfuscationStep(deobfuscationVocabulary, tables.leet())));
  }

  /**
   * The numbers of the standard chain's steps (a model's step settings).
   *
   * @param spacedMinLetters the fewest letters spelled out with one separator that are joined
   * @param spacedMinJoinedLetters the fewest when dots or hyphens separate them
   * @param elongationMaxRun the longest run of one character kept
   */
  public record Settings(int spacedMinLetters, int spacedMinJoinedLetters,
      int elongationMaxRun) {}

  public MappedText normalize(String original) {
    MappedText text = MappedText.of(original);
    for (NormalizationStep step : steps) {
      text = step.apply(text);
    }
    return text;
  }
}
