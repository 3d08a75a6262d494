package org.trollscan.model;

import java.nio.charset.StandardCharsets;
import org.trollscan.features.FeatureHash;

/**
 * Reads the weights of a binary OpenNLP maxent model (GIS or QN, in the layout OpenNLP's
 * {@code GISModelWriter} and {@code QNModelWriter} write) straight from its bytes: for each
 * predicate, the {@link FeatureHash} of its name and its positive-outcome weight minus its
 * negative-outcome weight. Scoring needs nothing else, and hashing the names as they are decoded
 * skips what OpenNLP's own reader builds for {@code eval}: a String and a map entry per
 * predicate, which were two thirds of a one-post run's model load. OpenNLP's reader stays the
 * reference: tests hold the scores of both to 1e-9 on the shipped model.
 */
final class MaxentWeightsReader {
  /**
   * The most predicates a bundle's label models may hold together: about six times the shipped
   * model's 174,471. Scoring holds about 90 bytes of tables per predicate (docs/model-bundle.md).
   */
  static final int MAX_PREDICATES = 1_000_000;

  /** One label's predicates: hashes[i] has weight weights[i] (positive minus negative). */
  record LabelWeights(long[] hashes, double[] weights) {}

  private final byte[] bytes;
  private final String name;
  private int pos;

  private MaxentWeightsReader(byte[] bytes, String name) {
    this.bytes = bytes;
    this.name = name;
  }

  /** Reads a serialised binary model; {@code name} names it in error messages. */
  static LabelWeights read(byte[] bytes, String name) {
    return new MaxentWeightsReader(bytes, name).read();
  }

  private LabelWeights read() {
    try {
      String type = string();
      if (type.equals("GIS")) {
        u32(); // correction constant and parameter: written for old readers, unused by eval
        u64();
      } else if (!type.equals("QN")) {
        throw malformed("a " + type + " model, not a maxent (GIS or QN) model");
      }
      int outcomes = count("outcomes", 2);
      int positive = -1;
      int negative = -1;
      for (int i = 0; i < outcomes; i++) {
        String outcome = string();
        if (outcome.equals(LabelModel.POSITIVE)) {
          positive = i;
        } else if (outcome.equals(LabelModel.NEGATIVE)) {
          negative = i;
        }
      }
      if (positive < 0 || negative < 0) {
        throw new BundleException(name + " is not a binary model (no outcomes "
            + LabelModel.POSITIVE + " and " + LabelModel.NEGATIVE + ")");
      }
      // Each pattern is "n o1 o2 ...": the next n predicates have parameters for outcomes o1...
      int[][] patterns = new int[count("outcome patterns", 2)][];
      long predicatesInPatterns = 0;
      for (int i = 0; i < patterns.length; i++) {
        patterns[i] = pattern(string(), outcomes);
        predicatesInPatterns += patterns[i][0];
      }
      int predicates = count("predicates", 2);
      if (predicatesInPatterns != predicates) {
        throw malformed("the outcome patterns cover " + predicatesInPatterns + " predicates, not "
            + predicates);
      }
      long[] hashes = new long[predicates];
      for (int i = 0; i < predicates; i++) {
        hashes[i] = hashedString();
      }
      double[] weights = new double[predicates];
      int predicate = 0;
      for (int[] pattern : patterns) {
        for (int j = 0; j < pattern[0]; j++, predicate++) {
          double w = 0;
          for (int k = 1; k < pattern.length; k++) {
            double parameter = Double.longBitsToDouble(u64());
            w += pattern[k] == positive ? parameter : pattern[k] == negative ? -parameter : 0;
          }
          weights[predicate] = w;
        }
      }
      if (pos != bytes.length) {
        throw malformed((bytes.length - pos) + " bytes after the last parameter");
      }
      return new LabelWeights(hashes, weights);
    } catch (IndexOutOfBoundsException e) { // a read past the end of the bytes
      throw malformed("it ends early");
    }
  }

  private int[] pattern(String text, int outcomes) {
    String[] parts = text.split(" ");
    int[] pattern = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        pattern[i] = Integer.parseInt(parts[i]);
        if (pattern[i] < 0 || (i > 0 && pattern[i] >= outcomes)) {
          throw malformed("outcome pattern '" + text + "'");
        }
      }
    } catch (NumberFormatException e) {
      throw malformed("outcome pattern '" + text + "'");
    }
    return pattern;
  }

  private BundleException malformed(String what) {
    return new BundleException(name + ": cannot parse the maxent model: " + what);
  }

  /**
   * A count of things that follow, each at least {@code minBytes} long; checked against the
   * bytes that are left and {@link #MAX_PREDICATES} before anything is allocated for them, as the
   * count itself is only what the file says.
   */
  private int count(String what, int minBytes) {
    int n = u32();
    if (n < 0) {
      throw malformed("negative count " + n);
    }
    if (n > MAX_PREDICATES) {
      throw malformed("it declares " + n + " " + what + "; allowed: at most " + MAX_PREDICATES);
    }
    if ((long) n * minBytes > bytes.length - pos) {
      throw malformed("it declares " + n + " " + what + " but only " + (bytes.length - pos)
          + " bytes follow");
    }
    return n;
  }

  private int u16() {
    return ((bytes[pos++] & 0xff) << 8) | (bytes[pos++] & 0xff);
  }

  private int u32() {
    return (u16() << 16) | u16();
  }

  private long u64() {
    return ((long) u32() << 32) | (u32() & 0xffffffffL);
  }

  /** A string as DataOutputStream.writeUTF writes it; only the few non-predicate strings. */
  private String string() {
    int length = u16();
    String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  /**
   * The FeatureHash of a writeUTF string, decoded char by char from its modified UTF-8 (NUL as two
   * bytes, a supplementary character as two three-byte surrogates), without building it.
   */
  private long hashedString() {
    int end = u16() + pos;
    if (end > bytes.length) {
      throw malformed("it ends early");
    }
    long h = FeatureHash.START;
    while (pos < end) {
      int b = bytes[pos++] & 0xff;
      int c;
      if (b < 0x80) {
        c = b;
      } else if ((b & 0xe0) == 0xc0) {
        c = ((b & 0x1f) << 6) | continuation();
      } else if ((b & 0xf0) == 0xe0) {
        c = ((b & 0x0f) << 12) | (continuation() << 6) | continuation();
      } else {
        throw malformed("a predicate name is not modified UTF-8");
      }
      h = FeatureHash.extend(h, (char) c);
    }
    if (pos != end) {
      throw malformed("a predicate name is not modified UTF-8");
    }
    return FeatureHash.finish(h);
  }

  private int continuation() {
    int b = bytes[pos++] & 0xff;
    if ((b & 0xc0) != 0x80) {
      throw malformed("a predicate name is not modified UTF-8");
    }
    return b & 0x3f;
  }
}
