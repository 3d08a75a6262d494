package org.trollscan.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts from JSON Lines: one JSON object per line, read with bounded memory by
 * {@link JsonLineReader}. A line that is not one object and nothing else, or has no text
 * field, is rejected with the reason, as is one whose fields other than the text exceed the
 * row limits ({@link ReadLimits}); a text longer than {@link ReadLimits#TEXT_CHARS} is cut (the
 * scorer reads less). Blank lines are skipped and counted. A text that is {@code null} or empty
 * makes an empty post ({@code org.trollscan.normalize.PostText#isEmpty}), as an image-only post is exported.
 */
final class JsonlPostSource implements PostSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINE_TOO_LONG = "line too long: over "
      + ReadLimits.grouped(ReadLimits.JSON_LINE_CHARS) + " characters once its strings are cut"
      + " at " + ReadLimits.grouped(ReadLimits.TEXT_CHARS);

  private final String source;
  private final CharInput input;
  private final JsonLineReader lines;
  private final ReaderOptions options;
  private final String overflowReason;
  private boolean columnsChecked;
  private long blankLines;
  private long numbered;

  JsonlPostSource(String source, Reader reader, ReaderOptions options) {
    this.source = source;
    this.input = new CharInput(reader);
    this.lines = new JsonLineReader(input);
    this.options = options;
    this.overflowReason = "the fields other than '" + options.textField() + "' hold more than "
        + ReadLimits.grouped(ReadLimits.OTHER_CHARS) + " characters together (names included)";
  }

  @Override
  public long blankLines() {
    return blankLines;
  }

  @Override
  public long numberedRows() {
    return numbered;
  }

  @Override
  public ReadItem next() {
    while (true) {
      try {
        if (!lines.next()) {
          return null;
        }
      } catch (IOException e) {
        throw new InputException(source, lines.line + 1, "cannot read on: "
            + PostSources.reason(e));
      }
      if (!lines.blank) {
        break;
      }
      blankLines++;
    }
    long line = lines.line;
    if (lines.overflow) {
      return new RejectedRow(source, line, LINE_TOO_LONG, lines.raw());
    }
    JsonNode node;
    try (JsonParser parser = JSON.createParser(lines.chars(), 0, lines.length)) {
      try {
        node = JSON.readTree(parser);
      } catch (JsonProcessingException e) {
        return new RejectedRow(source, line, "not valid JSON: " + e.getOriginalMessage(),
            lines.raw());
      }
      if (node == null || !node.isObject()) {
        return new RejectedRow(source, line, "not a JSON object", lines.raw());
      }
      try {
        JsonToken after = parser.nextToken();
        if (after != null) {
          return new RejectedRow(source, line, "content after the JSON object: another JSON "
              + (after == JsonToken.START_OBJECT ? "object" : "value")
              + " on the same line (one object per line)", lines.raw());
        }
      } catch (JsonProcessingException e) {
        return new RejectedRow(source, line, "content after the JSON object: "
            + e.getOriginalMessage(), lines.raw());
      }
    } catch (IOException e) {
      // Parsing characters already in memory does no I/O.
      throw new IllegalStateException(e);
    }
    if (!columnsChecked) {
      columnsChecked = true;
      List<String> missing = new ArrayList<>();
      for (String c : options.requiredColumns()) {
        if (!node.has(c)) {
          missing.add(c);
        }
      }
      if (!missing.isEmpty()) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        throw new InputException(source, line, "--keep names unknown field(s) " + missing
            + " (the first object has: " + String.join(", ", names) + ")");
      }
    }
    String textField = options.textField();
    JsonNode text = node.get(textField);
    if (text == null) {
      return new RejectedRow(source, line, "no field '" + textField + "'", lines.raw());
    }
    if (!text.isValueNode()) {
      return new RejectedRow(source, line, "field '" + textField + "' is not text", lines.raw());
    }
    if (node.size() > ReadLimits.MAX_FIELDS) {
      return new RejectedRow(source, line, "more than " + ReadLimits.MAX_FIELDS + " fields",
          lines.raw());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    long other = 0;
    boolean typed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String value = v.isValueNode() ? (v.isNull() ? "" : v.asText()) : v.toString();
      fields.put(e.getKey(), value);
      other += e.getKey().length() + (e.getKey().equals(textField) ? 0 : value.length());
      typed |= !v.isTextual();
    }
    Map<String, String> json = typed ? typedValues() : Map.of();
    for (Map.Entry<String, String> e : json.entrySet()) {
      // Both forms are held; the JSON text is longer when it has spaces or escapes in it.
      if (!e.getKey().equals(textField)) {
        other += Math.max(0, e.getValue().length() - fields.get(e.getKey()).length());
      }
    }
    if (other > ReadLimits.OTHER_CHARS) {
      return new RejectedRow(source, line, overflowReason, lines.raw());
    }
    String textValue = fields.get(textField);
    JsonNode id = node.get(options.idField());
    boolean hasId = id != null && id.isValueNode() && !id.isNull();
    if (!hasId && options.idRequired()) {
      return new RejectedRow(source, line, "no id field '" + options.idField() + "'",
          lines.raw());
    }
    String idText = hasId ? id.asText() : Long.toString(line);
    if (!hasId) {
      numbered++;
    }
    return new Post(source, line, idText, textValue, Collections.unmodifiableMap(fields), json);
  }

  /**
   * The JSON text, as it stands in the line, of each top-level field whose value is not a
   * string. Not the parsed tree's: it holds a float as a double, so {@code 1.50} would come back
   * as {@code 1.5} and {@code 1e400} as {@code Infinity}, which is not JSON. The line was parsed
   * whole already, so this second pass meets only valid JSON.
   */
  private Map<String, String> typedValues() {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(lines.chars(), 0, lines.length)) {
      p.nextToken(); // the object's start
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          out.remove(name); // a repeated name: the last value counts, as in the tree
        } else if (value.isScalarValue()) {
          out.put(name, p.getText()); // a number's text is its digits as written
        } else {
          int begin = (int) p.currentTokenLocation().getCharOffset();
          p.skipChildren();
          int end = (int) p.currentTokenLocation().getCharOffset() + 1;
          out.put(name, new String(lines.chars(), begin, end - begin));
        }
      }
    } catch (IOException e) {
      // Characters already in memory, and already parsed once without an error.
      throw new IllegalStateException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public void close() {
    input.close();
  }
}
