package org.trollscan.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.CueMatcher;
import org.trollscan.annotate.CueMatcher.CueMatch;
import org.trollscan.annotate.PhraseIndex;
import org.trollscan.annotate.TextAnalyzer;
import org.trollscan.rules.Lexicons;
import org.trollscan.rules.Rules;
import org.trollscan.rules.StepSettings;

/**
 * Cues from a model's lexicons ({@code cues.txt}, matched by the annotator {@link CueMatcher})
 * and their co-occurrence: an authority, a
 * report verb, a call to action, a personal target, and pairs of them in one sentence ("s:") or
 * one post ("d:"), such as {@code s:report_verb+authority} for "ring social services". These
 * carry the labelling guidelines' signals to posts whose exact words the training data never saw.
 */
public final class CueFeatures implements TextFeatureGenerator {
  /**
   * Cue pairs whose co-occurrence matters to a label ({@code cue-pairs.txt}); order inside a pair
   * is irrelevant.
   */
  private final String[][] pairs;
  /**
   * Absence features ({@code absence.txt}): each the feature's name, then the cues a post needs
   * for a label to apply at all, whose absence is a feature too.
   */
  private final String[][] absence;
  /** Words between a subject and the verb it does: "HMRC have sent", "they've already reported". */
  private final java.util.Set<String> auxiliaries;
  /** Auxiliaries of a past passive, which tells of a report: "she's been reported", "got flagged". */
  private final java.util.Set<String> passiveAuxiliaries;
  /** Words before another's report that make it imagined, not told: "if someone called ...". */
  private final java.util.Set<String> conditionals;
  /** Pronouns that, right after a contact verb, are the person contacted: "ring him". */
  private final java.util.Set<String> personObjects;
  /**
   * Pronouns that, right after a contact verb, are its object or a possessive: "ring her", "ring
   * her employer".
   */
  private final java.util.Set<String> objectOrPossessive;
  /**
   * Words after "her" ({@link #objectOrPossessive}) that show it is the object ("send her
   * something", "ring her and ..."), not a possessive before a gatekeeper ("ring her employer").
   */
  private final java.util.Set<String> afterObjectHer;
  /** Words before an authority that make it the object of a verb: "get the police sent round". */
  private final java.util.Set<String> causatives;

  private final Rules rules;
  private final List<String> cueNames;
  /** {@link #pairs} as cue ids. */
  private final int[][] pairIds;
  private final int negationId;
  private final int authorityId;
  private final int reportVerbId;
  private final int bragId;
  /** {@code [authority_acts]}: past report verb forms that an authority or another person can do. */
  private final PhraseIndex authorityActs;
  /** {@code [others_act]}: subjects of a past report verb that make it another's report. */
  private final PhraseIndex otherSubjects;
  /** {@code [contact_verbs]}: report verbs whose object can be the person contacted. */
  private final PhraseIndex contactVerbs;
  private final long negatable;
  /** Hostile cues that mean little without a target: profanity. */
  private final long aimless;
  /** For each hostile cue id, its "without a target" feature name ("cue:profanity+no_target"). */
  private final String[] unaimed;
  /** {@link #absence}: for each absence feature, the cues whose presence rules it out. */
  private final long[] absenceMasks;
  private final Names spokenNames;
  private final int otherSubjectMaxTokens;
  private final int causativeMaxDistance;
  private final Names quotedNames;

  /**
   * The cue features of a model's rules, over the matches of {@code matcher} (which must be built
   * from the same rules). Immutable; build it once per model.
   */
  public CueFeatures(Rules rules, CueMatcher matcher) {
    this(rules, matcher,
        StepSettings.defaults().whole(StepSettings.Setting.CUES_OTHER_SUBJECT_MAX_TOKENS),
        StepSettings.defaults().whole(StepSettings.Setting.CUES_CAUSATIVE_MAX_DISTANCE));
  }

