/**
 * Annotation: what is known about a post's tokens, in one container per post.
 *
 * <p>{@link org.trollscan.annotate.TextAnalyzer} normalises and tokenizes a post and writes the
 * tokenization keys into an {@link org.trollscan.annotate.Annotation} (the original text, the
 * normalised text with its offset map, tokens, spans, sentences, and each token's case as
 * written); each {@link org.trollscan.annotate.Annotator} then reads the keys it declares in
 * {@code requires()} and writes those in {@code provides()}: quotes, names, cues, negation,
 * condemnation. The chain is checked when it is built. The finished post is sealed and handed on
 * as an {@link org.trollscan.annotate.AnalyzedText}, a read-only view whose only way in is {@code
 * get(Key)}. Per-token values are arrays indexed by token, one per key.
 */
package org.trollscan.annotate;
