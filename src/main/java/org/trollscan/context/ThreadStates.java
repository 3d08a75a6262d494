package org.trollscan.context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states of the threads being scored, at most {@code capacity} of them: when a new thread
 * would exceed it, the thread that has gone longest without a post is let go. A thread let go
 * and seen again starts afresh (its later posts are scored as if it had just begun), which is the
 * price of bounded memory; {@link #evicted()} counts how often it happened. Not thread-safe.
 */
public final class ThreadStates {
  private final int capacity;
  private final LinkedHashMap<String, ThreadState> states;
  private long evicted;

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

  public long evicted() {
    return evicted;
  }
}
