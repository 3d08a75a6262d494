package org.trollscan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandlesTest {
  @Test
  void findsHandlesInAnyScriptButNotEmailAddressesOrDoubleAts() {
    assertEquals(List.of("@jenny_b", "@zoë_k", "@мама", "@a"),
        Handles.in("@jenny_b and @zoë_k, @мама; write to me@home.com or @@x, @a"));
  }

  @Test
  void aHandleStopsAtItsMaximumLength() {
    String long40 = "@" + "x".repeat(40);
    assertEquals(List.of("@" + "x".repeat(Handles.MAX_LENGTH)), Handles.in(long40));
  }

  @Test
  void aLoneAtIsNoHandle() {
    assertEquals(List.of(), Handles.in("meet @ 5, or @!"));
    assertEquals(3, Handles.end("hi @", 3));
  }
}
