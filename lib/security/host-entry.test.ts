import { describe, expect, it } from "vitest";
import { allowHostSchema } from "../webhooks/schema";
import { hostEntriesAllow, hostEntryPorts, parseHostEntry, urlPort } from "./host-entry";

const list = (...entries: string[]) => new Set(entries.map((e) => parseHostEntry(e)!));

describe("a private host's entry", () => {
  it("allows a host alone at ports 80 and 443 only, a host:port at that port, a host:* at every port", () => {
    const entries = list("intranet.example", "wiki.example:8080", "search.example:*", "fd00::1", "[fd00::2]:9000");
    expect(hostEntriesAllow(entries, "intranet.example", 80)).toBe(true);
    expect(hostEntriesAllow(entries, "intranet.example", 443)).toBe(true);
    expect(hostEntriesAllow(entries, "intranet.example", 6379)).toBe(false);
    expect(hostEntriesAllow(entries, "wiki.example", 8080)).toBe(true);
    expect(hostEntriesAllow(entries, "wiki.example", 80)).toBe(false);
    expect(hostEntriesAllow(entries, "search.example", 9200)).toBe(true);
    expect(hostEntriesAllow(entries, "fd00::1", 443)).toBe(true);
    expect(hostEntriesAllow(entries, "fd00::1", 8443)).toBe(false);
    expect(hostEntriesAllow(entries, "fd00::2", 9000)).toBe(true);
    expect(hostEntriesAllow(entries, "fd00::2", 80)).toBe(false);
    expect(hostEntriesAllow(entries, "other.example", 80)).toBe(false);
  });

  it("says what it lets through", () => {
    expect(["intranet.example", "wiki.example:8080", "search.example:*", "fd00::1", "[fd00::2]:9000"].map(hostEntryPorts)).toEqual([
      "ports 80 and 443",
      "port 8080",
      "every port",
      "ports 80 and 443",
      "port 9000",
    ]);
  });

  it("says an entry the form before ports took that is no host and port matches nothing", () => {
    expect(["intranet.example:abc", "Intranet.Example", "hooks.internal:8080"].map(hostEntryPorts)).toEqual([
      "matches nothing: remove it and allow the host again",
      "matches nothing: remove it and allow the host again",
      "port 8080",
    ]);
  });

  it("takes a host name of at most 253 characters, the longest DNS carries, with its port", () => {
    const name = (length: number) => `${"a".repeat(60)}.`.repeat(5).slice(0, length - 8) + ".example";
    expect(parseHostEntry(`${name(253)}:8080`)).toBe(`${name(253)}:8080`);
    expect(parseHostEntry(name(254))).toBeNull();
    expect(allowHostSchema.safeParse({ host: `${name(254)}:8080` }).error?.issues[0]?.message).toBe(
      "Enter a host name of at most 253 characters, with its port.",
    );
    expect(allowHostSchema.safeParse({ host: "intranet.example/path" }).error?.issues[0]?.message).toMatch(/^Enter only the host/);
    // A pasted address with a long query is a wrongly written entry, not a long name.
    expect(
      allowHostSchema.safeParse({ host: `https://hooks.internal.example/deliver?token=${"x".repeat(240)}` }).error?.issues[0]?.message,
    ).toMatch(/^Enter only the host/);
  });

  it("measures a host name as DNS carries it: an international name in its punycode form", () => {
    const raw = `${"bücher".repeat(6)}.`.repeat(6) + "example"; // 229 characters typed, 271 in punycode
    expect(raw.length).toBeLessThan(253);
    expect(allowHostSchema.safeParse({ host: raw }).error?.issues[0]?.message).toBe(
      "Enter a host name of at most 253 characters, with its port.",
    );
  });

  it("reads a URL's port as a request would use it", () => {
    expect([
      urlPort(new URL("http://a.example/")),
      urlPort(new URL("https://a.example/")),
      urlPort(new URL("http://a.example:443/")),
    ]).toEqual([80, 443, 443]);
  });
});