  /**
   * The cue features of a model's rules and settings.
   *
   * @param otherSubjectMaxTokens the longest {@code [others_act]} subject ("someone", "her ex")
   *     before a past report verb that then reports nobody
   * @param causativeMaxDistance how many tokens before an authority "get" or "have" may stand
   *     and make it the object ("get the council called on her")
   */
  public CueFeatures(Rules rules, CueMatcher matcher, int otherSubjectMaxTokens,
      int causativeMaxDistance) {
    this.otherSubjectMaxTokens = otherSubjectMaxTokens;
    this.causativeMaxDistance = causativeMaxDistance;
    this.rules = rules;
    Lexicons lexicons = rules.lexicons();
    cueNames = matcher.cueNames();
    pairs = rules.cuePairs().toArray(String[][]::new);
    absence = rules.absence().toArray(String[][]::new);
    auxiliaries = rules.words(Rules.AUXILIARIES);
    passiveAuxiliaries = rules.words(Rules.PASSIVE_AUXILIARIES);
    conditionals = rules.words(Rules.CONDITIONALS);
    personObjects = rules.words(Rules.PERSON_OBJECTS);
    objectOrPossessive = rules.words(Rules.OBJECT_OR_POSSESSIVE);
    afterObjectHer = rules.words(Rules.AFTER_OBJECT_HER);
    causatives = rules.words(Rules.CAUSATIVES);
    pairIds = new int[pairs.length][2];
    absenceMasks = new long[absence.length];
    for (int p = 0; p < pairs.length; p++) {
      pairIds[p][0] = cueNames.indexOf(pairs[p][0]);
      pairIds[p][1] = cueNames.indexOf(pairs[p][1]);
    }
    negationId = cueNames.indexOf("negation");
    authorityId = cueNames.indexOf("authority");
    reportVerbId = cueNames.indexOf("report_verb");
    bragId = cueNames.indexOf("brag");
    authorityActs = scopeList(lexicons, "authority_acts");
    otherSubjects = scopeList(lexicons, "others_act");
    contactVerbs = scopeList(lexicons, "contact_verbs");
    negatable = mask(rules.words(Rules.NEGATABLE));
    for (int a = 0; a < absence.length; a++) {
      absenceMasks[a] = mask(List.of(absence[a]).subList(1, absence[a].length));
    }
    aimless = mask(rules.words(Rules.AIMLESS));
    unaimed = new String[cueNames.size()];
    for (int id = 0; id < cueNames.size(); id++) {
      unaimed[id] = "cue:" + cueNames.get(id) + "+no_target";
    }
    spokenNames = Names.of("", cueNames, pairs, absence);
    quotedNames = Names.of("q", cueNames, pairs, absence);
  }

  private static PhraseIndex scopeList(Lexicons lexicons, String section) {
    return new PhraseIndex(lexicons.phrasesByCue().getOrDefault(section, List.of()));
  }

  private long mask(java.util.Collection<String> cues) {
    long m = 0;
    for (String cue : cues) {
      int id = cueNames.indexOf(cue);
      if (id >= 0) {
        m |= 1L << id;
      }
    }
    return m;
  }

  @Override
  public String family() {
    return "cue";
  }

  @Override
  public List<Annotation.Key<?>> requires() {
    return List.of(Annotation.TOKENS, Annotation.SENTENCES, Annotation.QUOTED, Annotation.NEGATED,
        Annotation.CUES);
  }

  /** Through OpenNLP's interface, tokens are annotated with this family's own rules. */
  @Override
  public TextAnalyzer doccatAnalyzer() {
    return TextAnalyzer.forTokenizer("forum", rules);
  }

  /**
   * Marks the report verbs that report nobody to a gatekeeper, with the words before them that
   * go with them, or returns null when there is none: a contact verb whose object is the person
   * contacted ("ring him and tell him what she's like", "send her something"), and a past form
   * whose subject is an authority ("the school called CPS", "HMRC have sent me a letter") or
   * another person ("someone reported her to the council"), with the words between, so that it
   * is no brag either ("they've already reported her"), or that is a past passive ("she had been
   * reported to HMRC"). The matches stay in the analysis, which
   * still sees a described report there (a verdict after it condemns it); only the features
   * leave them out.
   */
  private boolean[] verbsReportingNobody(List<CueMatch> matches, String[] tokens) {
    boolean[] marked = null;
    for (CueMatch m : matches) {
      if (m.cueId() != reportVerbId) {
        continue;
      }
      int from = contactsAPerson(m, tokens) ? m.from() : othersReportStart(matches, m, tokens);
      if (from >= 0) {
        if (marked == null) {
          marked = new boolean[tokens.length];
        }
        java.util.Arrays.fill(marked, from, m.from() + 1, true);
      }
    }
    return marked;
  }

