package org.trollscan.summary;

import org.trollscan.annotate.CueMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.trollscan.annotate.AnalyzedText;
import org.trollscan.annotate.Annotation;
import org.trollscan.annotate.TextAnalyzer;
import org.trollscan.normalize.Handles;
import org.trollscan.rules.Rules;
import org.trollscan.tokenize.ClasspathModel;

/**
 * Finds the people a post aims at: @handles, titles such as "her husband" or "the OP" (from the
 * target cues), and names, which OpenNLP's UD English part-of-speech model
 * ({@code opennlp-models-pos-en}) tags as proper nouns. Agencies and platforms ("Ofsted",
 * "HMRC", "@HMRCgovuk", "Instagram") are not people and are left out, nor are the words
 * {@code not-names.txt} lists as no names (days, places, shops, "Mum"). Each thread gets its own
 * tagger (POSTaggerME is not thread-safe).
 */
public final class TargetExtractor {
  private static final ClasspathModel<POSModel> POS_MODEL =
      new ClasspathModel<>("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
  private static final Set<String> TITLE_CUES = Set.of("target_handle", "target_family");

  // Summaries are no scores: this trollscan's own rule files serve them, whatever the model.
  private final Rules rules = Rules.fromClasspath();
  private final TextAnalyzer analyzer = TextAnalyzer.forTokenizer("forum", rules);
  private final Set<String> notPeople = new java.util.HashSet<>();
  private final ThreadLocal<POSTaggerME> tagger = ThreadLocal.withInitial(() -> new POSTaggerME(POS_MODEL.get()));

  public TargetExtractor() {
    for (String cue : List.of("authority", "platform")) {
      for (String[] phrase : rules.lexicons().phrasesByCue().get(cue)) {
        if (phrase.length == 1) {
          notPeople.add(phrase[0].replace("*", ""));
        }
      }
    }
  }

  /** The targets named in a post, in order of first mention, without duplicates. */
  public List<String> targets(String post) {
    Set<String> out = new LinkedHashSet<>();
    for (String handle : Handles.in(post)) {
      if (!rules.lexicons().isAgencyHandle(handle)) {
        out.add(handle);
      }
    }
    AnalyzedText analyzed = analyzer.analyze(post);
    String[] analyzedTokens = analyzed.get(Annotation.TOKENS);
    for (CueMatcher.CueMatch c : analyzed.get(Annotation.CUES)) {
      // Titles: "her husband", "the op", "that vlogger"; a lone "op" or handle is not a title.
      if (TITLE_CUES.contains(c.cue()) && c.to() - c.from() > 1) {
        out.add(String.join(" ", java.util.Arrays.copyOfRange(analyzedTokens, c.from(), c.to())));
      }
    }
    String[] tokens = SimpleTokenizer.INSTANCE.tokenize(post);
    String[] tags = tagger.get().tag(tokens);
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      boolean proper = tags[i].equals("PROPN") || tags[i].equals("NNP");
      if (proper && Character.isUpperCase(t.charAt(0)) && t.length() > 1
          && !t.equals(t.toUpperCase(Locale.ROOT)) && !notAPerson(t.toLowerCase(Locale.ROOT))
          && (i == 0 || !tokens[i - 1].equals("@"))) {
        out.add(t);
      }
    }
    return new ArrayList<>(out);
  }

  /** An agency, a platform, or a capitalised word that is no name ("Monday", "Tesco", "Mum"). */
  private boolean notAPerson(String word) {
    return notPeople.contains(word) || rules.lexicons().isNotAName(word);
  }
}
