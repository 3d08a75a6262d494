package org.trollscan.model;

/** A model bundle that is missing, corrupt, tampered with or of an unknown format. */
public class BundleException extends RuntimeException {
  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
