package org.trollscan.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads labelled CSV as defined in LABELLING.md: a {@code text} column and label columns holding
 * 1, 0 or nothing (not labelled for that label). Anything else in a label cell is an error that
 * names the file and line: a corpus with a typo must not train a model quietly.
 */
public final class LabelledCorpusReader {
  public static final String GROUP_COLUMN = "thread_id";

  private final List<String> labels;

  public LabelledCorpusReader(List<String> labels) {
    this.labels = List.copyOf(labels);
  }

  /**
   * All rows of one file. A row with empty text ({@link PostText#isEmpty}) is an error here,
   * unlike in {@code score}: its score is fixed by rule, not by the model, so in training it
   * teaches nothing and in evaluation it measures the rule; a label on it is a mistake in the
   * corpus.
   */
  public List<LabelledPost> read(String file) {
    List<LabelledPost> out = new ArrayList<>();
    try (PostSource source = PostSources.open(file, InputFormat.CSV, ReaderOptions.defaults())) {
      boolean checkedColumns = false;
      for (ReadItem item; (item = source.next()) != null; ) {
        if (item instanceof RejectedRow r) {
          throw new InputException(file, r.line(), r.reason());
        }
        Post post = (Post) item;
        if (PostText.isEmpty(post.text())) {
          throw new InputException(file, post.line(), "empty text: a labelled corpus must not "
              + "hold empty posts (score scores them 0 by rule, so they measure nothing about "
              + "the model); remove the row");
        }
        if (!checkedColumns) {
          if (labels.stream().noneMatch(post.fields()::containsKey)) {
            throw new InputException(file, 1, "no label column; expected at least one of "
                + labels + "; the columns are: " + String.join(", ", post.fields().keySet()));
          }
          checkedColumns = true;
        }
        Map<String, Boolean> gold = new LinkedHashMap<>();
        for (String label : labels) {
          String cell = post.fields().get(label);
          if (cell == null || cell.isBlank()) {
            continue;
          }
          switch (cell.strip()) {
            case "1" -> gold.put(label, true);
            case "0" -> gold.put(label, false);
            default -> throw new InputException(file, post.line(),
                "label '" + label + "' must be 1, 0 or empty, not '" + cell + "'");
          }
        }
        String group = post.fields().getOrDefault(GROUP_COLUMN, "");
        out.add(new LabelledPost(post, Collections.unmodifiableMap(gold),
            group.isBlank() ? file + "#" + post.id() : group));
      }
    }
    return out;
  }
}
