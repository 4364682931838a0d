import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { httpPurgeAdapter, send, varnishAdapter } from "./purge";

// A real HTTP server on 127.0.0.1 stands in for a CDN's purge endpoint and for Varnish (the real
// Varnish is exercised by e2e/public/varnish.spec.ts).
type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
let received: Received[] = [];
/** Status codes to answer with, in turn; then 200. `hang` never answers. */
let answers: (number | "hang")[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const answer = answers.shift() ?? 200;
      if (answer === "hang") return;
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer === 200 ? "Invalidated 3 objects" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  received = [];
  answers = [];
});

const quick = { timeoutMs: 300, backoffMs: [10, 20] };

describe("the purge adapters", () => {
  it("POSTs the tags as JSON to a CDN's endpoint, with the bearer token", async () => {
    expect(await send(httpPurgeAdapter(`${base}/purge`, "s3cret-token"), ["story:a", "front"], quick)).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/purge", body: JSON.stringify({ tags: ["story:a", "front"] }) });
    expect(received[0]!.headers["authorization"]).toBe("Bearer s3cret-token");
    expect(received[0]!.headers["content-type"]).toBe("application/json");
  });

  it("sends Varnish `PURGE /` with the keys, space-separated, in xkey-purge", async () => {
    expect(await send(varnishAdapter(base), ["story:a", "section:world"], quick)).toBe(true);
    expect(received[0]).toMatchObject({ method: "PURGE", url: "/" });
    expect(received[0]!.headers["xkey-purge"]).toBe("story:a section:world");
  });

  it("retries a refusal and a timeout, then succeeds", async () => {
    answers = [503, "hang"];
    expect(await send(httpPurgeAdapter(`${base}/purge`), ["front"], quick)).toBe(true);
    expect(received.map((r) => r.body)).toEqual(Array(3).fill(JSON.stringify({ tags: ["front"] })));
  });

  it("gives up after its attempts, without throwing", async () => {
    answers = [500, 500, 500, 500];
    expect(await send(httpPurgeAdapter(`${base}/purge`), ["front"], quick)).toBe(false);
    expect(received).toHaveLength(3);
  });

  it("splits thousands of keys into requests a server accepts", async () => {
    const many = Array.from({ length: 250 }, (_, i) => `story:a-rather-long-story-address-number-${i}`);
    expect(await send(varnishAdapter(base), many, quick)).toBe(true);
    expect(received.length).toBeGreaterThan(2);
    expect(received.every((r) => String(r.headers["xkey-purge"]).length <= 4000)).toBe(true);
    expect(received.flatMap((r) => String(r.headers["xkey-purge"]).split(" "))).toEqual(many);
  });

  it("purgeTags returns at once and sends to every cache the environment names, in the background", async () => {
    vi.resetModules();
    Object.assign(process.env, {
      DATELINE_PURGE_URL: `${base}/cdn`,
      DATELINE_PURGE_TOKEN: "t0ken",
      DATELINE_PURGE_VARNISH: `${base}, ${base}`,
    });
    try {
      const purge = await import("./purge");
      answers = [503];
      const started = performance.now();
      purge.purgeTags(["story:b", "front"]);
      // Well under the background sends (a 503 retried, then the repurge REPURGE_AFTER_MS later),
      // with room for a loaded CI machine's pauses.
      expect(performance.now() - started).toBeLessThan(500);
      expect(received).toHaveLength(0);
      await purge.purgesSettled();
      // One Varnish got a 503 first and was asked again; every cache is asked once more a little
      // later, for pages whose render was under way during the change.
      expect(performance.now() - started).toBeGreaterThanOrEqual(purge.REPURGE_AFTER_MS);
      expect(received.filter((r) => r.method === "PURGE").map((r) => r.headers["xkey-purge"])).toEqual(Array(5).fill("story:b front"));
      expect(received.filter((r) => r.method === "POST").map((r) => [r.url, r.body])).toEqual(
        Array(2).fill(["/cdn", JSON.stringify({ tags: ["story:b", "front"] })]),
      );
    } finally {
      for (const name of ["DATELINE_PURGE_URL", "DATELINE_PURGE_TOKEN", "DATELINE_PURGE_VARNISH"]) delete process.env[name];
      vi.resetModules();
    }
  });

  it("refuses a Varnish or purge address that is not an http(s) URL at start-up", async () => {
    for (const [name, value] of [
      ["DATELINE_PURGE_VARNISH", "http://127.0.0.1:6081,varnish:6081"],
      ["DATELINE_PURGE_URL", "ftp://cdn.example/purge"],
    ] as const) {
      vi.resetModules();
      process.env[name] = value;
      try {
        await expect(import("../env")).rejects.toThrow(name);
      } finally {
        delete process.env[name];
      }
    }
    vi.resetModules();
  });
});