  /**
   * Where the subject's auxiliaries start before a past report verb that an authority or another
   * person did, or where its passive auxiliary stands ("she had been reported to HMRC", "he was
   * referred"), or -1. An authority after "get" or "have" is the object ("get the council called
   * on her") and keeps its verb; a modal passive ("she should be reported") asks for a report.
   */
  private int othersReportStart(List<CueMatch> matches, CueMatch verb, String[] tokens) {
    if (authorityActs.longestAt(tokens, verb.from()) == 0) {
      return -1;
    }
    if (verb.from() > 0 && passiveAuxiliaries.contains(tokens[verb.from() - 1])) {
      return verb.from() - 1;
    }
    int subjectEnd = verb.from();
    while (subjectEnd > 0 && auxiliaries.contains(tokens[subjectEnd - 1])) {
      subjectEnd--;
    }
    return endsActingAuthority(matches, subjectEnd, tokens) || endsOtherSubject(tokens, subjectEnd)
        ? subjectEnd : -1;
  }

  /** Whether a one-word contact verb takes the person contacted as its object: "ring him". */
  private boolean contactsAPerson(CueMatch verb, String[] tokens) {
    int object = verb.to();
    if (verb.to() - verb.from() != 1 || object >= tokens.length
        || contactVerbs.longestAt(tokens, verb.from()) == 0) {
      return false;
    }
    if (personObjects.contains(tokens[object])) {
      return true;
    }
    return objectOrPossessive.contains(tokens[object])
        && (object + 1 == tokens.length || afterObjectHer.contains(tokens[object + 1]));
  }

