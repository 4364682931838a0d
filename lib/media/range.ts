/** A byte range asked for: `start` to `end` inclusive (`end` unset: to the end), or the last `suffix` bytes. */
export type ByteRange = { start: number; end?: number } | { suffix: number };

/**
 * The one range of a `Range: bytes=…` header, or null to answer with the whole file: no header, a
 * unit other than bytes, several ranges, or a malformed one (RFC 9110 lets a server ignore them).
 */
export function parseRange(header: string | null): ByteRange | null {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === "" && to === "") return null;
  if (from === "") return Number(to) > 0 ? { suffix: Number(to) } : null;
  const start = Number(from);
  if (to === "") return { start };
  const end = Number(to);
  return end >= start ? { start, end } : null;
}

/** The bytes a range selects in a file of `size` bytes, or null when none can be given (416). */
export function resolveRange(range: ByteRange, size: number): { start: number; end: number } | null {
  if ("suffix" in range) return size === 0 ? null : { start: Math.max(0, size - range.suffix), end: size - 1 };
  if (range.start >= size) return null;
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

/** The range as an HTTP header value, for stores that forward it (S3's GetObject). */
export const rangeHeader = (range: ByteRange) => ("suffix" in range ? `bytes=-${range.suffix}` : `bytes=${range.start}-${range.end ?? ""}`);
