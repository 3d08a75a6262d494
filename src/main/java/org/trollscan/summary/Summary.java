package org.trollscan.summary;

import java.util.List;

/**
 * The views of a summarised forum export, each sorted with the most flagged first.
 *
 * @param threads one row per thread
 * @param targets one row per person that flagged posts aim at
 * @param authors one row per author
 */
public record Summary(List<ThreadRow> threads, List<TargetRow> targets, List<AuthorRow> authors) {

  /**
   * @param thread the thread id
   * @param posts posts in the thread
   * @param flagged posts flagged per label, in label order
   * @param firstFlagged id (and time, when known) of the first flagged post, or empty
   * @param lastFlagged id (and time) of the last flagged post, or empty
   */
  public record ThreadRow(String thread, long posts, long[] flagged, String firstFlagged,
      String lastFlagged) {}

  /**
   * @param target a handle, name or title as written
   * @param flagged flagged posts naming it, per label
   * @param threads threads those posts are in
   */
  public record TargetRow(String target, long[] flagged, long threads) {}

  /**
   * @param author the author
   * @param posts posts by the author
   * @param flagged the author's flagged posts per label
   */
  public record AuthorRow(String author, long posts, long[] flagged) {}
}
