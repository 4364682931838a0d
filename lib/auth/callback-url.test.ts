import { describe, expect, it } from "vitest";
import { authRedirect, safeCallbackUrl } from "./callback-url";
import { REDIRECT_CORPUS } from "./redirect-corpus";

const SITE = "https://news.example";

/** Where a browser goes when it follows `Location: <path>` from a page of this site. */
function landsOnSite(location: string) {
  const url = new URL(location, `${SITE}/login`);
  return url.origin === SITE;
}

describe("safeCallbackUrl", () => {
  it.each([
    ["/admin/users", "/admin/users"],
    ["/admin?x=1#y", "/admin?x=1#y"],
    ["/admin/articles/abc?tab=sources", "/admin/articles/abc?tab=sources"],
    ["/admin/./profile", "/admin/profile"],
    ["/admin/x/../profile", "/admin/profile"],
    ["/admin?next=https://evil.example", "/admin?next=https://evil.example"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "admin", "", null, 42, "/".repeat(2001)])(
    "refuses %s and falls back to /admin",
    (input) => {
      expect(safeCallbackUrl(input)).toBe("/admin");
    },
  );

  it(`holds the corpus of ${REDIRECT_CORPUS.length} hostile values`, () => {
    expect(REDIRECT_CORPUS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(REDIRECT_CORPUS.map((p) => [JSON.stringify(p), p]))("keeps %s on this site", (_, payload) => {
    const result = safeCallbackUrl(payload);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(result.startsWith("/\\")).toBe(false);
    expect(result).not.toMatch(/[\u0000-\u001f\u007f\\]/);
    expect(landsOnSite(result)).toBe(true);
    // What the browser makes of it is what we checked: normalising again changes nothing.
    expect(safeCallbackUrl(result)).toBe(result);
    expect(new URL(result, SITE).href).toBe(`${SITE}${result}`);
  });
});

describe("authRedirect (next-auth's redirect callback)", () => {
  it("keeps this site's paths and absolute URLs, and the sign-out page", () => {
    expect(authRedirect("/admin/profile", SITE)).toBe(`${SITE}/admin/profile`);
    expect(authRedirect(`${SITE}/admin?x=1`, SITE)).toBe(`${SITE}/admin?x=1`);
    expect(authRedirect("/login?reason=password-changed", SITE)).toBe(`${SITE}/login?reason=password-changed`);
  });

  it.each(REDIRECT_CORPUS.map((p) => [JSON.stringify(p), p]))("keeps %s on this site, relative or absolute", (_, payload) => {
    for (const url of [payload, `${SITE}${payload}`]) {
      const result = authRedirect(url, SITE);
      expect(new URL(result).origin).toBe(SITE);
      expect(new URL(result).pathname.startsWith("//")).toBe(false);
    }
  });
});
