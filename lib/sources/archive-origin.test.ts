import { afterEach, describe, expect, it, vi } from "vitest";
import { archiveOriginHost, isArchiveOriginHost } from "./archive-origin";
import { isPublicRequest } from "../cache/http-policy";

// One rule for "this request is for the archived copies' own origin", asked by proxy.ts, the
// shared-cache policy and the archive route (they had three versions that disagreed when the
// archive origin was set to the site's own host).
describe("the archive's own origin", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is no separate origin when unset, malformed, or the site's own host", () => {
    vi.stubEnv("DATELINE_SITE_URL", "https://news.example.org");
    vi.stubEnv("DATELINE_ARCHIVE_ORIGIN", "");
    expect(archiveOriginHost()).toBeNull();
    vi.stubEnv("DATELINE_ARCHIVE_ORIGIN", "not a url");
    expect(archiveOriginHost()).toBeNull();
    vi.stubEnv("DATELINE_ARCHIVE_ORIGIN", "https://news.example.org");
    expect(archiveOriginHost()).toBeNull();
    expect(isArchiveOriginHost("news.example.org")).toBe(false);
    // The site's pages stay cacheable: the archive origin that is the site hides nothing.
    expect(isPublicRequest("GET", "/", { host: "news.example.org" })).toBe(true);
  });

  it("names its host, and a request for it is never answered from or kept in the site's cache", () => {
    vi.stubEnv("DATELINE_SITE_URL", "https://news.example.org");
    vi.stubEnv("DATELINE_ARCHIVE_ORIGIN", "https://archive.news-copies.org");
    expect(archiveOriginHost()).toBe("archive.news-copies.org");
    expect(isArchiveOriginHost("archive.news-copies.org")).toBe(true);
    expect(isArchiveOriginHost("news.example.org")).toBe(false);
    expect(isArchiveOriginHost(null)).toBe(false);
    // The same origin however the Host header spells it (the root's dot, letter case, a default
    // port): proxy.ts served the desk and sign-in on "archive.news-copies.org.".
    for (const spelled of [
      "archive.news-copies.org.",
      "ARCHIVE.News-Copies.org",
      "archive.news-copies.org:443",
      "archive.news-copies.org.:80",
    ])
      expect(isArchiveOriginHost(spelled), spelled).toBe(true);
    expect(isArchiveOriginHost("archive.news-copies.org:8443")).toBe(false);
    expect(isArchiveOriginHost("xarchive.news-copies.org")).toBe(false);
    expect(isPublicRequest("GET", "/", { host: "archive.news-copies.org." })).toBe(false);
    expect(isPublicRequest("GET", "/", { host: "archive.news-copies.org" })).toBe(false);
    expect(isPublicRequest("GET", "/", { host: "news.example.org" })).toBe(true);
  });
});
