package org.trollscan.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.features.FeatureHash;
import org.trollscan.features.FeatureVector;
import org.trollscan.features.Featurizer;
import org.trollscan.features.HashedFeatures;
import org.trollscan.normalize.Chars;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;

/**
 * Scores posts with a model bundle: featurises the text with the bundle's settings, computes each
 * label's probability, applies {@link LabelImplication} and the thresholds, and finds the
 * evidence for each flagged label. Thread-safe: one scorer serves all scoring threads.
 */
public final class Scorer {
  /** Posts longer than this are scored on their first this-many characters and marked. */
  public static final int MAX_CHARS = 20_000;

  /**
   * How evidence phrases are chosen, the evidence stage's settings in the bundle ({@link
   * StepSettings}).
   *
   * @param phrases the most phrases per label
   * @param maxTokens the most tokens in one phrase
   * @param minShareOfTop a phrase raising the score by less than this share of the best phrase is
   *     not shown
   */
  record EvidenceLimits(int phrases, int maxTokens, double minShareOfTop) {
    static EvidenceLimits of(StepSettings settings) {
      return new EvidenceLimits(settings.whole(StepSettings.Setting.EVIDENCE_PHRASES),
          settings.whole(StepSettings.Setting.EVIDENCE_MAX_TOKENS),
          settings.decimal(StepSettings.Setting.EVIDENCE_MIN_SHARE_OF_TOP));
    }
  }

  private static boolean onlyFunctionWords(java.util.Set<String> functionWords, String[] tokens,
      int from, int to) {
    for (int i = from; i < to; i++) {
      if (!functionWords.contains(tokens[i]) && Chars.startsWord(tokens[i])) {
        return false;
      }
    }
    return true;
  }

  private final ModelBundle bundle;
  private final Featurizer featurizer;
  private final EvidenceLimits limits;
  /** Words that make no evidence phrase alone ({@code function-words.txt} of the bundle). */
  private final java.util.Set<String> functionWords;
  private final LabelModel[] models;
  /**
   * Positions of the two labels in {@link #models} (and the weight table), or -1; false_report's
   * is -1 too when the bundle does not apply {@link LabelImplication}.
   */
  private final int harassment;
  private final int falseReport;

  public Scorer(ModelBundle bundle) {
    this.bundle = bundle;
    // The bundle's own step settings: a bundle that records none has the defaults.
    StepSettings steps = bundle.manifest().pipeline().settings();
    this.featurizer = new Featurizer(bundle.manifest().features(), steps, bundle.rules());
    this.limits = EvidenceLimits.of(steps);
    this.functionWords = bundle.rules().words(Rules.FUNCTION_WORDS);
    this.models = bundle.models().values().toArray(LabelModel[]::new);
    boolean implied = bundle.manifest().falseReportImpliesHarassment();
    this.harassment = bundle.labels().indexOf(Label.HARASSMENT);
    this.falseReport = implied ? bundle.labels().indexOf(Label.FALSE_REPORT) : -1;
  }

  public ModelBundle bundle() {
    return bundle;
  }

  public Score score(String text, boolean withEvidence) {
    return score(text, withEvidence, false);
  }

  /**
   * Scores a post; with {@code evidenceForAll}, evidence is found for every label, flagged or
   * not (what a report needs to show why a false negative scored as high as it did).
   */
  public Score score(String text, boolean withEvidence, boolean evidenceForAll) {
    return score(compute(text), withEvidence, evidenceForAll);
  }

  /**
   * {@link #score} with every label's evidence, plus each label's additive breakdown by feature
   * name. The probabilities, logits, contributions and evidence are those of the one computation
   * {@link #score} makes; names are only looked up for the features it found.
   */
  public Explanation explain(String text) {
    Computed c = compute(text);
    Score score = score(c, true, true);
    Map<Long, String> names = names(c);
    long[] hashes = c.features().hashes();
    float[] values = c.features().values();
    Map<Label, Explanation.LabelExplanation> labels = new EnumMap<>(Label.class);
    for (int l = 0; l < models.length; l++) {
      Label label = models[l].label();
      List<Contribution> list = new ArrayList<>();
      for (int i = 0; i < hashes.length; i++) {
        double contribution = c.contributions()[l][i];
        if (contribution != 0) {
          String name = names.get(hashes[i]);
          if (name == null) {
            // The names come from the generators' named pass; a hash it does not give is a
            // generator whose two passes disagree, which no listing may paper over.
            throw new IllegalStateException("no feature name for hash "
                + Long.toHexString(hashes[i]) + " (the featurizer's two passes disagree)");
          }
          list.add(new Contribution(name, values[i],
              bundle.compiled().weight(c.slots()[i], l), contribution));
        }
      }
      list.sort(Comparator.comparingDouble((Contribution x) -> -Math.abs(x.contribution())));
      labels.put(label, new Explanation.LabelExplanation(score.probabilities().get(label),
          models[l].threshold(), c.logits()[l], c.modelProbabilities()[l],
          c.implied() && l == harassment, list, score.evidence().get(label)));
    }
    return new Explanation(c.analyzed().get(Annotation.NORMALIZED).text(),
        List.of(c.analyzed().get(Annotation.TOKENS)), labels);
  }