  private boolean endsActingAuthority(List<CueMatch> matches, int end, String[] tokens) {
    for (CueMatch a : matches) {
      if (a.cueId() == authorityId && a.to() == end && !isCausativeObject(a, tokens)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an {@code [others_act]} phrase of up to {@code otherSubjectMaxTokens} tokens ends
   * just before {@code end}, and no "if" comes before it: "if someone told the commissioner ..."
   * imagines a report, which is a way of asking for one.
   */
  private boolean endsOtherSubject(String[] tokens, int end) {
    for (int start = Math.max(0, end - otherSubjectMaxTokens); start < end; start++) {
      if (otherSubjects.longestAt(tokens, start) == end - start) {
        return start == 0 || !conditionals.contains(tokens[start - 1]);
      }
    }
    return false;
  }

  /** Whether "get", "got" or "have" stands before the authority, its article or possessive. */
  private boolean isCausativeObject(CueMatch authority, String[] tokens) {
    int from = authority.from();
    for (int k = from - 1; k >= 0 && k >= from - causativeMaxDistance; k--) {
      if (causatives.contains(tokens[k])) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void generate(AnalyzedText text, FeatureSink sink) {
    List<CueMatch> spoken = new ArrayList<>();
    List<CueMatch> quoted = new ArrayList<>();
    boolean[] inQuotes = text.get(Annotation.QUOTED);
    List<CueMatch> cues = text.get(Annotation.CUES);
    boolean[] reportNobody = verbsReportingNobody(cues, text.get(Annotation.TOKENS));
    // The analysis matched the cue phrases once already (there is one lexicon, so one matcher).
    for (CueMatch m : cues) {
      if (reportNobody != null && reportNobody[m.from()]
          && (m.cueId() == reportVerbId || m.cueId() == bragId)) {
        continue;
      }
      (inQuotes[m.from()] ? quoted : spoken).add(m);
    }
    // Reported speech is kept apart: quoting "ring social services on her" to condemn it is not
    // saying it.
    emit(spoken, spokenNames, text, sink);
    emit(quoted, quotedNames, text, sink);
  }

  /**
   * Feature names for spoken or quoted cues ("cue:authority" or "qcue:authority"), by cue id,
   * built once: the scoring path emits thousands of cue features a second and should not
   * concatenate strings for each.
   */
  private record Names(String[] cue, String[] negated, String[] absent, String[] pairInPost,
      String[] pairInSentence) {
    static Names of(String prefix, List<String> cueNames, String[][] pairs, String[][] absence) {
      String[] cue = new String[cueNames.size()];
      String[] negated = new String[cueNames.size()];
      for (int id = 0; id < cue.length; id++) {
        cue[id] = prefix + "cue:" + cueNames.get(id);
        negated[id] = prefix + "neg:" + cueNames.get(id);
      }
      String[] absent = new String[absence.length];
      for (int a = 0; a < absent.length; a++) {
        absent[a] = prefix + "cue:" + absence[a][0];
      }
      String[] inPost = new String[pairs.length];
      String[] inSentence = new String[pairs.length];
      for (int p = 0; p < pairs.length; p++) {
        inPost[p] = prefix + "d:" + pairs[p][0] + "+" + pairs[p][1];
        inSentence[p] = prefix + "s:" + pairs[p][0] + "+" + pairs[p][1];
      }
      return new Names(cue, negated, absent, inPost, inSentence);
    }
  }

  private void emit(List<CueMatch> matches, Names names, AnalyzedText text, FeatureSink sink) {
    int[] sentence = text.get(Annotation.SENTENCES);
    boolean[] negated = text.get(Annotation.NEGATED);
    List<CueMatch> negations = new ArrayList<>();
    for (CueMatch m : matches) {
      if (m.cueId() == negationId) {
        negations.add(m);
      }
    }
    List<CueMatch> counted = new ArrayList<>(matches.size());
    long present = 0;
    for (CueMatch m : matches) {
      CueMatch negatedBy = (negatable & 1L << m.cueId()) != 0
          ? negation(m, negations, negated) : null;
      if (negatedBy != null) {
        // "nobody should report her": the report verb is negated, so it neither counts as a
        // report verb nor pairs with the authority or the target.
        sink.add(names.negated()[m.cueId()], negatedBy.from(), m.to());
        continue;
      }
      sink.add(names.cue()[m.cueId()], m.from(), m.to());
      counted.add(m);
      present |= 1L << m.cueId();
    }
    if (names == spokenNames) {
      for (int a = 0; a < absence.length; a++) {
        if ((present & absenceMasks[a]) == 0) {
          sink.add(names.absent()[a], 0, 0);
        }
      }
      if ((present & absenceMasks[0]) == 0) {
        // Hostility with nobody to aim at ("this weather is shit") is not harassment; a cue of
        // its own lets the model learn that apart from the words, which tweets pair with abuse.
        for (CueMatch m : counted) {
          if ((aimless & 1L << m.cueId()) != 0) {
            sink.add(unaimed[m.cueId()], m.from(), m.to());
          }
        }
      }
    }
    for (int p = 0; p < pairs.length; p++) {
      int first = pairIds[p][0];
      int second = pairIds[p][1];
      if (first < 0 || second < 0 || (present & 1L << first) == 0 || (present & 1L << second) == 0) {
        continue;
      }
      CueMatch bestA = null;
      CueMatch bestB = null;
      int bestDistance = Integer.MAX_VALUE;
      boolean sameSentence = false;
      for (CueMatch a : counted) {
        if (a.cueId() != first) {
          continue;
        }
        for (CueMatch b : counted) {
          if (b.cueId() != second || a.from() < b.to() && b.from() < a.to()) {
            continue; // one phrase matching two cues is not a pair
          }
          boolean same = sentence[a.from()] == sentence[b.from()];
          int distance = Math.abs(a.from() - b.from());
          if (same && !sameSentence || same == sameSentence && distance < bestDistance) {
            bestA = a;
            bestB = b;
            bestDistance = distance;
            sameSentence = same;
          }
        }
      }
      if (bestA == null) {
        continue;
      }
      int from = Math.min(bestA.from(), bestB.from());
      int to = Math.max(bestA.to(), bestB.to());
      sink.add(names.pairInPost()[p], from, to);
      if (sameSentence) {
        sink.add(names.pairInSentence()[p], from, to);
      }
    }
  }

  /**
   * The negation that scopes over a cue, or null: the nearest one before it, when the cue's first
   * token is in a negation's scope as the analysis marked it for the words ({@code
   * NegationScope}), so that a cue and its words are negated alike.
   */
  private static CueMatch negation(CueMatch m, List<CueMatch> negations, boolean[] negated) {
    if (!negated[m.from()]) {
      return null;
    }
    CueMatch nearest = null;
    for (CueMatch n : negations) {
      if (n.to() <= m.from() && (nearest == null || n.to() > nearest.to())) {
        nearest = n;
      }
    }
    return nearest;
  }
}
