package org.trollscan.features;

/**
 * The features of one post, ready for a maxent model: distinct feature names with their values,
 * and every place in the post each feature was found.
 *
 * @param names distinct feature names
 * @param values the value of each feature (same order as names)
 * @param occurrenceFeature for each occurrence, the index of its feature in {@code names}
 * @param occurrenceFrom first token of each occurrence
 * @param occurrenceTo token after the last of each occurrence; equal to from when it has no place
 */
public record FeatureVector(
    String[] names,
    float[] values,
    int[] occurrenceFeature,
    int[] occurrenceFrom,
    int[] occurrenceTo) {}
