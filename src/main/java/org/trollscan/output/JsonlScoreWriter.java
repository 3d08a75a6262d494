package org.trollscan.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.trollscan.input.Post;
import org.trollscan.model.Label;
import org.trollscan.model.Score;

/**
 * Score rows as JSON Lines: {@code id}, one number per label, {@code flagged} as an array,
 * {@code evidence} as an object from label to phrases, then the kept input fields with the JSON
 * types they had in the input.
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
    if (kept == null) {
      kept = columns.keptColumns(post);
    }
    List<String> header = columns.header(kept);
    json.writeStartObject();
    json.writeStringField(OutputColumns.ID, post.id());
    for (Label l : columns.labels()) {
      // The CSV's six decimals as a JSON number: never 4.62E-4, which some readers take as text.
      json.writeFieldName(l.column());
      json.writeNumber(Cells.probability(score.probabilities().get(l)));
    }
    json.writeArrayFieldStart(OutputColumns.FLAGGED);
    for (Label l : score.flagged()) {
      json.writeString(l.column());
    }
    json.writeEndArray();
    json.writeObjectFieldStart(OutputColumns.EVIDENCE);
    for (Label l : score.flagged()) {
      json.writeArrayFieldStart(l.column());
      for (String phrase : score.evidence().getOrDefault(l, List.of())) {
        json.writeString(Cells.oneLine(phrase));
      }
      json.writeEndArray();
    }
    json.writeEndObject();
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
  public void flush() throws IOException {
    json.flush();
  }

  @Override
  public void finish() throws IOException {
    json.flush();
  }
}
