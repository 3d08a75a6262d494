package org.trollscan.input;

import java.util.Map;

/**
 * One post read from an input file, the unit every later stage works on.
 *
 * @param source the file it came from ("-" for stdin)
 * @param line the line in that file where the post starts (1-based)
 * @param id the post's id: the id column or field when present, else its 1-based row number
 * @param text the post's text, as written
 * @param fields every column or top-level field of the input row, in input order
 */
public record Post(String source, long line, String id, String text, Map<String, String> fields)
    implements ReadItem {}
