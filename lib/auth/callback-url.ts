const BASE = "http://dateline.invalid";

/**
 * Only same-origin paths: "/admin/x" yes; "//evil.example", "/\\evil", "/.//evil", "https://…" no.
 * The value is normalised the way a browser will read it (tabs and newlines dropped, leading
 * controls and spaces trimmed, backslashes read as slashes, dot segments resolved) and the
 * result is what is checked and returned; it must read the same when normalised again.
 */
export function safeCallbackUrl(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  const path = normalisedPath(value);
  if (path === null || normalisedPath(path) !== path) return fallback;
  return path;
}

function normalisedPath(value: string): string | null {
  // What every URL parser drops before it parses: tabs and newlines anywhere, C0 controls and spaces at the ends.
  const stripped = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  // Only absolute paths: no schemes, no protocol-relative addresses, no relative paths.
  if (!stripped.startsWith("/") || stripped.startsWith("//") || stripped.startsWith("/\\")) return null;
  let url: URL;
  try {
    url = new URL(stripped, `${BASE}/`);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse "/.//x" into "//x", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}

/**
 * next-auth's `redirect` callback: where to send the browser after signing in or out. Only this
 * site's own paths (given as a path or as an absolute URL of this site); anything else goes to /admin.
 */
export function authRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let candidate: unknown = url;
  try {
    const absolute = new URL(url);
    candidate = absolute.origin === base.origin ? absolute.pathname + absolute.search + absolute.hash : null;
  } catch {
    // Not an absolute URL: a path, checked below.
  }
  return `${base.origin}${safeCallbackUrl(candidate)}`;
}
