package org.trollscan.serve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.trollscan.model.Label;

/**
 * Which of our labels answers each Perspective attribute a client may request. Our own labels
 * answer as HARASSMENT and FALSE_REPORT; the Perspective attributes clients ask for most
 * (TOXICITY, SEVERE_TOXICITY, INSULT, THREAT) are answered from harassment by default. They are
 * not the same thing: see docs/serve.md.
 */
public record AttributeMap(Map<String, Label> attributes) {
  public AttributeMap {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The documented default mapping. */
  public static AttributeMap defaults() {
    Map<String, Label> m = new LinkedHashMap<>();
    m.put("HARASSMENT", Label.HARASSMENT);
    m.put("FALSE_REPORT", Label.FALSE_REPORT);
    m.put("TOXICITY", Label.HARASSMENT);
    m.put("SEVERE_TOXICITY", Label.HARASSMENT);
    m.put("INSULT", Label.HARASSMENT);
    m.put("THREAT", Label.HARASSMENT);
    return new AttributeMap(m);
  }

  /**
   * This mapping with {@code NAME=label} entries applied (from {@code --attribute}); a label of
   * {@code none} removes the attribute, so that it is refused.
   */
  public AttributeMap with(Map<String, String> changes) {
    Map<String, Label> m = new LinkedHashMap<>(attributes);
    changes.forEach((name, label) -> {
      String attribute = name.strip().toUpperCase(Locale.ROOT);
      if (!attribute.matches("[A-Z][A-Z0-9_]*")) {
        throw new IllegalArgumentException("--attribute: '" + name
            + "' is not an attribute name (letters, digits and _, like TOXICITY)");
      }
      if (label.equals("none")) {
        m.remove(attribute);
        return;
      }
      Label l = Label.fromColumn(label);
      if (l == null) {
        throw new IllegalArgumentException("--attribute " + name + ": unknown label '" + label
            + "'; labels are " + Label.columns() + " or none");
      }
      m.put(attribute, l);
    });
    return new AttributeMap(m);
  }

  /** The label answering an attribute, or null when it is not served. */
  public Label label(String attribute) {
    return attributes.get(attribute);
  }
}
