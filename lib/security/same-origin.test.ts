import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/media", { method, headers: { host: "localhost:3000", ...headers } });

describe("the same-origin rule for state-changing route handlers", () => {
  it.each([
    ["GET without headers", req("GET", {}), true],
    ["POST from our own page", req("POST", { origin: "http://localhost:3000" }), true],
    ["POST from another site", req("POST", { origin: "https://evil.example" }), false],
    ["POST from an opaque origin", req("POST", { origin: "null" }), false],
    ["POST with Sec-Fetch-Site same-origin", req("POST", { "sec-fetch-site": "same-origin" }), true],
    ["POST with Sec-Fetch-Site cross-site", req("POST", { "sec-fetch-site": "cross-site" }), false],
    ["POST with only our Referer", req("POST", { referer: "http://localhost:3000/admin/media" }), true],
    ["POST with another site's Referer", req("POST", { referer: "https://evil.example/x" }), false],
    ["POST with no Origin, Sec-Fetch-Site or Referer", req("POST", {}), false],
  ])("%s → %s", (_name, request, allowed) => {
    expect(isSameOriginRequest(request)).toBe(allowed);
  });
});
