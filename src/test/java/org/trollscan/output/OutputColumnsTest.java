package org.trollscan.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trollscan.input.Post;
import org.trollscan.model.Label;

class OutputColumnsTest {
  private static final List<Label> LABELS = List.of(Label.values());

  private static List<String> header(List<String> kept) {
    return new OutputColumns(LABELS, kept, false, true).header(kept);
  }

  @Test
  void keptColumnsClashingWithOursOrWithEachOtherAreRenamedUntilUnique() {
    List<String> ours = header(List.of());
    for (List<String> kept : List.of(List.of("input_id", "id"), List.of("id", "input_id"),
        List.of("id", "input_id", "input_input_id", "flagged", "input_flagged"),
        List.of("source", "harassment_evidence"))) {
      List<String> h = header(kept);
      assertEquals(h.size(), new HashSet<>(h).size(), "distinct names: " + h);
      assertEquals(ours, h.subList(0, ours.size()));
    }
    assertEquals(List.of("input_id", "input_input_id"),
        header(List.of("input_id", "id")).subList(ours.size(), ours.size() + 2));
  }

  @Test
  void aColumnNamedTwiceInKeepIsCopiedOnce() {
    Post post = new Post("f", 2, "1", "t", Map.of("a", "x", "text", "t"));
    assertEquals(List.of("a"), new OutputColumns(LABELS, List.of("a", "a"), false, false)
        .keptColumns(post));
  }
}
