import net from "node:net";

/** Who may speak for the client in X-Forwarded-For: nobody, the nearest N hops, or these addresses. */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: net.BlockList };

/**
 * Parses DATELINE_TRUSTED_PROXIES: empty (no proxy: the socket address is the client), a hop
 * count ("1": one reverse proxy in front), or a comma-separated list of proxy addresses and CIDR
 * ranges ("10.0.0.0/8, ::1"). Null when the value is not one of those.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | null {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) return Number(text) <= 20 ? { kind: "hops", hops: Number(text) } : null;
  const list = new net.BlockList();
  for (const entry of text.split(",").map((s) => s.trim())) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = net.isIP(address ?? "");
    if (!family || rest.length > 0) return null;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return null;
    list.addSubnet(address!, bits, type);
  }
  return { kind: "list", list };
}

/** An address as written in a header or by the socket: brackets, ports and the IPv4-in-IPv6 prefix removed. */
export function normaliseAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4WithPort) value = v4WithPort[1]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return value.toLowerCase();
}

/**
 * The client in a chain of addresses, left to right as the hops wrote them (X-Forwarded-For's
 * entries, then the socket's): the right-most one that is not a trusted proxy. Entries left of
 * it were written by the client itself and are never read.
 */
export function clientFromChain(chain: string[], trusted: TrustedProxies): string {
  if (trusted.kind === "none") return chain[chain.length - 1]!;
  if (trusted.kind === "hops") return chain[Math.max(chain.length - 1 - trusted.hops, 0)]!;
  for (let i = chain.length - 1; i > 0; i--) {
    const address = chain[i]!;
    const family = net.isIP(address);
    if (!family || !trusted.list.check(address, family === 4 ? "ipv4" : "ipv6")) return address;
  }
  return chain[0]!;
}
