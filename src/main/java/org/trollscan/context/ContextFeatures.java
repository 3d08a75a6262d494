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

  /**
   * Every feature a context model may read, by name: {@link #of} can only add these, so a
   * bundle's context model can be checked against {@link #NAMES}. A log-odds feature is two
   * names, its positive and its negative part.
   */
  private enum Name {
    BIAS("bias", false),
    SELF_FR("self_fr", true),
    SELF_H("self_h", true),
    OPENER("opener", false),
    REPLY("reply", false),
    OP_FR("op_fr", true),
    OP_H("op_h", true),
    MAX_FR("max_fr", false),
    MEAN_FR("mean_fr", false),
    RECENT_FLAG("recent_flag", false),
    REFERS("refers", false),
    REFERS_OP_FR("refers*op_fr", true),
    REFERS_MAX_FR("refers*max_fr", false),
    REFERS_RECENT_FLAG("refers*recent_flag", false),
    SHORT("short", false),
    SHORT_OP_FR("short*op_fr", true);

    /** The name itself, or for a log-odds feature its positive part. */
    final String plain;
    /** A log-odds feature's negative part; null for the others. */
    final String negative;

    Name(String name, boolean logOdds) {
      this.plain = logOdds ? name + "+" : name;
      this.negative = logOdds ? name + "-" : null;
    }
  }

  /** The names of every feature {@link #of} can give, derived from what it adds. */
  public static final Set<String> NAMES;

  static {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (Name n : Name.values()) {
      names.add(n.plain);
      if (n.negative != null) {
        names.add(n.negative);
      }
    }
    NAMES = java.util.Collections.unmodifiableSet(names);
  }

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
    b.add(Name.BIAS, 1);
    b.logit(Name.SELF_FR, falseReport);
    b.logit(Name.SELF_H, harassment);
    if (before.posts() == 0) {
      b.add(Name.OPENER, 1);
      return b.build();
    }
    b.add(Name.REPLY, 1);
    if (opener) {
      b.logit(Name.OP_FR, before.openerFalseReport());
      b.logit(Name.OP_H, before.openerHarassment());
    }
    if (running) {
      b.add(Name.MAX_FR, before.maxFalseReport());
      b.add(Name.MEAN_FR, before.meanFalseReport());
    }
    double recent = !recentOn || before.sinceFlagged() == 0 ? 0 : 1.0 / before.sinceFlagged();
    b.add(Name.RECENT_FLAG, recent);
    if (cues && replyCues.refersBack(text)) {
      b.add(Name.REFERS, 1);
      if (opener) {
        b.logit(Name.REFERS_OP_FR, before.openerFalseReport());
      }
      if (running) {
        b.add(Name.REFERS_MAX_FR, before.maxFalseReport());
      }
      b.add(Name.REFERS_RECENT_FLAG, recent);
    } else if (cues && replyCues.isShort(text)) {
      b.add(Name.SHORT, 1);
      if (opener) {
        b.logit(Name.SHORT_OP_FR, before.openerFalseReport());
      }
    }
    return b.build();
  }

  private static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<Float> values = new ArrayList<>();

    void add(Name name, double value) {
      add(name.plain, value);
    }

    private void add(String name, double value) {
      if (value > 0) {
        names.add(name);
        values.add((float) value);
      }
    }

    void logit(Name name, double p) {
      double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
      double l = Math.max(-CLIP, Math.min(CLIP, Math.log(q / (1 - q))));
      add(name.plain, l);
      add(name.negative, -l);
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
