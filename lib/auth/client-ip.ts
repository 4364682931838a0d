import { env } from "../env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address for throttling. Next's server appends the socket address to
 * X-Forwarded-For, so its last entry is the peer; behind a trusted proxy
 * (DATELINE_TRUST_PROXY) the first entry is the original client.
 */
export function clientIpFromHeaders(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const ip = (env.DATELINE_TRUST_PROXY ? forwarded[0] : forwarded[forwarded.length - 1]) ?? header(source, "x-real-ip");
  return (ip ?? "unknown").slice(0, 64);
}
