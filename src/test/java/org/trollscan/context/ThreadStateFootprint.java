package org.trollscan.context;

import java.util.Locale;

/**
 * Measures the heap a {@link ThreadStates} of N open threads takes (ids like "gos-kayleigh-12345",
 * the corpus's shape), for the streaming bound in docs/context.md. Usage: {@code
 * ThreadStateFootprint [N]} (default 100,000); run with a fixed heap, e.g. -Xmx512m.
 */
public final class ThreadStateFootprint {
  private ThreadStateFootprint() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long before = used();
    ThreadStates states = new ThreadStates(n);
    ThreadState s = ThreadState.EMPTY.after(0.9, 0.8, true).after(0.2, 0.1, false);
    for (int i = 0; i < n; i++) {
      states.put("gos-kayleigh-" + i, s.after(i / (double) n, 0.5, false));
    }
    long after = used();
    System.out.printf(Locale.ROOT, "%,d threads: %,d bytes, %.0f bytes a thread%n",
        states.size(), after - before, (after - before) / (double) states.size());
    for (int i = 0; i < n; i++) {
      states.put("red-other-" + i, s);
    }
    long full = used();
    System.out.printf(Locale.ROOT, "after %,d more threads: %,d held, %,d let go, %,d bytes%n", n,
        states.size(), states.evicted(), full - before);
  }

  private static long used() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
