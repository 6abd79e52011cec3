package dev.meerkat.dashboard.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The colour of a service, the same on every page and in every chart: a fixed colour-blind-safe
 * palette (Paul Tol's "muted" scheme) indexed by the 32-bit FNV-1a hash of the name's UTF-8 bytes.
 * {@code frontend/service-colour.ts} computes the same colour in the browser; a shared golden file
 * ({@code golden/service-colours.txt}) keeps the two in step.
 */
public final class ServiceColours {

  /** Changing the order or length recolours every service: users learn their colours. */
  static final List<String> PALETTE =
      List.of(
          "#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77", "#cc6677", "#882255",
          "#aa4499");

  private static final int FNV_OFFSET_BASIS = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private ServiceColours() {}

  /** The colour of {@code service} as {@code #rrggbb} (lower case). */
  public static String of(String service) {
    int hash = FNV_OFFSET_BASIS;
    for (byte b : service.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return PALETTE.get(Integer.remainderUnsigned(hash, PALETTE.size()));
  }
}
