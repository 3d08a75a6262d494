package org.trollscan.model;

/**
 * What one feature added to a label's logit: {@code value * weight}.
 *
 * @param feature the feature's name
 * @param value its value in the post
 * @param weight the model's weight for it (positive minus negative outcome)
 * @param contribution value times weight
 */
public record Contribution(String feature, double value, double weight, double contribution) {}
