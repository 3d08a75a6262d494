package org.trollscan.eval;

/**
 * A paired difference of one metric, model minus reference, on the same rows.
 *
 * @param value the difference of the point estimates
 * @param interval the percentile interval of the per-resample differences (the same resamples
 *     for both models)
 */
public record Difference(double value, Interval interval) {}
