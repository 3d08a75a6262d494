package org.trollscan.input;

/**
 * An input row that could not become a post, kept so that it is counted and reported, never
 * silently dropped.
 *
 * @param source the file it came from
 * @param line the line where the row starts (1-based)
 * @param reason what is wrong, for a person
 * @param raw the row's raw content, as far as it could be read
 */
public record RejectedRow(String source, long line, String reason, String raw)
    implements ReadItem {}
