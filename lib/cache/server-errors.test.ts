import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepNoServerErrors, PUBLIC_CACHE_CONTROL } from "./http-policy";

// A real server answering as scripts/server.ts does: the public Cache-Control is set by address
// before the route runs, and the route then answers however it does.
let server: http.Server;
let base: string;
const routes: Record<string, (res: http.ServerResponse) => void> = {
  "/ok": (res) => res.end("fine"),
  "/implicit-500": (res) => {
    res.statusCode = 500;
    res.end("");
  },
  "/write-head-503": (res) => {
    res.writeHead(503, { "Cache-Control": "public, s-maxage=600", "content-type": "text/plain" });
    res.end("busy");
  },
  "/not-found": (res) => {
    res.statusCode = 404;
    res.end("Not found");
  },
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader("cache-control", PUBLIC_CACHE_CONTROL);
    keepNoServerErrors(res);
    routes[req.url ?? ""]!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a server error at a public address", () => {
  it("is kept by no cache, however the route wrote its head; other answers keep the address's Cache-Control", async () => {
    const cacheControl = async (path: string) => (await fetch(`${base}${path}`)).headers.get("cache-control");
    expect(await cacheControl("/implicit-500")).toBe("private, no-store");
    expect(await cacheControl("/write-head-503")).toBe("private, no-store");
    expect(await cacheControl("/ok")).toBe(PUBLIC_CACHE_CONTROL);
    expect(await cacheControl("/not-found")).toBe(PUBLIC_CACHE_CONTROL);
  });
});
