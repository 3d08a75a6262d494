package org.trollscan.input;

/** What a {@link PostSource} yields for each input row: a post, or a row it had to reject. */
public sealed interface ReadItem permits Post, RejectedRow {}
