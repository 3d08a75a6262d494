package org.trollscan.summary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trollscan.input.InputException;
import org.trollscan.input.Post;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.scoring.PostScorer;

/**
 * Reads the scores a file written by {@code score --keep-all} carries, so that {@code summarize}
 * takes a scored export as it is instead of scoring it again: a row with a {@code flagged}
 * column is flagged for the labels that column names, with the probabilities of the label
 * columns. Any other row is scored by the model.
 */
public final class ScoredFile {
  /** The column of a scored file that names the flagged labels. */
  public static final String FLAGGED = "flagged";

  private ScoredFile() {}

  /** A scorer that uses a row's own scores when it has a {@code flagged} column, else the model. */
  public static PostScorer orModel(PostScorer model, List<Label> labels) {
    return new PostScorer() {
      @Override
      public Score score(String text, boolean withEvidence) {
        return model.score(text, withEvidence);
      }

      @Override
      public Score score(Post post, boolean withEvidence) {
        return post.fields().containsKey(FLAGGED) ? read(post, labels)
            : model.score(post, withEvidence);
      }

      @Override
      public List<Label> labels() {
        return labels;
      }
    };
  }

  /**
   * The score a scored row carries. A label named in {@code flagged} that the model does not
   * have, or a probability cell that is not a number from 0 to 1, makes the row unfit: an
   * {@link InputException} whose message says which cell (the row is then rejected, not guessed).
   * A missing probability column leaves that probability out.
   */
  public static Score read(Post post, List<Label> labels) {
    List<Label> flagged = new ArrayList<>();
    String cell = post.fields().get(FLAGGED);
    for (String name : cell.split(";")) {
      if (name.isBlank()) {
        continue;
      }
      Label l = Label.fromColumn(name.strip());
      if (l == null || !labels.contains(l)) {
        throw new InputException("flagged names '" + name.strip() + "', which is no label of the "
            + "model (" + String.join(", ", labels.stream().map(Label::column).toList()) + ")");
      }
      if (!flagged.contains(l)) {
        flagged.add(l);
      }
    }
    flagged.sort(null); // label order, as the model writes them
    Map<Label, Double> probabilities = new EnumMap<>(Label.class);
    for (Label l : labels) {
      String p = post.fields().get(l.column());
      if (p == null) {
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(p.strip());
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!(v >= 0 && v <= 1)) {
        throw new InputException(l.column() + " is '" + p + "', not a probability from 0 to 1");
      }
      probabilities.put(l, v);
    }
    return new Score(probabilities, List.copyOf(flagged), Map.of(), false);
  }
}
