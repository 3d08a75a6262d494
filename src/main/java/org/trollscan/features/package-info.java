/**
 * Feature generation: feature families that read a post's annotations and nothing else.
 *
 * <p>Each family is a {@link org.trollscan.features.TextFeatureGenerator} that reads the keys of
 * the sealed {@link org.trollscan.annotate.AnalyzedText} it declares in {@code requires()};
 * {@link org.trollscan.features.Featurizer} refuses, when it is built, a family reading a key the
 * analyzer does not provide. The families see folded tokens; a token's case as written is the
 * {@code CASE} key, for a family that wants it. {@link org.trollscan.features.Pipeline} describes
 * the whole chain for the bundle's manifest.
 */
package org.trollscan.features;
