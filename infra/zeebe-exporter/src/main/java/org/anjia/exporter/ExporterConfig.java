package org.anjia.exporter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The exporter's arguments, as the broker hands them over ({@code zeebe.broker.exporters.<id>.args}).
 *
 * <p>Names are matched ignoring case, '-', '_' and '.', because the broker's relaxed binding lowercases
 * names that come from environment variables ({@code ..._ARGS_BATCHSIZE} arrives as {@code batchsize}).
 * Values may arrive as strings or numbers.
 */
record ExporterConfig(
    String url,
    String username,
    String password,
    int batchSize,
    long flushIntervalMs,
    String businessKeyVariable) {

  static final int DEFAULT_BATCH_SIZE = 100;
  static final long DEFAULT_FLUSH_INTERVAL_MS = 100;
  /** Applications' processes carry applicationId, a child's placement childId (comma-separated names). */
  static final String DEFAULT_BUSINESS_KEY_VARIABLE = "applicationId,childId";

  private static final Set<String> KNOWN =
      Set.of("url", "username", "password", "batchsize", "flushintervalms", "businesskeyvariable");

  ExporterConfig {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "Exporter argument 'url' (a jdbc:postgresql:// URL) is required");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("Exporter argument 'batchSize' must be >= 1, was " + batchSize);
    }
    if (flushIntervalMs < 1) {
      throw new IllegalArgumentException(
          "Exporter argument 'flushIntervalMs' must be >= 1, was " + flushIntervalMs);
    }
    if (businessKeyVariable == null || businessKeyVariable.isBlank()) {
      throw new IllegalArgumentException("Exporter argument 'businessKeyVariable' must not be blank");
    }
  }

  /** Reads the arguments; reports names it does not know to {@code unknownArgument}. */
  static ExporterConfig fromArguments(
      final Map<String, Object> arguments, final BiConsumer<String, Object> unknownArgument) {
    final Map<String, Object> args = new HashMap<>();
    if (arguments != null) {
      arguments.forEach(
          (name, value) -> {
            final String key = normalize(name);
            if (KNOWN.contains(key)) {
              args.put(key, value);
            } else {
              unknownArgument.accept(name, value);
            }
          });
    }
    return new ExporterConfig(
        string(args, "url", null),
        string(args, "username", null),
        string(args, "password", null),
        (int) number(args, "batchsize", DEFAULT_BATCH_SIZE),
        number(args, "flushintervalms", DEFAULT_FLUSH_INTERVAL_MS),
        string(args, "businesskeyvariable", DEFAULT_BUSINESS_KEY_VARIABLE));
  }

  private static String normalize(final String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
  }

  private static String string(final Map<String, Object> args, final String key, final String fallback) {
    final Object value = args.get(key);
    if (value == null) {
      return fallback;
    }
    final String text = value.toString().trim();
    return text.isEmpty() ? fallback : text;
  }

  private static long number(final Map<String, Object> args, final String key, final long fallback) {
    final Object value = args.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    final String text = value.toString().trim();
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(text);
    } catch (final NumberFormatException e) {
      throw new IllegalArgumentException(
          "Exporter argument '" + key + "' must be a whole number, was '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    // never print the password
    return "ExporterConfig[url=%s, username=%s, password=%s, batchSize=%d, flushIntervalMs=%d, businessKeyVariable=%s]"
        .formatted(url, username, password == null ? "<none>" : "<set>", batchSize, flushIntervalMs,
            businessKeyVariable);
  }
}
