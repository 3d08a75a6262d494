package org.trollscan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.trollscan.language.LanguageGuess;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.normalize.PostText;

/**
 * Perspective's {@code comments:analyze}, in the shape of its published API description
 * (discovery document {@code commentanalyzer v1alpha1}): an {@code AnalyzeCommentRequest} in, an
 * {@code AnalyzeCommentResponse} or a Google API error out. Request fields Perspective accepts
 * but we have no use for ({@code doNotStore}, {@code communityId}, {@code sessionId}) are
 * accepted and ignored; the text is never stored in any case. {@code context.entries} (the
 * earlier comments of the thread) is read when the model has a context stage: a request that
 * has it, even empty, is scored in its thread as {@code score --thread-column} scores it (each
 * entry scored alone, in order, to build the thread's state, then the comment in it, as the
 * thread's opener when no entry shows anything); a request without it is scored alone, as
 * {@code score} without a thread column. Nothing is kept between requests. Without a context
 * stage it is ignored, as Perspective's own models mostly do.
 */
final class PerspectiveApi {
  static final String PROBABILITY = "PROBABILITY";
  /** The most context entries read: a thread's state needs its opener and the posts since. */
  static final int MAX_CONTEXT_ENTRIES = 100;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Scorer scorer;
  private final AttributeMap attributes;
  private final LanguageGuess languages;
  private final Metrics metrics;

  PerspectiveApi(Scorer scorer, AttributeMap attributes, LanguageGuess languages, Metrics metrics) {
    this.scorer = scorer;
    this.attributes = attributes;
    this.languages = languages;
    this.metrics = metrics;
  }

  ObjectNode analyze(JsonNode request) {
    if (!request.isObject()) {
      throw ApiException.badRequest("The request must be a JSON object (AnalyzeCommentRequest).",
          "INVALID_REQUEST");
    }
    JsonNode comment = request.get("comment");
    JsonNode textNode = comment == null || !comment.isObject() ? null : comment.get("text");
    if (textNode != null && !textNode.isTextual() && !textNode.isNull()) {
      throw ApiException.badRequest("comment.text must be a string.", "INVALID_REQUEST");
    }
    String text = textNode == null || textNode.isNull() ? "" : textNode.textValue();
    if (text.isEmpty()) {
      throw ApiException.badRequest("Comment must be non-empty.", "COMMENT_EMPTY");
    }
    if (text.length() > ServeConfig.MAX_TEXT_CHARS
        && text.codePointCount(0, text.length()) > ServeConfig.MAX_TEXT_CHARS) {
      throw ApiException.badRequest("Comment text too long: at most "
          + ServeConfig.MAX_TEXT_CHARS + " characters.", "COMMENT_TOO_LONG");
    }
    JsonNode requested = request.get("requestedAttributes");
    if (requested == null || !requested.isObject() || requested.isEmpty()) {
      throw ApiException.badRequest("Must request at least one attribute.",
          "NO_REQUESTED_ATTRIBUTES");
    }
    boolean spans = bool(request, "spanAnnotations");
    JsonNode clientToken = request.get("clientToken");
    if (clientToken != null && !clientToken.isTextual() && !clientToken.isNull()) {
      throw ApiException.badRequest("clientToken must be a string.", "INVALID_REQUEST");
    }
    List<String> given = stringList(request.get("languages"), "languages");
    List<String> detected = null;
    List<String> effective;
    if (!given.isEmpty()) {
      effective = given;
    } else {
      detected = languages.guess(text);
      effective = List.of(detected.get(0));
    }
    List<String> names = new ArrayList<>();
    requested.fieldNames().forEachRemaining(names::add);
    boolean english = effective.stream().allMatch(LanguageGuess::isEnglish);
    for (String name : names) {
      if (!english || attributes.label(name) == null) {
        // Perspective refuses an attribute it has no model for in the comment's language
        // the same way whether the language or the attribute is the reason.
        throw new ApiException(400, "INVALID_ARGUMENT", "Attribute " + name
            + " does not support request languages: " + String.join(",", effective),
            "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE", name, detected != null ? detected : given);
      }
    }
    Map<String, Double> thresholds = new java.util.HashMap<>();
    for (String name : names) {
      JsonNode params = requested.get(name);
      if (params == null || params.isNull()) {
        continue;
      }
      if (!params.isObject()) {
        throw ApiException.badRequest("requestedAttributes." + name
            + " must be an object (AttributeParameters), such as {}.", "INVALID_REQUEST");
      }
      JsonNode type = params.get("scoreType");
      if (type != null && !type.isNull() && !(type.isTextual()
          && (type.textValue().equals(PROBABILITY)
              || type.textValue().equals("SCORE_TYPE_UNSPECIFIED")))) {
        throw ApiException.badRequest("requestedAttributes." + name + ".scoreType: only "
            + PROBABILITY + " scores are available, not " + type, "INVALID_REQUEST");
      }
      JsonNode t = params.get("scoreThreshold");
      if (t != null && !t.isNull()) {
        if (!t.isNumber() || !(t.doubleValue() >= 0 && t.doubleValue() <= 1)) {
          throw ApiException.badRequest("requestedAttributes." + name
              + ".scoreThreshold must be a number between 0 and 1.", "INVALID_REQUEST");
        }
        thresholds.put(name, t.doubleValue());
      }
    }

    List<String> thread = scorer.bundle().hasContext() ? contextEntries(request) : null;
    Score score = scorer.score(text, true, spans);
    if (thread != null) {
      score = inContext(thread, text, score);
    }
    metrics.scored(score.flagged());
    ObjectNode out = JSON.objectNode();
    ObjectNode scores = out.putObject("attributeScores");
    for (String name : names) {
      Label label = attributes.label(name);
      Double p = score.probabilities().get(label);
      if (p == null) {
        throw new ApiException(400, "INVALID_ARGUMENT", "Attribute " + name
            + " is answered by label " + label.column() + ", which this model does not score.",
            "INVALID_REQUEST", null, null);
      }
      Double threshold = thresholds.get(name);
      if (threshold != null && p < threshold) {
        continue; // Perspective leaves out scores under the requested threshold
      }
      ObjectNode attribute = scores.putObject(name);
      if (spans) {
        ArrayNode list = attribute.putArray("spanScores");
        for (SpanValue s : spanValues(text, label, score, p)) {
          ObjectNode span = list.addObject();
          span.put("begin", s.begin);
          span.put("end", s.end);
          score(span.putObject("score"), s.value);
        }
      }
      score(attribute.putObject("summaryScore"), p);
    }
    ArrayNode langs = out.putArray("languages");
    effective.forEach(langs::add);
    if (detected != null) {
      ArrayNode d = out.putArray("detectedLanguages");
      detected.forEach(d::add);
    }
    if (clientToken != null && clientToken.isTextual()) {
      out.put("clientToken", clientToken.textValue());
    }
    return out;
  }

