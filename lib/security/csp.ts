/**
 * Content-Security-Policy for every page (issue 7). Scripts run only with this response's
 * nonce: no 'unsafe-inline', no hosts. Admin and sign-in pages get the nonce on Next's own
 * scripts (proxy.ts passes it to the render) and may never be framed. Public pages carry no
 * scripts at all (the JSON-LD blocks are data, not scripts), so no script there has the nonce.
 */
export type CspKind = "app" | "public";

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(kind: CspKind, nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline (React style attributes, the editor's marks); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${kind === "app" ? " blob:" : ""}`,
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
  return /^\/(?:admin|login|search)(?:\/|$)/.test(pathname) ? "app" : "public";
}
