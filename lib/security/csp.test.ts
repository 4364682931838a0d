import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, cspKindFor, newNonce, photoOrigin } from "./csp";

describe("Content-Security-Policy", () => {
  it("allows scripts only with the response's nonce, and frames the admin nowhere", () => {
    const policy = contentSecurityPolicy("app", "abc123==");
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("public", "x", { https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("app", "x", { dev: true })).toContain("'unsafe-eval'");
    // The same template with another nonce.
    expect(contentSecurityPolicy("app", "other")).toBe(policy.replace("abc123==", "other"));
  });

  it("lets cached public pages run only this site's scripts and inline ones, with no nonce", () => {
    const policy = contentSecurityPolicy("public", "ignored");
    expect(policy.split("; ").find((d) => d.startsWith("script-src"))).toBe("script-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain("ignored");
    expect(policy).not.toContain("undefined");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
  });

  it("gives every response a fresh 16-byte nonce", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("renders admin, sign-in and search per request; everything else is public", () => {
    expect(["/admin", "/admin/articles/1", "/login", "/search"].map(cspKindFor)).toEqual(["app", "app", "app", "app"]);
    expect(["/", "/climate/story", "/administration", "/searching"].map(cspKindFor)).toEqual(["public", "public", "public", "public"]);
  });

  it("lets pages load photos from DATELINE_MEDIA_PUBLIC_BASE_URL's origin, and from nowhere else", () => {
    const photos = photoOrigin("https://photos.example.org/newsroom/variants");
    expect(photos).toBe("https://photos.example.org");
    expect(contentSecurityPolicy("public", "", { photos })).toContain("img-src 'self' data: https://photos.example.org;");
    expect(contentSecurityPolicy("app", "n", { photos })).toContain("img-src 'self' data: blob: https://photos.example.org;");
    expect(contentSecurityPolicy("public", "")).toContain("img-src 'self' data:;");
    expect([photoOrigin(undefined), photoOrigin("javascript:alert(1)"), photoOrigin("not a url")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
