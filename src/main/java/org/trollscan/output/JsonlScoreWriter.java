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
 * {@code evidence} as an object from label to phrases, then the kept input fields.
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
    for (Label l : columns.labels()) {
      json.writeNumberField(l.column(), Double.parseDouble(Cells.probability(score.probabilities().get(l))));
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
    if (columns.language()) {
      json.writeStringField(OutputColumns.LANGUAGE, language == null ? "" : language);
    }
    int base = header.size() - kept.size();
    for (int i = 0; i < kept.size(); i++) {
      json.writeStringField(header.get(base + i), post.fields().getOrDefault(kept.get(i), ""));
    }
    if (score.truncated()) {
      json.writeBooleanField("truncated", true);
    }
    json.writeEndObject();
    json.writeRaw('\n');
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
