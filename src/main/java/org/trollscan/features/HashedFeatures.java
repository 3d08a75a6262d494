package org.trollscan.features;

/**
 * The features of one post for fast scoring: like {@link FeatureVector} but identified by
 * {@link FeatureHash} instead of by name.
 *
 * @param hashes distinct feature hashes
 * @param values the value of each feature
 * @param occurrenceFeature for each occurrence, the index of its feature
 * @param occurrenceFrom first token of each occurrence
 * @param occurrenceTo token after the last of each occurrence
 */
public record HashedFeatures(
    long[] hashes,
    float[] values,
    int[] occurrenceFeature,
    int[] occurrenceFrom,
    int[] occurrenceTo) {}
