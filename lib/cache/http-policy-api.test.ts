import { describe, expect, it } from "vitest";
import { etagMatches, isPublicApiRead, isPublicRequest } from "./http-policy";
import { surrogateKeys } from "./surrogate-keys";

describe("the open read API in the HTTP cache policy", () => {
  it("lets shared caches keep the open API's answers, never the desk API's, the document or its reference page", () => {
    for (const path of ["/api/v1/stories", "/api/v1/stories/abc", "/api/v1/sections", "/api/v1/photos/abc"]) {
      expect(isPublicApiRead(path), path).toBe(true);
      expect(isPublicRequest("GET", path, {}), path).toBe(true);
      // Its keys come from the answer, not the address.
      expect(surrogateKeys(path)).toBeNull();
    }
    for (const path of ["/api/v1/desk/stories", "/api/v1/desk", "/api/v1/openapi.json", "/api/v1/docs", "/api/health", "/api/media"]) {
      expect(isPublicApiRead(path), path).toBe(false);
      expect(isPublicRequest("GET", path, {}), path).toBe(false);
    }
    expect(isPublicRequest("POST", "/api/v1/stories", {})).toBe(false);
    expect(isPublicRequest("GET", "/api/v1/stories?limit=5", {})).toBe(false);
  });
});

describe("If-None-Match", () => {
  it("matches by the weak comparison, for the API's weak tags as for the front cache's", () => {
    const etag = 'W/"abc"';
    for (const sent of ['W/"abc"', '"abc"', '"x", W/"abc"', "*"]) expect(etagMatches(sent, etag), sent).toBe(true);
    for (const sent of [null, "", 'W/"abd"', '"ab"']) expect(etagMatches(sent, etag), String(sent)).toBe(false);
  });
});
