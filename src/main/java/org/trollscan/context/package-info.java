/**
 * Prototype of issue 31's context-aware scoring: a post is scored with what came before it in its
 * thread (the opener's and the thread's scores so far, whether it is a short reply that refers
 * back, how far it is from the last flagged post). A second, small maxent model reads the
 * post-alone false_report score and these context features; harassment follows from it by
 * LABELLING.md's rule. The post-alone model is untouched. A bundle carries the
 * trained model ({@code train --thread-column}); {@code score --thread-column} and the service's
 * {@code context.entries} use it. docs/context.md is the manual and holds the measurements.
 */
package org.trollscan.context;
