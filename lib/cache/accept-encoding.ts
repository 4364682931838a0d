/**
 * Whether a response may be sent gzipped to a client with this Accept-Encoding header
 * (RFC 9110 §12.5.3): gzip (or its alias x-gzip) listed with a q-value above 0, or, when not
 * listed, `*` with a q-value above 0; and identity not preferred with a higher q-value.
 * `gzip;q=0` refuses gzip even where `*` would allow it. No header: plain bytes.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : header;
  if (!value) return false;
  const weights = new Map<string, number>();
  for (const part of value.split(",")) {
    const [coding, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const m = /^q\s*=\s*(\S*)$/.exec(param);
      if (!m) continue;
      // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else counts as a refusal.
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(m[1]!) ? Number(m[1]) : 0;
    }
    const name = coding === "x-gzip" ? "gzip" : coding;
    // Repeated codings: the first mention counts.
    if (!weights.has(name)) weights.set(name, q);
  }
  const gzip = weights.get("gzip") ?? weights.get("*") ?? 0;
  if (gzip <= 0) return false;
  const identity = weights.get("identity");
  return identity === undefined || gzip >= identity;
}
