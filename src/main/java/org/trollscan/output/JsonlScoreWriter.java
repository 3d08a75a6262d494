package org.trollscan.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.trollscan.input.Post;
import org.trollscan.model.EvidenceSpan;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/**
 * Score rows as JSON Lines, the fields named as the CSV's columns ({@link OutputColumns}):
 * {@code id} (and {@code source}), one number per label, {@code flagged} as an array, one list of
 * evidence spans per label, then the kept input fields with the JSON types they had in the input.
 */
public final class JsonlScoreWriter implements ScoreWriter {
  private final JsonGenerator json;
  private final OutputColumns columns;
  private List<String> kept;

  public JsonlScoreWriter(OutputStream out, OutputColumns columns) throws IOException {
    this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    this.json.setRootValueSeparator(null);
    this.columns = columns;
  }

  @Override
  public void write(Post post, Score score) throws IOException {
    write(post, score, null);
  }

  @Override
  public void write(Post post, Score score, String language) throws IOException {
    if (kept == null) {
      kept = columns.keptColumns(post);
    }
    List<String> header = columns.header(kept);
    json.writeStartObject();
    json.writeStringField(OutputColumns.ID, post.id());
    if (columns.source()) {
      json.writeStringField(OutputColumns.SOURCE, post.source());
    }
    for (Label l : columns.labels()) {
      // The CSV's six decimals as a JSON number: never 4.62E-4, which some readers take as text.
      json.writeFieldName(l.column());
      json.writeNumber(Cells.probability(score.probabilities().get(l)));
    }
    if (columns.alone()) {
      for (Label l : columns.labels()) {
        json.writeFieldName(OutputColumns.alone(l));
        json.writeNumber(Cells.probability(score.aloneOrProbabilities().get(l)));
      }
    }
    json.writeArrayFieldStart(OutputColumns.FLAGGED);
    for (Label l : score.flagged()) {
      json.writeString(l.column());
    }
    json.writeEndArray();
    for (Label l : columns.labels()) {
      writeEvidence(l, score);
    }
    if (columns.language()) {
      // An empty post has no language: null in JSON, an empty cell in CSV.
      if (language == null || language.isEmpty()) {
        json.writeNullField(OutputColumns.LANGUAGE);
      } else {
        json.writeStringField(OutputColumns.LANGUAGE, language);
      }
    }
    int base = header.size() - kept.size();
    for (int i = 0; i < kept.size(); i++) {
      writeKept(header.get(base + i), post, kept.get(i));
    }
    if (score.truncated()) {
      json.writeBooleanField("truncated", true);
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  /**
   * {@code "harassment_evidence":[{"phrase":"lazy cow","begin":12,"end":20,"weight":1.25}]}:
   * each phrase exactly as {@code text.substring(begin, end)} of the post as read, offsets in
   * UTF-16 code units (JavaScript's and Java's string index; Python counts code points, see
   * docs/output.md), most weight first. Empty for a label that is not flagged.
   */
  private void writeEvidence(Label label, Score score) throws IOException {
    json.writeArrayFieldStart(OutputColumns.evidence(label));
    List<EvidenceSpan> spans = score.spans().get(label);
    boolean flagged = score.flagged().contains(label);
    if (flagged && spans != null) {
      for (EvidenceSpan s : spans) {
        json.writeStartObject();
        json.writeStringField("phrase", s.phrase());
        json.writeNumberField("begin", s.begin());
        json.writeNumberField("end", s.end());
        json.writeFieldName("weight");
        if (Double.isFinite(s.weight())) {
          json.writeNumber(Cells.decimal(s.weight()));
        } else {
          json.writeNull();
        }
        json.writeEndObject();
      }
    } else if (flagged) {
      // A score without offsets (not one the scorer makes): the phrases alone.
      for (String phrase : score.evidence().getOrDefault(label, List.of())) {
        json.writeStartObject();
        json.writeStringField("phrase", phrase);
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }

  /**
   * A kept field with its JSON type as read: a number, boolean, null, object or array is written
   * back as its JSON text, a string as a string (every field of a CSV or text input), and a
   * field this row lacks (JSON Lines rows need not share fields) as null.
   */
  private void writeKept(String name, Post post, String field) throws IOException {
    json.writeFieldName(name);
    String typed = post.json().get(field);
    String text = post.fields().get(field);
    if (typed != null) {
      json.writeRawValue(typed);
    } else if (text != null) {
      json.writeString(text);
    } else {
      json.writeNull();
    }
  }

  @Override
  public List<String> columns() {
    return columns.header(kept != null ? kept : columns.keptWithoutAPost());
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }

  @Override
  public void finish() throws IOException {
    json.flush();
  }
}
