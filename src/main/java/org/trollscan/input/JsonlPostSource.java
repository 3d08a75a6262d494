package org.trollscan.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts from JSON Lines: one JSON object per line. A line that is not an object, or has no text
 * field, is rejected with the reason; blank lines are skipped as JSON Lines allows.
 */
final class JsonlPostSource implements PostSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final BufferedReader reader;
  private final ReaderOptions options;
  private long line;

  JsonlPostSource(String source, Reader reader, ReaderOptions options) {
    this.source = source;
    this.reader = new BufferedReader(reader, 1 << 16);
    this.options = options;
  }

  @Override
  public ReadItem next() {
    String raw;
    do {
      try {
        raw = reader.readLine();
      } catch (IOException e) {
        throw new InputException(source, line + 1, "cannot read: " + e.getMessage());
      }
      line++;
      if (raw == null) {
        return null;
      }
    } while (raw.isBlank());
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      return new RejectedRow(source, line, "not valid JSON: " + e.getOriginalMessage(), raw);
    }
    if (node == null || !node.isObject()) {
      return new RejectedRow(source, line, "not a JSON object", raw);
    }
    JsonNode text = node.get(options.textField());
    if (text == null || text.isNull()) {
      return new RejectedRow(source, line, "no field '" + options.textField() + "'", raw);
    }
    if (!text.isValueNode()) {
      return new RejectedRow(source, line, "field '" + options.textField() + "' is not text", raw);
    }
    if (text.asText().isBlank()) {
      return new RejectedRow(source, line, "empty text", raw);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      fields.put(e.getKey(), v.isValueNode() ? (v.isNull() ? "" : v.asText()) : v.toString());
    }
    JsonNode id = node.get(options.idField());
    String idText = id != null && id.isValueNode() && !id.isNull() ? id.asText() : Long.toString(line);
    return new Post(source, line, idText, text.asText(), Collections.unmodifiableMap(fields));
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Closing a reader we only read from loses nothing.
    }
  }
}