  /**
   * The texts of {@code context.entries}, in order, or null when the request has no entries (the
   * comment is then scored alone). An empty list is a thread with nothing before the comment: it
   * opens the thread, and a thread's opener is scored by the context model, with the context
   * thresholds, unlike a post scored alone. Entries that show nothing are skipped, as
   * {@code score --thread-column} leaves such posts out of their thread. Only read when the model
   * has a context stage, so a client's context never fails a request that would not use it.
   */
  private static List<String> contextEntries(JsonNode request) {
    JsonNode context = request.get("context");
    if (context == null || context.isNull()) {
      return null;
    }
    JsonNode entries = context.isObject() ? context.get("entries") : null;
    if (!context.isObject() || (entries != null && !entries.isNull() && !entries.isArray())) {
      throw ApiException.badRequest("context must be an object whose entries are an array of"
          + " {\"text\": ...} (the earlier comments of the thread, oldest first).",
          "INVALID_REQUEST");
    }
    if (entries == null || entries.isNull()) {
      return null;
    }
    if (entries.size() > MAX_CONTEXT_ENTRIES) {
      throw ApiException.badRequest("context.entries has " + entries.size() + " entries; at"
          + " most " + MAX_CONTEXT_ENTRIES + " are read (the latest earlier comments, with the"
          + " thread's first).", "INVALID_REQUEST");
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      JsonNode t = e.isObject() ? e.get("text") : null;
      if (t == null || !t.isTextual()) {
        throw ApiException.badRequest("context.entries[" + i + "].text must be a string.",
            "INVALID_REQUEST");
      }
      String entry = t.textValue();
      if (entry.codePointCount(0, entry.length()) > ServeConfig.MAX_TEXT_CHARS) {
        throw ApiException.badRequest("context.entries[" + i + "].text too long: at most "
            + ServeConfig.MAX_TEXT_CHARS + " characters.", "COMMENT_TOO_LONG");
      }
      if (!PostText.isEmpty(entry)) {
        texts.add(entry);
      }
    }
    return texts;
  }

  /**
   * The comment's score after the thread's earlier comments (none: the comment opens the
   * thread), each scored alone in order into a fresh state (one thread, so one state); flags by
   * the context thresholds, evidence the comment's own.
   */
  private Score inContext(List<String> thread, String text, Score alone) {
    org.trollscan.context.ContextScorer context = scorer.bundle().contextScorer(1);
    for (String entry : thread) {
      Map<Label, Double> p = scorer.score(entry, false).probabilities();
      context.score("", entry, p.get(Label.FALSE_REPORT), p.get(Label.HARASSMENT));
    }
    return org.trollscan.scoring.ThreadContext.inContext(alone, context.score("", text,
        alone.probabilities().get(Label.FALSE_REPORT), alone.probabilities().get(Label.HARASSMENT)));
  }

  private record SpanValue(int begin, int end, double value) {}

  /**
   * A span per evidence phrase, in text order, scored as the model scores the phrase on its own
   * (as Perspective scores each span alone); a comment without evidence gets one span over the
   * whole text, with the comment's score, so that a client always has something to show.
   */
  private List<SpanValue> spanValues(String text, Label label, Score score, double whole) {
    List<EvidenceSpan> evidence = score.spans().getOrDefault(label, List.of());
    List<SpanValue> out = new ArrayList<>();
    for (EvidenceSpan e : evidence) {
      double alone = scorer.score(e.phrase(), false).probabilities().get(label);
      out.add(new SpanValue(e.begin(), e.end(), alone));
    }
    if (out.isEmpty()) {
      int end = Math.min(text.length(), Scorer.MAX_CHARS);
      out.add(new SpanValue(0, end, whole));
    }
    out.sort(Comparator.comparingInt(SpanValue::begin));
    return out;
  }

  private static void score(ObjectNode node, double value) {
    node.put("value", value);
    node.put("type", PROBABILITY);
  }

  private static boolean bool(JsonNode request, String field) {
    JsonNode n = request.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw ApiException.badRequest(field + " must be true or false.", "INVALID_REQUEST");
    }
    return n.booleanValue();
  }

  private static List<String> stringList(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw ApiException.badRequest(field + " must be an array of strings.", "INVALID_REQUEST");
    }
    List<String> out = new ArrayList<>();
    for (Iterator<JsonNode> it = n.elements(); it.hasNext();) {
      JsonNode e = it.next();
      if (!e.isTextual() || e.textValue().isBlank()) {
        throw ApiException.badRequest(field + " must be an array of language codes.",
            "INVALID_REQUEST");
      }
      out.add(e.textValue().strip());
    }
    return out;
  }
}
