package org.trollscan.context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states of the threads being scored, at most {@code capacity} of them: when a new thread
 * would exceed it, the thread that has gone longest without a post is let go. A thread let go
 * and seen again starts afresh (its later posts are scored as if it had just begun), which is the
 * price of bounded memory. {@link #evicted()} counts the threads let go, which costs nothing when
 * they had no more posts (an input sorted by thread); {@link #returned()} counts the posts that
 * came for a thread let go earlier, whose context was lost, recalled by a fixed-size {@link
 * LetGoThreads} (so that count may be slightly high, never low). Not thread-safe.
 */
public final class ThreadStates {
  private final int capacity;
  private final LinkedHashMap<String, ThreadState> states;
  private long evicted;
  private final LetGoThreads letGo = new LetGoThreads();
  private long returned;

  public ThreadStates(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
    // Access order: get and put move a thread to the young end, so the eldest is the idlest.
    this.states = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ThreadState> eldest) {
        boolean full = size() > ThreadStates.this.capacity;
        if (full) {
          evicted++;
          letGo.add(eldest.getKey());
        }
        return full;
      }
    };
  }

  /** The thread's state, {@link ThreadState#EMPTY} if it is new or was let go. */
  public ThreadState get(String thread) {
    ThreadState s = states.get(thread);
    return s == null ? ThreadState.EMPTY : s;
  }

  /**
   * The state of the thread a new post belongs to, as {@link #get}; a post of a thread that is
   * not open but was let go earlier is counted ({@link #returned}).
   */
  public ThreadState arrive(String thread) {
    ThreadState s = states.get(thread);
    if (s != null) {
      return s;
    }
    if (letGo.mightContain(thread)) {
      returned++;
    }
    return ThreadState.EMPTY;
  }

  public void put(String thread, ThreadState state) {
    states.put(thread, state);
  }

  /** Lets a thread go at once, for inputs that say where a thread ends. */
  public void end(String thread) {
    states.remove(thread);
  }

  public int size() {
    return states.size();
  }

  /** Threads let go to keep within the capacity, whether or not more of their posts came. */
  public long evicted() {
    return evicted;
  }

  /**
   * Posts that came ({@link #arrive}) for a thread let go earlier, each scored as if it opened
   * its thread: exact but for {@link LetGoThreads}' false positives, which can only add to it.
   */
  public long returned() {
    return returned;
  }
}
