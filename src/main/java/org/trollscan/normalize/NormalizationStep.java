package org.trollscan.normalize;

/** One stage of text normalisation; it keeps the map back to the original post intact. */
@FunctionalInterface
public interface NormalizationStep {
  MappedText apply(MappedText in);
}
