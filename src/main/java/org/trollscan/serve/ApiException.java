package org.trollscan.serve;

/**
 * A request the service refuses, answered as Google APIs (and so Perspective) answer errors:
 * {@code {"error": {"code", "message", "status", "details"?}}}.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int code;
  final String status;
  /** Perspective's {@code errorType} for its own endpoint, or null. */
  final String errorType;
  /** Perspective's detail for an unsupported language: the attribute and the languages. */
  final String attribute;
  final java.util.List<String> languages;

  ApiException(int code, String status, String message) {
    this(code, status, message, null, null, null);
  }

  ApiException(int code, String status, String message, String errorType, String attribute,
      java.util.List<String> languages) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.errorType = errorType;
    this.attribute = attribute;
    this.languages = languages;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "INVALID_ARGUMENT", message);
  }

  /** A 400 that Perspective marks with an {@code errorType} in its details. */
  static ApiException badRequest(String message, String errorType) {
    return new ApiException(400, "INVALID_ARGUMENT", message, errorType, null, null);
  }
}
