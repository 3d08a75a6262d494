package org.trollscan.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trollscan.text.FeatureSettings;

/**
 * Reads {@code manifest.json} with Jackson's streaming parser. Every {@code score} run loads a
 * bundle, and a data-binding {@code ObjectMapper} costs about 90 ms of a 0.4 s start-up to set
 * up and bind records; this reader costs about 5. Fields it does not know are ignored and
 * missing ones read as null or 0, as data binding would; {@link BundleIO} writes the manifest
 * with data binding, and {@code ManifestReaderTest} holds the two to the same format.
 */
final class ManifestReader {
  private static final JsonFactory JSON = new JsonFactory();

  private ManifestReader() {}

  static Manifest read(byte[] json) throws IOException {
    Map<String, Object> m;
    try (JsonParser p = JSON.createParser(json)) {
      m = object(value(p, p.nextToken()), "the manifest");
      if (p.nextToken() != null) {
        throw new IOException("text after the manifest object");
      }
    }
    Map<String, Object> features = object(m.get("features"), "features");
    Map<String, Object> training = object(m.get("training"), "training");
    List<Manifest.DataFile> data = new ArrayList<>();
    for (Object o : list(m.get("data"), "data")) {
      Map<String, Object> d = object(o, "data");
      data.add(new Manifest.DataFile(text(d, "path"), number(d, "rows").longValue(),
          text(d, "sha256")));
    }
    List<Manifest.LabelEntry> labels = new ArrayList<>();
    for (Object o : list(m.get("labels"), "labels")) {
      Map<String, Object> l = object(o, "labels");
      Map<String, double[]> cv = new LinkedHashMap<>();
      Map<String, Object> metrics = object(l.get("crossValidation"), "crossValidation");
      if (metrics != null) {
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
          List<Object> values = list(e.getValue(), "crossValidation");
          double[] v = new double[values.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = asNumber(values.get(i), "crossValidation").doubleValue();
          }
          cv.put(e.getKey(), v);
        }
      }
      labels.add(new Manifest.LabelEntry(text(l, "label"), text(l, "entry"), text(l, "sha256"),
          number(l, "threshold").doubleValue(), text(l, "thresholdRule"),
          number(l, "trainingRows").longValue(), number(l, "positives").longValue(), cv));
    }
    return new Manifest(number(m, "formatVersion").intValue(), text(m, "modelVersion"),
        text(m, "toolVersion"), text(m, "createdAt"),
        features == null ? null : new FeatureSettings(text(features, "tokenizer"),
            number(features, "wordNgramMax").intValue(),
            number(features, "charNgramMin").intValue(),
            number(features, "charNgramMax").intValue(), flag(features, "cues"),
            flag(features, "markNegatedAndQuoted")),
        text(m, "lexicon"),
        training == null ? null : new TrainingSettings(text(training, "algorithm"),
            number(training, "iterations").intValue(), number(training, "cutoff").intValue(),
            number(training, "l1Cost").doubleValue(), number(training, "l2Cost").doubleValue(),
            number(training, "folds").intValue(),
            Math.max(1, number(training, "repeats").intValue()), // absent before 2026.11.29-5
            number(training, "seed").longValue(),
            training.get("targetPrecision") == null ? null
                : number(training, "targetPrecision").doubleValue(),
            training.get("thresholdRule") == null ? TrainingSettings.MAX_F1 // before -12
                : text(training, "thresholdRule"),
            number(training, "threads").intValue()),
        data, labels, flag(m, "falseReportImpliesHarassment")); // absent before -30
  }

  /** A JSON value as a Map, List, String, Number, Boolean or null. */
  private static Object value(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new IOException("empty manifest");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.put(name, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
          l.add(value(p, v));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getBooleanValue();
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + t + " at " + p.currentLocation());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o, String what) throws IOException {
    if (o == null || o instanceof Map) {
      return (Map<String, Object>) o;
    }
    throw new IOException(what + " is not an object");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o, String what) throws IOException {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List) {
      return (List<Object>) o;
    }
    throw new IOException(what + " is not an array");
  }

  private static String text(Map<String, Object> m, String field) throws IOException {
    Object o = m.get(field);
    if (o == null || o instanceof String) {
      return (String) o;
    }
    throw new IOException(field + " is not a string");
  }

  private static Number number(Map<String, Object> m, String field) throws IOException {
    Object o = m.get(field);
    return o == null ? 0 : asNumber(o, field);
  }

  private static Number asNumber(Object o, String field) throws IOException {
    if (o instanceof Number) {
      return (Number) o;
    }
    throw new IOException(field + " is not a number");
  }

  private static boolean flag(Map<String, Object> m, String field) throws IOException {
    Object o = m.get(field);
    if (o == null || o instanceof Boolean) {
      return o != null && (Boolean) o;
    }
    throw new IOException(field + " is not true or false");
  }
}
