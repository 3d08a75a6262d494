package org.trollscan.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link ContextFeatures#NAMES}: what a bundle's context model is checked against. */
class ContextFeaturesTest {
  private static final ReplyCues CUES = new ReplyCues(8, List.of("done"));

  @Test
  void theNamesAreExactlyTheFeaturesOfCanGive() {
    Set<String> seen = new TreeSet<>();
    ThreadState flagged = ThreadState.EMPTY.after(0.9, 0.9, true);
    ThreadState low = ThreadState.EMPTY.after(0.1, 0.1, false).after(0.2, 0.1, true);
    for (String text : List.of("done", "lovely day", "a reply long enough to be neither short nor"
        + " one that refers back")) {
      for (double p : new double[] {0.05, 0.95}) {
        for (ThreadState before : List.of(ThreadState.EMPTY, flagged, low)) {
          ContextFeatures f = ContextFeatures.of(CUES, text, p, p, before,
              EnumSet.noneOf(ContextFeatures.Family.class));
          seen.addAll(List.of(f.names()));
        }
      }
    }
    assertTrue(ContextFeatures.NAMES.containsAll(seen), seen.toString());
    assertEquals(new TreeSet<>(ContextFeatures.NAMES), seen,
        "a name no post can give would let a foreign model through");
    assertTrue(seen.contains("refers*op_fr+") && seen.contains("self_h-"), seen.toString());
  }
}
