/**
 * Content-Security-Policy for every page. Admin, sign-in and search pages are rendered per request:
 * scripts run only with that response's nonce (proxy.ts passes it to the render), and the pages may
 * never be framed. Public pages are kept by caches, so they cannot carry a per-request nonce (Next's
 * CSP guide: nonces need dynamic rendering), and Next's App Router pages carry inline data scripts
 * that differ per page: their scripts may come from this site or be inline ('self'
 * 'unsafe-inline'), and nothing else. That is acceptable only because no text a user wrote ever
 * reaches a page as HTML (the body renderer, SECURITY.md).
 */
export type CspKind = "app" | "public";

// Nonces are cut from a pool of random bytes refilled 256 nonces at a time: a cached page is
// answered thousands of times a second, each with a nonce of its own.
const pool = Buffer.alloc(16 * 256);
let used = pool.length;

/** 16 random bytes, base64: a fresh nonce for one response. */
export function newNonce(): string {
  if (used >= pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  used += 16;
  return pool.toString("base64", used - 16, used);
}

const templates = new Map<string, [string, string]>();

/** `photos`: the origin of DATELINE_MEDIA_PUBLIC_BASE_URL, when photos are served from a bucket or CDN. */
type PolicyOptions = { dev?: boolean; https?: boolean; photos?: string };

export function contentSecurityPolicy(kind: CspKind, nonce: string, options: PolicyOptions = {}): string {
  const key = `${kind}${options.dev ? 1 : 0}${options.https ? 1 : 0}${options.photos ?? ""}`;
  let template = templates.get(key);
  if (!template) {
    const [before, after = ""] = buildPolicy(kind, "\u0000", options).split("\u0000") as [string, string?];
    templates.set(key, (template = [before, after]));
  }
  return kind === "public" ? template[0] + template[1] : template[0] + nonce + template[1];
}

function buildPolicy(kind: CspKind, nonce: string, options: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    kind === "public"
      ? `script-src 'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`
      : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline (React style attributes, the editor's marks); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${kind === "app" ? " blob:" : ""}${options.photos ? ` ${options.photos}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${kind === "app" ? "'none'" : "'self'"}`,
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Paths whose pages are rendered per request and get the nonce on Next's scripts. */
export function cspKindFor(pathname: string): CspKind {
  return /^\/(?:admin|login|search|draft)(?:\/|$)/.test(pathname) ? "app" : "public";
}

/** The origin photos are served from when DATELINE_MEDIA_PUBLIC_BASE_URL is set (for img-src), else undefined. */
export function photoOrigin(publicBaseUrl: string | undefined): string | undefined {
  if (!publicBaseUrl) return undefined;
  try {
    const url = new URL(publicBaseUrl);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
