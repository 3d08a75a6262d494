package org.trollscan.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * OpenNLP's statistical English tokenizer trained on UD English-EWT, from the Maven artifact
 * {@code opennlp-models-tokenizer-en}. Kept as a measured alternative to {@link ForumTokenizer}
 * (feature setting {@code tokenizer=ud}). {@link TokenizerME} is not thread-safe, so each thread
 * gets its own instance over the shared model.
 */
public final class UdTokenizer implements Tokenizer {
  private static final String RESOURCE = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  private static volatile TokenizerModel model;

  private final ThreadLocal<TokenizerME> tokenizer =
      ThreadLocal.withInitial(() -> new TokenizerME(model()));

  private static TokenizerModel model() {
    if (model == null) {
      synchronized (UdTokenizer.class) {
        if (model == null) {
          try (InputStream in = UdTokenizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("UD tokenizer model not on the classpath: " + RESOURCE);
            }
            model = new TokenizerModel(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return model;
  }

  @Override
  public String[] tokenize(String s) {
    return tokenizer.get().tokenize(s);
  }

  @Override
  public Span[] tokenizePos(String s) {
    return tokenizer.get().tokenizePos(s);
  }
}
