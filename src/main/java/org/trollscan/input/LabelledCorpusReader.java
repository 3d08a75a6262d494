package org.trollscan.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads labelled CSV as defined in LABELLING.md: a {@code text} column and label columns holding
 * 1, 0 or nothing (not labelled for that label). Anything else in a label cell is an error that
 * names the file and line: a corpus with a typo must not train a model quietly. {@link #read}
 * reads a whole file (training); {@link #labelled} reads the labels of one post that a streaming
 * run has read (evaluation), so that both parse label cells the same way.
 */
public final class LabelledCorpusReader {
  public static final String GROUP_COLUMN = "thread_id";
  /** How labelled corpora are read: CSV, whatever the extension, with the default columns. */
  public static final InputFormat FORMAT = InputFormat.CSV;

  private final List<String> labels;
  /** The inputs whose columns {@link #labelled} has checked (once each, at their first post). */
  private final Set<String> checkedSources = new HashSet<>();

  public LabelledCorpusReader(List<String> labels) {
    this.labels = List.copyOf(labels);
  }

  /** How a streaming run must open a corpus for {@link #labelled}. */
  public static ReaderOptions readerOptions() {
    return ReaderOptions.defaults();
  }

  /** All rows of one file, each read by {@link #labelled}. */
  public List<LabelledPost> read(String file) {
    List<LabelledPost> out = new ArrayList<>();
    try (PostSource source = PostSources.open(file, FORMAT, readerOptions())) {
      for (ReadItem item; (item = source.next()) != null; ) {
        if (item instanceof RejectedRow r) {
          throw rejected(r);
        }
        out.add(labelled((Post) item));
      }
    }
    return out;
  }

  /** The error a corpus row the reader rejected is: a corpus has no rows to skip. */
  public static InputException rejected(RejectedRow row) {
    return new InputException(row.source(), row.line(), row.reason());
  }

  /**
   * A post of a labelled corpus with its gold labels parsed from its label cells. At the first
   * post of each input, the input must have at least one label column. (Train and eval refuse
   * an empty post: {@code PostText.refusalInCorpus}.) Not thread-safe: call it from the one
   * thread that sees the posts in order.
   */
  public LabelledPost labelled(Post post) {
    String file = post.source();
    if (checkedSources.add(file) && labels.stream().noneMatch(post.fields()::containsKey)) {
      throw new InputException(file, 1, "no label column; expected at least one of "
          + labels + "; the columns are: " + String.join(", ", post.fields().keySet()));
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
    return new LabelledPost(post, Collections.unmodifiableMap(gold),
        group.isBlank() ? file + "#" + post.id() : group);
  }
}
