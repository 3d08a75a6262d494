package org.trollscan.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An OpenNLP model artifact (the UD tokenizer model from Maven) read from the classpath once,
 * on first use, and shared by every thread.
 */
public final class ClasspathModel<T> {
  /** Reads the model from its stream, e.g. {@code TokenizerModel::new}. */
  public interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private final String resource;
  private final Reader<T> reader;
  private volatile T model;

  public ClasspathModel(String resource, Reader<T> reader) {
    this.resource = resource;
    this.reader = reader;
  }

  public T get() {
    T m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          try (InputStream in = ClasspathModel.class.getResourceAsStream(resource)) {
            if (in == null) {
              throw new IllegalStateException("model not on the classpath: " + resource);
            }
            model = reader.read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        m = model;
      }
    }
    return m;
  }
}
