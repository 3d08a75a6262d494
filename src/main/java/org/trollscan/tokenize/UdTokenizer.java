package org.trollscan.tokenize;

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
  private static final ClasspathModel<TokenizerModel> MODEL =
      new ClasspathModel<>("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);

  private final ThreadLocal<TokenizerME> tokenizer =
      ThreadLocal.withInitial(() -> new TokenizerME(MODEL.get()));

  @Override
  public String[] tokenize(String s) {
    return tokenizer.get().tokenize(s);
  }

  @Override
  public Span[] tokenizePos(String s) {
    return tokenizer.get().tokenizePos(s);
  }
}