  /**
   * Everything one post's scores come from: its analysis and features, each feature's slot in
   * the compiled weights and its contribution per label (indexed like {@code features}), each
   * label's logit and model probability, and its probability after {@link LabelImplication}.
   */
  private record Computed(AnalyzedText analyzed, HashedFeatures features, int[] slots,
      double[][] contributions, double[] logits, double[] modelProbabilities,
      double[] probabilities, boolean implied, boolean truncated) {}

  /**
   * The analysis {@link #score} makes of a post, with the bundle's rules: of its first
   * {@link #MAX_CHARS} characters. {@code summarize} finds a flagged post's targets in it.
   */
  public AnalyzedText analyze(String text) {
    return featurizer.analyze(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
  }

  /** The one computation behind {@link #score} and {@link #explain}. */
  private Computed compute(String text) {
    boolean truncated = text.length() > MAX_CHARS;
    AnalyzedText analyzed = analyze(text);
    HashedFeatures hf = featurizer.featurizeHashed(analyzed);
    CompiledWeights compiled = bundle.compiled();
    int features = hf.hashes().length;
    int[] slots = new int[features];
    for (int i = 0; i < features; i++) {
      slots[i] = compiled.find(hf.hashes()[i]);
    }
    double[][] contributions = new double[models.length][features];
    double[] logits = new double[models.length];
    double[] modelP = new double[models.length];
    for (int l = 0; l < models.length; l++) {
      double logit = 0;
      for (int i = 0; i < features; i++) {
        contributions[l][i] = hf.values()[i] * compiled.weight(slots[i], l);
        logit += contributions[l][i];
      }
      logits[l] = logit;
      modelP[l] = logistic(logit);
    }
    double[] p = modelP.clone();
    boolean implied = impliedHarassment(p);
    return new Computed(analyzed, hf, slots, contributions, logits, modelP, p, implied,
        truncated);
  }

  /** A computed post as a {@link Score}: flags, and the evidence asked for. */
  private Score score(Computed c, boolean withEvidence, boolean evidenceForAll) {
    HashedFeatures hf = c.features();
    Map<Label, Double> probabilities = new EnumMap<>(Label.class);
    List<Label> flagged = new ArrayList<>(2);
    Map<Label, List<String>> evidence = new EnumMap<>(Label.class);
    Map<Label, List<EvidenceSpan>> spans = new EnumMap<>(Label.class);
    for (int l = 0; l < models.length; l++) {
      LabelModel m = models[l];
      double p = c.probabilities()[l];
      probabilities.put(m.label(), p);
      boolean flag = p >= m.threshold();
      if (flag) {
        flagged.add(m.label());
      }
      if (withEvidence && (flag || evidenceForAll)) {
        // Harassment that false_report implies is shown with false_report's phrases: they are
        // why the post counts as harassment.
        List<EvidenceSpan> found = evidenceSpans(limits, functionWords, c.analyzed(),
            hf.occurrenceFeature(), hf.occurrenceFrom(), hf.occurrenceTo(),
            c.contributions()[evidenceSource(l, c.implied())]);
        spans.put(m.label(), found);
        evidence.put(m.label(), phrases(found));
      }
    }
    return new Score(probabilities, flagged, evidence, c.truncated(), spans);
  }

  /**
   * The names of the features a computation found, by hash: the featurizer's named pass over the
   * same analysed text (what training saw), used for the listing only.
   */
  private Map<Long, String> names(Computed c) {
    String[] named = featurizer.featurize(c.analyzed()).names();
    Map<Long, String> out = new HashMap<>(named.length * 2);
    for (String name : named) {
      out.putIfAbsent(FeatureHash.of(name), name);
    }
    return out;
  }

  /**
   * Applies {@link LabelImplication} to the labels' model probabilities, in place: whether it
   * raised harassment.
   */
  private boolean impliedHarassment(double[] p) {
    if (harassment < 0 || falseReport < 0
        || !LabelImplication.raises(p[harassment], p[falseReport], models[falseReport].threshold())) {
      return false;
    }
    p[harassment] = p[falseReport];
    return true;
  }

  /** Whose contributions give label {@code l}'s evidence: false_report's for implied harassment. */
  private int evidenceSource(int l, boolean implied) {
    return implied && l == harassment ? falseReport : l;
  }

  static double logistic(double logit) {
    return 1.0 / (1.0 + Math.exp(-logit));
  }

  /**
   * Up to {@code limits.phrases()} phrases (3 by default) that raised the score most. Each
   * feature's contribution is shared out over the tokens it came from; phrases are runs of tokens
   * with a positive share, at most {@code limits.maxTokens()} tokens long (6), ranked by their
   * total.
   */
  static List<String> evidence(EvidenceLimits limits, java.util.Set<String> functionWords,
      AnalyzedText text, int[] occurrenceFeature, int[] occurrenceFrom, int[] occurrenceTo,
      double[] contributions) {
    return phrases(evidenceSpans(limits, functionWords, text, occurrenceFeature, occurrenceFrom,
        occurrenceTo, contributions));
  }

  private static List<String> phrases(List<EvidenceSpan> spans) {
    List<String> out = new ArrayList<>(spans.size());
    for (EvidenceSpan s : spans) {
      out.add(s.phrase());
    }
    return out;
  }

  /** {@link #evidence}, with each phrase's offsets in the original post and its weight. */
  static List<EvidenceSpan> evidenceSpans(EvidenceLimits limits,
      java.util.Set<String> functionWords, AnalyzedText text, int[] occurrenceFeature,
      int[] occurrenceFrom, int[] occurrenceTo, double[] contributions) {
    String[] tokens = text.get(Annotation.TOKENS);
    int n = tokens.length;
    if (n == 0) {
      return List.of();
    }
    int[] occurrencesOf = new int[contributions.length];
    for (int f : occurrenceFeature) {
      occurrencesOf[f]++;
    }
    double[] tokenScore = new double[n];
    for (int k = 0; k < occurrenceFeature.length; k++) {
      int f = occurrenceFeature[k];
      int from = occurrenceFrom[k];
      int to = occurrenceTo[k];
      if (to <= from) {
        continue;
      }
      double share = contributions[f] / occurrencesOf[f] / (to - from);
      for (int t = from; t < to; t++) {
        tokenScore[t] += share;
      }
    }
    List<double[]> phrases = new ArrayList<>(); // {score, from, to}
    int t = 0;
    while (t < n) {
      if (tokenScore[t] <= 0 || !Chars.startsWord(tokens[t])) {
        t++;
        continue;
      }
      int start = t;
      while (t < n && tokenScore[t] > 0) {
        t++;
      }
      int end = t;
      while (end > start && !Chars.startsWord(tokens[end - 1])) {
        end--;
      }
      phrases.add(bestWindow(tokenScore, start, end, limits.maxTokens()));
    }
    phrases.sort(Comparator.comparingDouble((double[] p) -> -p[0]));
    List<EvidenceSpan> out = new ArrayList<>(limits.phrases());
    double top = phrases.isEmpty() ? 0 : phrases.get(0)[0];
    for (double[] p : phrases) {
      if (out.size() == limits.phrases() || p[0] < limits.minShareOfTop() * top) {
        break;
      }
      if (onlyFunctionWords(functionWords, tokens, (int) p[1], (int) p[2])) {
        continue; // "and | as" tells a moderator nothing
      }
      EvidenceSpan span = span(text, (int) p[1], (int) p[2], p[0]);
      if (span != null && !containsPhrase(out, span.phrase())) {
        out.add(span);
      }
    }
    return out;
  }

  /**
   * The original text of tokens {@code from} to {@code to}, stripped of surrounding white space
   * as {@code String.strip} would, with its offsets; null when nothing is left.
   */
  private static EvidenceSpan span(AnalyzedText text, int from, int to, double weight) {
    String original = text.get(Annotation.ORIGINAL);
    int begin = text.originalStart(from);
    int end = Math.max(begin, text.originalEnd(to));
    while (begin < end) {
      int cp = original.codePointAt(begin);
      if (!Character.isWhitespace(cp)) {
        break;
      }
      begin += Character.charCount(cp);
    }
    while (end > begin) {
      int cp = original.codePointBefore(end);
      if (!Character.isWhitespace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return begin == end ? null
        : new EvidenceSpan(original.substring(begin, end), begin, end, weight);
  }

  private static boolean containsPhrase(List<EvidenceSpan> spans, String phrase) {
    for (EvidenceSpan s : spans) {
      if (s.phrase().equals(phrase)) {
        return true;
      }
    }
    return false;
  }

  private static double[] bestWindow(double[] score, int start, int end, int maxTokens) {
    int width = Math.min(maxTokens, end - start);
    double best = Double.NEGATIVE_INFINITY;
    int bestFrom = start;
    for (int from = start; from + width <= end; from++) {
      double s = 0;
      for (int t = from; t < from + width; t++) {
        s += score[t];
      }
      if (s > best) {
        best = s;
        bestFrom = from;
      }
    }
    return new double[] {best, bestFrom, bestFrom + width};
  }
}
