/**
 * How deep a Server Action's body may nest. React decodes an action's arguments recursively,
 * before the action (and its sign-in check) runs: a body nested a few thousand levels deep
 * overflows the stack there, a 500. No argument of ours nests anywhere near this deep. proxy.ts
 * refuses a deeper body with 400 before Next.js decodes it.
 */
export const MAX_ACTION_NESTING = 256;

/**
 * Whether `body` nests arrays or objects (JSON's `[` and `{`) more than `limit` levels deep,
 * brackets inside JSON strings not counted. A multipart body is checked part by part, its file
 * parts skipped (their bytes are not JSON). Bytes are scanned as they are: UTF-8 never puts a
 * byte below 0x80 inside a multi-byte character, so no bracket or quote is misread.
 */
export function nestsDeeperThan(body: Buffer, limit: number, contentType = ""): boolean {
  const boundary = /^multipart\/form-data\b.*?;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return depthExceeds(body, 0, body.length, limit);
  const delimiter = Buffer.from(`--${boundary}`);
  for (let start = body.indexOf(delimiter); start !== -1;) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    const end = next === -1 ? body.length : next;
    const headersEnd = body.indexOf("\r\n\r\n", start);
    if (headersEnd !== -1 && headersEnd < end) {
      const headers = body.subarray(start, headersEnd).toString("latin1");
      if (!/filename\*?=/i.test(headers) && depthExceeds(body, headersEnd + 4, end, limit)) return true;
    }
    start = next;
  }
  return false;
}

function depthExceeds(bytes: Buffer, from: number, to: number, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: the next byte is escaped
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if ((byte === 0x5d || byte === 0x7d) && depth > 0) depth--;
  }
  return false;
}
