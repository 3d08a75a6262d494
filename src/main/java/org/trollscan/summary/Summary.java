package org.trollscan.summary;

import java.util.List;

/**
 * The views of a summarised forum export, each sorted with the most flagged first, and what the
 * run knew (which columns it had, the campaign rule), so that a page can say why a view is empty.
 *
 * @param posts posts summarised
 * @param flagged posts flagged per label, in label order
 * @param columns the thread, author and time columns given (null when not)
 * @param campaignMin the campaign rule's minimum (see {@link Campaign})
 * @param threads one row per thread, in input order of first post among equally flagged ones
 * @param targets one row per person that flagged posts aim at
 * @param authors one row per author (empty without an author column)
 * @param campaigns threads that look like organised campaigns, most flagged first (empty
 *     without a thread column)
 */
public record Summary(long posts, long[] flagged, Summarizer.Columns columns, int campaignMin,
    List<ThreadRow> threads, List<TargetRow> targets, List<AuthorRow> authors,
    List<Campaign> campaigns) {

  public Summary {
    threads = List.copyOf(threads);
    targets = List.copyOf(targets);
    authors = List.copyOf(authors);
    campaigns = List.copyOf(campaigns);
  }

  /**
   * One thread's counts: a row of threads.csv.
   *
   * @param thread the thread id
   * @param posts posts in the thread
   * @param flagged posts flagged per label, in label order
   * @param firstFlaggedId id of the first flagged post in input order, or empty
   * @param firstFlaggedTime its time-column value as written, or empty (none, or no time column)
   * @param lastFlaggedId id of the last flagged post in input order, or empty
   * @param lastFlaggedTime its time-column value as written, or empty
   */
  public record ThreadRow(String thread, long posts, long[] flagged, String firstFlaggedId,
      String firstFlaggedTime, String lastFlaggedId, String lastFlaggedTime) {}

  /**
   * One person that flagged posts name: a row of targets.csv.
   *
   * @param target a handle, name or title as written
   * @param flagged flagged posts naming it, per label
   * @param threads threads those posts are in
   */
  public record TargetRow(String target, long[] flagged, long threads) {}

  /**
   * One author's counts: a row of authors.csv.
   *
   * @param author the author
   * @param posts posts by the author
   * @param flagged the author's flagged posts per label
   */
  public record AuthorRow(String author, long posts, long[] flagged) {}

  /**
   * A thread that looks like an organised false-report campaign: at least {@code campaignMin}
   * posts flagged for false_report by as many different authors (without an author column,
   * each such post counts as a different author).
   *
   * @param thread the thread id
   * @param posts posts in the thread
   * @param authors different authors among the flagged false_report posts (with an author
   *     column; else the number of those posts)
   * @param reports the flagged false_report posts that make it one, in input order
   */
  public record Campaign(String thread, long posts, long authors, List<CampaignPost> reports) {
    public Campaign {
      reports = List.copyOf(reports);
    }
  }

  /**
   * A post flagged for false_report in a campaign thread.
   *
   * @param id the post id
   * @param author its author, or empty (no author column, or a blank cell)
   * @param time its time-column value as written, or empty
   * @param falseReport its false_report probability (NaN when a scored input had no such column)
   * @param harassment whether it was also flagged for harassment
   * @param excerpt its text, cut to {@link Summarizer#EXCERPT} characters
   */
  public record CampaignPost(String id, String author, String time, double falseReport,
      boolean harassment, String excerpt) {}
}
