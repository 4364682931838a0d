import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { outboundFetch, OutboundRefusedError, refusedAddressReason, OUTBOUND_USER_AGENT } from "./outbound";

// No internet here: every "public" case is proven by allowing the local host explicitly, and
// every refusal against real local servers that would have answered.
let server: http.Server;
let port: number;
const seen: { url: string; ua: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", ua: String(req.headers["user-agent"]), body });
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/redirect") {
        res.writeHead(302, { location: url.searchParams.get("to")! });
        return res.end();
      }
      if (url.pathname === "/loop") {
        res.writeHead(307, { location: "/loop" });
        return res.end();
      }
      if (url.pathname === "/big") {
        res.writeHead(200);
        return res.end(Buffer.alloc(50_000, 97));
      }
      if (url.pathname === "/slow") return setTimeout(() => res.end("late"), 3000);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`hello ${req.method}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  await db.outboundAllowedHost.deleteMany();
  seen.length = 0;
});

async function refused(url: string, options = {}) {
  const error = await outboundFetch(url, options).catch((e: unknown) => e);
  expect(error, url).toBeInstanceOf(OutboundRefusedError);
  return (error as Error).message;
}

describe("refusedAddressReason", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",
    // IPv4-translated (RFC 2765) and the local-use NAT64 prefix (RFC 8215): from a probe.
    "::ffff:0:127.0.0.1",
    "::ffff:0:a00:1",
    "64:ff9b:1::7f00:1",
    "64:ff9b:1:ffff::1",
    "2002:7f00:1::",
    "::127.0.0.1",
    "::5",
  ])("refuses %s", (ip) => {
    expect(refusedAddressReason(ip)).not.toBeNull();
  });

  it("names what it refuses as it is: ::1 is loopback, a mapped address carries its IPv4 one", () => {
    expect(refusedAddressReason("::1")).toBe("::1 is a private, loopback, link-local or reserved address");
    expect(refusedAddressReason("::ffff:10.0.0.1")).toBe("::ffff:10.0.0.1 carries the private, loopback or reserved address 10.0.0.1");
  });

  it.each(["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "172.32.0.1", "100.128.0.1"])("lets %s through", (ip) => {
    expect(refusedAddressReason(ip)).toBeNull();
  });
});

describe("outboundFetch", () => {
  it("refuses loopback by name, by literal, in IPv6, IPv4-mapped, decimal, octal and hexadecimal forms, and sends nothing", async () => {
    for (const host of [
      "localhost",
      "127.0.0.1",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "2130706433",
      "0177.0.0.1",
      "0x7f.0.0.1",
      "127.1",
      "0",
    ]) {
      expect(await refused(`http://${host}:${port}/`), host).toMatch(/is a private|carries the private|is refused/);
    }
    expect(seen).toEqual([]);
  });

  it("refuses schemes other than http and https, and credentials in the address", async () => {
    expect(await refused("file:///etc/passwd")).toMatch(/Only http and https/);
    expect(await refused("ftp://example.org/")).toMatch(/Only http and https/);
    expect(await refused(`http://user:pw@127.0.0.1:${port}/`)).toMatch(/user name/);
    expect(await refused("not a url")).toMatch(/not a valid address/);
  });

  it("reaches an allowed host, with an honest User-Agent, and the body it was given", async () => {
    await db.outboundAllowedHost.create({ data: { host: "127.0.0.1:*" } });
    const response = await outboundFetch(`http://127.0.0.1:${port}/hello`, { method: "POST", body: "payload" });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello POST");
    expect(seen[0]).toMatchObject({ url: "/hello", ua: OUTBOUND_USER_AGENT, body: "payload" });
  });

  it("checks every redirect: an allowed server redirecting to a refused address is stopped before it is asked", async () => {
    await db.outboundAllowedHost.create({ data: { host: "127.0.0.1:*" } });
    for (const to of [
      `http://localhost:${port}/secret`,
      `http://[::1]:${port}/secret`,
      `http://2130706434:${port}/secret`,
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      expect(await refused(`http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(to)}`), to).toMatch(
        /is a private|carries the private|is refused/,
      );
    }
    expect(seen.map((s) => s.url).some((u) => u.startsWith("/secret"))).toBe(false);
    // Redirects within the allowed host are followed.
    const ok = await outboundFetch(`http://127.0.0.1:${port}/redirect?to=/final`);
    expect(ok.status).toBe(200);
    expect(ok.url).toBe(`http://127.0.0.1:${port}/final`);
    expect(ok.redirects).toHaveLength(1);
  });

  it("limits redirects, answer size and time", async () => {
    await db.outboundAllowedHost.create({ data: { host: "127.0.0.1:*" } });
    expect(await refused(`http://127.0.0.1:${port}/loop`, { maxRedirects: 3 })).toMatch(/Too many redirects/);
    expect(await refused(`http://127.0.0.1:${port}/big`, { maxBytes: 10_000 })).toMatch(/larger than 10000 bytes/);
    const cut = await outboundFetch(`http://127.0.0.1:${port}/big`, { maxBytes: 1000, overflow: "truncate" });
    expect(cut.body.length).toBe(1000);
    expect(cut.truncated).toBe(true);
    const started = Date.now();
    await expect(outboundFetch(`http://127.0.0.1:${port}/slow`, { timeoutMs: 300 })).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("allows a host by name only as written: allowing localhost does not allow [::1] or 127.0.0.1", async () => {
    await db.outboundAllowedHost.create({ data: { host: "localhost:*" } });
    const response = await outboundFetch(`http://localhost:${port}/named`).catch((e: unknown) => e);
    // localhost may resolve to ::1 first where the server listens on IPv4 only; either way it was not refused.
    expect(response).not.toBeInstanceOf(OutboundRefusedError);
    expect(await refused(`http://127.0.0.1:${port}/`)).toMatch(/is a private|carries the private|is refused/);
    expect(await refused(`http://[::1]:${port}/`)).toMatch(/is a private|carries the private|is refused/);
  });

  it("allows a host at ports 80 and 443, or at the port its entry names: an allowed intranet host's other services stay out of reach", async () => {
    await db.outboundAllowedHost.create({ data: { host: "127.0.0.1" } });
    expect(await refused(`http://127.0.0.1:${port}/`)).toBe(
      `127.0.0.1 is a private, loopback, link-local or reserved address (port ${port}). An admin can allow it, with its port if not 80 or 443, under “Hosts on private networks” on the Webhooks screen.`,
    );
    await db.outboundAllowedHost.create({ data: { host: `127.0.0.1:${port + 1}` } });
    expect(await refused(`http://127.0.0.1:${port}/`)).toMatch(/\(port \d+\)/);
    await db.outboundAllowedHost.create({ data: { host: `127.0.0.1:${port}` } });
    expect((await outboundFetch(`http://127.0.0.1:${port}/hello`)).status).toBe(200);
    // A redirect to another port of the same host is refused.
    expect(await refused(`http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${port + 2}/x`)}`)).toMatch(
      new RegExp(`\\(port ${port + 2}\\)`),
    );
  });
});
