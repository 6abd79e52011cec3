// The colour of a service, the same on every page: Paul Tol's colour-blind-safe "muted" palette
// indexed by the 32-bit FNV-1a hash of the name's UTF-8 bytes. The Java side
// (dev.meerkat.dashboard.ui.ServiceColours) computes the same colour; the golden file
// golden/service-colours.txt in the dashboard's test resources keeps the two in step.
const PALETTE = [
  '#332288',
  '#88ccee',
  '#44aa99',
  '#117733',
  '#999933',
  '#ddcc77',
  '#cc6677',
  '#882255',
  '#aa4499',
];

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const UTF8 = new TextEncoder();

export function serviceColour(name: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of UTF8.encode(name)) {
    // Math.imul multiplies as 32-bit integers; >>> 0 keeps the hash unsigned, as FNV defines it.
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  }
  return PALETTE[hash % PALETTE.length];
}
