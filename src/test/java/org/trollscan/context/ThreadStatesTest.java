package org.trollscan.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThreadStatesTest {
  static final ThreadState ONE_POST = ThreadState.EMPTY.after(0.9, 0.9, true);

  @Test
  void neverHoldsMoreThreadsThanItsCapacity() {
    ThreadStates states = new ThreadStates(3);
    for (int i = 0; i < 100; i++) {
      states.put("t" + i, ONE_POST);
    }
    assertEquals(3, states.size());
    assertEquals(97, states.evicted());
  }

  @Test
  void letsGoOfTheThreadThatWentLongestWithoutAPost() {
    ThreadStates states = new ThreadStates(2);
    states.put("old", ONE_POST);
    states.put("busy", ONE_POST);
    states.put("old", states.get("old").after(0.1, 0.1, false));
    states.put("new", ONE_POST);
    assertEquals(2, states.get("old").posts());
    assertEquals(ThreadState.EMPTY, states.get("busy"), "busy was idle longest, so it went");
  }

  @Test
  void aThreadThatEndedStartsAfreshIfSeenAgain() {
    ThreadStates states = new ThreadStates(2);
    states.put("t", ONE_POST);
    states.end("t");
    assertEquals(ThreadState.EMPTY, states.get("t"));
    assertEquals(0, states.size());
  }

  @Test
  void threadsLetGoThatPostNoMoreAreNoLostContext() {
    ThreadStates states = new ThreadStates(1);
    for (String t : new String[] {"a", "a", "b", "b", "b", "c", "d", "d"}) {
      states.put(t, states.arrive(t).after(0.5, 0.5, false));
    }
    assertEquals(3, states.evicted());
    assertEquals(0, states.returned(), "sorted by thread: no post came after its thread went");
  }

  @Test
  void eachPostThatComesForAThreadLetGoIsCounted() {
    ThreadStates states = new ThreadStates(1);
    for (String t : new String[] {"a", "b", "a", "a", "b", "c"}) {
      states.put(t, states.arrive(t).after(0.5, 0.5, false));
    }
    // b lets a go, a (back) lets b go, b (back) lets a go, c lets b go.
    assertEquals(4, states.evicted());
    assertEquals(2, states.returned(), "the second a, the second b");
    assertEquals(ThreadState.EMPTY, states.get("a"));
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new ThreadStates(0));
  }

  @Test
  void stateKeepsTheOpenerAndCountsPostsSinceTheLastFlaggedOne() {
    ThreadState s = ThreadState.EMPTY.after(0.2, 0.3, false);
    assertEquals(0, s.sinceFlagged(), "no post flagged yet");
    s = s.after(0.95, 0.96, true).after(0.1, 0.1, false).after(0.05, 0.1, false);
    assertEquals(4, s.posts());
    assertEquals(0.2, s.openerFalseReport());
    assertEquals(0.3, s.openerHarassment());
    assertEquals(0.95, s.maxFalseReport());
    assertEquals(3, s.sinceFlagged(), "the flagged post is three posts back");
    assertEquals((0.2 + 0.95 + 0.1 + 0.05) / 4, s.meanFalseReport(), 1e-12);
  }
}
