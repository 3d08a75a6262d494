/**
 * Prototype of issue 31's context-aware scoring: a post is scored with what came before it in its
 * thread (the opener's and the thread's scores so far, whether it is a short reply that refers
 * back, how far it is from the last flagged post). A second, small maxent model reads the
 * post-alone false_report score and these context features; harassment follows from it by
 * LABELLING.md's rule. The post-alone model is untouched. Not wired into the CLI yet: see
 * docs/context.md for the measurements and the integration plan.
 */
package org.trollscan.context;
