/**
 * Writing files safely, for every stage that writes one (scores, reports, summaries, model
 * bundles): a file appears complete or not at all, and a device, FIFO or link target is never
 * replaced by accident.
 */
package org.trollscan.files;
