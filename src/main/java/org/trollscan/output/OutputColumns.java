package org.trollscan.output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trollscan.input.InputException;
import org.trollscan.input.Post;
import org.trollscan.model.Label;

/**
 * The columns of a score output: id, the input's name when {@code source}, one probability per
 * label, flagged, one evidence column per label, then the input columns to keep, in input order.
 *
 * @param labels the labels the model scores
 * @param keep input columns to copy, in the order given
 * @param keepAll copy every input column (the first post's columns), overriding keep
 * @param source a {@code source} column after the id: the input's name as given, so that ids
 *     from several inputs stay apart
 * @param alone one {@code LABEL_alone} column per label after the label columns: the post-alone
 *     probabilities, when the label columns hold the scores in context ({@code --thread-column})
 * @param language a {@code language} column after the evidence ({@code --detect-language})
 */
public record OutputColumns(List<Label> labels, List<String> keep, boolean keepAll,
    boolean source, boolean alone, boolean language) {
  public static final String ID = "id";
  public static final String SOURCE = "source";
  public static final String FLAGGED = "flagged";
  public static final String LANGUAGE = "language";

  /** Columns of posts scored alone, without a language column. */
  public OutputColumns(List<Label> labels, List<String> keep, boolean keepAll, boolean source) {
    this(labels, keep, keepAll, source, false, false);
  }

  /** The name of a label's post-alone column: {@code false_report_alone}. */
  public static String alone(Label label) {
    return label.column() + "_alone";
  }

  /** The name of a label's evidence column: {@code harassment_evidence}. */
  public static String evidence(Label label) {
    return label.column() + "_evidence";
  }

  /** The input columns to copy, resolved against the first post. */
  public List<String> keptColumns(Post first) {
    if (keepAll) {
      return List.copyOf(first.fields().keySet());
    }
    List<String> missing = new ArrayList<>();
    for (String k : keep) {
      if (!first.fields().containsKey(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(first.source(), first.line(), "--keep names unknown column(s) "
          + missing + "; the columns are: " + String.join(", ", first.fields().keySet()));
    }
    // A column named twice in --keep is copied once.
    return List.copyOf(new LinkedHashSet<>(keep));
  }

  /** The input columns to copy when no post came to resolve them: none for keepAll. */
  public List<String> keptWithoutAPost() {
    return keepAll ? List.of() : List.copyOf(new LinkedHashSet<>(keep));
  }

  /**
   * The output header given the kept input columns. A kept column whose name is already taken
   * (by one of ours, or by a kept column renamed before it) gets "input_" in front, as often as
   * it takes to make it unique: {@code input_id,id} become {@code input_id,input_input_id}.
   */
  public List<String> header(List<String> kept) {
    List<String> h = new ArrayList<>();
    h.add(ID);
    if (source) {
      h.add(SOURCE);
    }
    for (Label l : labels) {
      h.add(l.column());
    }
    if (alone) {
      for (Label l : labels) {
        h.add(alone(l));
      }
    }
    h.add(FLAGGED);
    for (Label l : labels) {
      h.add(evidence(l));
    }
    if (language) {
      h.add(LANGUAGE);
    }
    Set<String> taken = new HashSet<>(h);
    for (String k : kept) {
      String name = k;
      while (!taken.add(name)) {
        name = "input_" + name;
      }
      h.add(name);
    }
    return h;
  }
}
