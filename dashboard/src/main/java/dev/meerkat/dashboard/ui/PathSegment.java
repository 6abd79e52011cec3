package dev.meerkat.dashboard.ui;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Data in a URL path segment, e.g. the service in {@code traces/<service>}. Vaadin 25 neither
 * encodes route parameter values in the links it builds nor decodes them when a view is entered (it
 * hands the segment over as the browser sent it), so a view whose parameter is data encodes it when
 * linking and decodes it in {@code beforeEnter}.
 */
public final class PathSegment {

  private PathSegment() {}

  /**
   * Encodes text as one path segment: a value can then neither add segments, a query or a fragment
   * ({@code / ? #} are encoded) nor become a scheme such as {@code javascript:} (the colon is
   * encoded too).
   */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Decodes a segment encoded by {@link #encode} or by a browser. A {@code +} stays a plus (it
   * means a space only in query strings); a segment that is not valid percent-encoding (a
   * hand-typed {@code 100%}) is taken as it is.
   */
  public static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
