package org.trollscan.model;

/**
 * One evidence phrase with its place in the post as written: what a client needs to highlight
 * it, and what Perspective's {@code spanScores} carry.
 *
 * @param phrase the phrase, exactly {@code original.substring(begin, end)}
 * @param begin the offset of its first character in the original post, in UTF-16 code units
 *     (Java's and JavaScript's string index; what Perspective's {@code begin} counts)
 * @param end the offset just past its last character, in UTF-16 code units
 * @param weight how much the phrase raised the label's log-odds (the sum of its tokens' shares
 *     of the feature contributions); phrases are ranked by it
 */
public record EvidenceSpan(String phrase, int begin, int end, double weight) {}
