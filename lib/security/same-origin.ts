import { env } from "../env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must come from our own pages: its Origin (or, when a client sends
 * none, Sec-Fetch-Site, then Referer) must be this site. Requests with none of them are refused.
 */
export function isSameOriginRequest(request: { method: string; headers: { get(name: string): string | null } }): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const ours = (value: string) => {
    try {
      const url = new URL(value);
      return url.origin === new URL(env.DATELINE_SITE_URL).origin || url.host === request.headers.get("host");
    } catch {
      return false;
    }
  };
  const origin = request.headers.get("origin");
  if (origin) return origin !== "null" && ours(origin);
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const referer = request.headers.get("referer");
  return referer ? ours(referer) : false;
}
