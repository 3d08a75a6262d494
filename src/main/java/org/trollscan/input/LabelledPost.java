package org.trollscan.input;

import java.util.Map;

/**
 * A post with gold labels, from a labelled corpus (see LABELLING.md).
 *
 * @param post the post
 * @param gold label name to its gold value; a label whose cell is empty is absent
 * @param group the thread the post belongs to (the {@code thread_id} column), or its own id when
 *     there is none, so that cross-validation never splits a thread
 */
public record LabelledPost(Post post, Map<String, Boolean> gold, String group) {}
