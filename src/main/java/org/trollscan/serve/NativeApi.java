package org.trollscan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.trollscan.ToolVersion;
import org.trollscan.normalize.PostText;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.LabelModel;
import org.trollscan.model.Manifest;
import org.trollscan.model.ModelBundle;
import org.trollscan.model.Score;
import org.trollscan.model.Scorer;
import org.trollscan.output.OutputColumns;
import org.trollscan.scoring.RowOutcome;

/**
 * trollscan's own endpoints: {@code POST /v1/score} (one post or a batch, answered with the
 * fields of {@code score --output-format jsonl}: id, a probability per label, flagged, a list of
 * evidence spans per label, and truncated when true) and {@code GET /v1/model}.
 */
final class NativeApi {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Scorer scorer;
  private final int maxBatch;
  private final Metrics metrics;

  NativeApi(Scorer scorer, int maxBatch, Metrics metrics) {
    this.scorer = scorer;
    this.maxBatch = maxBatch;
    this.metrics = metrics;
  }

  /** A post object answered with an object; an array of them with an array, in order. */
  JsonNode score(JsonNode request) {
    if (request.isArray()) {
      if (request.isEmpty()) {
        throw ApiException.badRequest("The batch is empty: send at least one post.");
      }
      if (request.size() > maxBatch) {
        throw ApiException.badRequest("Too many posts in one batch: " + request.size()
            + "; at most " + maxBatch + ".");
      }
      // Every post is checked before any is scored: a batch is answered whole or refused.
      for (int i = 0; i < request.size(); i++) {
        text(request.get(i), "post " + (i + 1) + ": ");
      }
      ArrayNode out = JSON.arrayNode(request.size());
      for (int i = 0; i < request.size(); i++) {
        out.add(scoreOne(request.get(i), Integer.toString(i + 1), "post " + (i + 1) + ": "));
      }
      return out;
    }
    if (request.isObject()) {
      return scoreOne(request, "1", "");
    }
    throw ApiException.badRequest("The request must be a post {\"text\": ...} or an array of "
        + "posts.");
  }

  private static String text(JsonNode post, String where) {
    if (post == null || !post.isObject()) {
      throw ApiException.badRequest(where + "a post must be an object {\"text\": ...}.");
    }
    JsonNode t = post.get("text");
    if (t == null || t.isNull()) {
      throw ApiException.badRequest(where + "the field \"text\" is missing.");
    }
    if (!t.isTextual()) {
      throw ApiException.badRequest(where + "\"text\" must be a string.");
    }
    String text = t.textValue();
    if (text.length() > ServeConfig.MAX_TEXT_CHARS
        && text.codePointCount(0, text.length()) > ServeConfig.MAX_TEXT_CHARS) {
      throw ApiException.badRequest(where + "\"text\" is longer than "
          + ServeConfig.MAX_TEXT_CHARS + " characters.");
    }
    JsonNode id = post.get("id");
    if (id != null && !id.isNull() && !id.isValueNode()) {
      throw ApiException.badRequest(where + "\"id\" must be a string or a number.");
    }
    return text;
  }

  private ObjectNode scoreOne(JsonNode post, String defaultId, String where) {
    String text = text(post, where);
    JsonNode idNode = post.get("id");
    String id = idNode == null || idNode.isNull() ? defaultId : idNode.asText();
    // A post that shows nothing (an image-only or deleted post) is scored 0 by score's rule.
    Score s = PostText.isEmpty(text) ? RowOutcome.emptyScore(scorer.bundle().labels())
        : scorer.score(text, true);
    metrics.scored(s.flagged());
    ObjectNode out = JSON.objectNode();
    out.put("id", id);
    for (Label l : scorer.bundle().labels()) {
      out.put(l.column(), s.probabilities().get(l));
    }
    ArrayNode flagged = out.putArray("flagged");
    s.flagged().forEach(l -> flagged.add(l.column()));
    for (Label l : scorer.bundle().labels()) {
      // As score's JSON Lines: every label has its list, empty unless the label is flagged.
      ArrayNode list = out.putArray(OutputColumns.evidence(l));
      if (!s.flagged().contains(l)) {
        continue;
      }
      for (EvidenceSpan e : s.spans().getOrDefault(l, List.of())) {
        ObjectNode span = list.addObject();
        span.put("phrase", e.phrase());
        span.put("begin", e.begin());
        span.put("end", e.end());
        if (Double.isFinite(e.weight())) {
          span.put("weight", e.weight());
        } else {
          span.putNull("weight");
        }
      }
    }
    if (s.truncated()) {
      out.put("truncated", true);
    }
    return out;
  }

  /** The model's version, labels, thresholds and what it was trained on. */
  ObjectNode model() {
    ModelBundle bundle = scorer.bundle();
    Manifest m = bundle.manifest();
    ObjectNode out = JSON.objectNode();
    out.put("version", m.modelVersion());
    out.put("createdAt", m.createdAt());
    out.put("trainedWith", m.toolVersion());
    out.put("server", "trollscan " + ToolVersion.get());
    ArrayNode labels = out.putArray("labels");
    ObjectNode thresholds = out.putObject("thresholds");
    for (Label l : bundle.labels()) {
      labels.add(l.column());
      LabelModel lm = bundle.model(l);
      thresholds.put(l.column(), lm.threshold());
    }
    ObjectNode training = out.putObject("training");
    ArrayNode files = training.putArray("files");
    long rows = 0;
    for (Manifest.DataFile f : m.data()) {
      ObjectNode file = files.addObject();
      file.put("path", f.path());
      file.put("rows", f.rows());
      file.put("sha256", f.sha256());
      rows += f.rows();
    }
    training.put("rows", rows);
    ObjectNode perLabel = training.putObject("labels");
    for (Manifest.LabelEntry e : m.labels()) {
      ObjectNode x = perLabel.putObject(e.label());
      x.put("rows", e.trainingRows());
      x.put("positives", e.positives());
      x.put("thresholdRule", e.thresholdRule());
    }
    // Whether context.entries are read (docs/serve.md), and the thresholds that then decide.
    if (m.context() != null) {
      ObjectNode c = out.putObject("context");
      c.put("threadColumn", m.context().threadColumn());
      ObjectNode t = c.putObject("thresholds");
      m.context().thresholds().forEach((label, value) -> t.put(label.column(), value));
    }
    return out;
  }
}
