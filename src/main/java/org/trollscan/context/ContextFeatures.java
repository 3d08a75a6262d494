package org.trollscan.context;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The features a context model reads for one post: its own post-alone scores, and what its
 * thread said before it ({@link ThreadState}) crossed with whether it is a short reply that
 * refers back. Every value is non-negative (a log-odds is split into its positive and negative
 * parts) because OpenNLP's real-valued maxent training takes no negative values.
 *
 * @param names feature names, one per value
 * @param values feature values
 */
public record ContextFeatures(String[] names, float[] values) {
  private static final double CLIP = 8;
  /**
   * The version of these features a bundle's context stage records: change it with any change to
   * what {@link #of} computes, so that older bundles are refused. The reply cues' words and
   * length are data the bundle records ({@link ReplyCues}), not part of the version.
   */
  public static final int VERSION = 1;

  /** Families of context features, each of which can be left out to measure what it brings. */
  public enum Family {
    /** The opener's scores, alone and crossed with the reply cues. */
    OPENER,
    /** The thread's highest and mean false_report so far, alone and crossed. */
    RUNNING,
    /** 1/distance from the last post flagged for false_report, alone and crossed. */
    RECENT,
    /** Whether the post is a short reply and whether it refers back. */
    REPLY_CUES
  }

  /**
   * The features of a post with these post-alone scores, after the thread's {@code before}, with
   * the model's reply cues.
   */
  public static ContextFeatures of(ReplyCues replyCues, String text, double falseReport,
      double harassment, ThreadState before) {
    return of(replyCues, text, falseReport, harassment, before, EnumSet.noneOf(Family.class));
  }

  /**
   * As {@link #of(ReplyCues, String, double, double, ThreadState)} without the families in
   * {@code off}.
   */
  public static ContextFeatures of(ReplyCues replyCues, String text, double falseReport,
      double harassment, ThreadState before, Set<Family> off) {
    boolean opener = !off.contains(Family.OPENER);
    boolean running = !off.contains(Family.RUNNING);
    boolean recentOn = !off.contains(Family.RECENT);
    boolean cues = !off.contains(Family.REPLY_CUES);
    Builder b = new Builder();
    b.add("bias", 1);
    b.logit("self_fr", falseReport);
    b.logit("self_h", harassment);
    if (before.posts() == 0) {
      b.add("opener", 1);
      return b.build();
    }
    b.add("reply", 1);
    if (opener) {
      b.logit("op_fr", before.openerFalseReport());
      b.logit("op_h", before.openerHarassment());
    }
    if (running) {
      b.add("max_fr", before.maxFalseReport());
      b.add("mean_fr", before.meanFalseReport());
    }
    double recent = !recentOn || before.sinceFlagged() == 0 ? 0 : 1.0 / before.sinceFlagged();
    b.add("recent_flag", recent);
    if (cues && replyCues.refersBack(text)) {
      b.add("refers", 1);
      if (opener) {
        b.logit("refers*op_fr", before.openerFalseReport());
      }
      if (running) {
        b.add("refers*max_fr", before.maxFalseReport());
      }
      b.add("refers*recent_flag", recent);
    } else if (cues && replyCues.isShort(text)) {
      b.add("short", 1);
      if (opener) {
        b.logit("short*op_fr", before.openerFalseReport());
      }
    }
    return b.build();
  }

  private static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<Float> values = new ArrayList<>();

    void add(String name, double value) {
      if (value > 0) {
        names.add(name);
        values.add((float) value);
      }
    }

    void logit(String name, double p) {
      double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
      double l = Math.max(-CLIP, Math.min(CLIP, Math.log(q / (1 - q))));
      add(name + "+", l);
      add(name + "-", -l);
    }

    ContextFeatures build() {
      float[] v = new float[values.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = values.get(i);
      }
      return new ContextFeatures(names.toArray(new String[0]), v);
    }
  }
}
