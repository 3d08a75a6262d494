package org.trollscan.annotate;

import java.util.List;

/**
 * One annotation stage (CoreNLP's {@code Annotator}): it reads the keys it {@link #requires()}
 * and writes the ones it {@link #provides()}. {@link TextAnalyzer} checks when it is built that
 * every requirement is provided by an earlier stage, so the order of the chain is checked, not
 * remembered.
 */
public interface Annotator {
  /** The stage's name, as the bundle's pipeline records it. */
  String name();

  /** The keys this annotator reads. */
  List<Annotation.Key<?>> requires();

  /** The keys this annotator writes. */
  List<Annotation.Key<?>> provides();

  /** Reads the required keys of one post and writes the provided ones. */
  void annotate(Annotation post);
}
