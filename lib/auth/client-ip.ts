import { env } from "../env";
import { embeddedIpv4, expandIpv6 } from "../security/ip";
import { log } from "../log";
import { clientFromChain, normaliseAddress, parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

export { parseTrustedProxies };

/**
 * The header on which the front server (scripts/server.ts) puts the socket's address. It
 * replaces any copy a client sent, before Next.js sees the request; Next.js gives route handlers
 * and Server Actions no socket address of their own.
 */
export const CLIENT_IP_HEADER = "x-dateline-client-ip";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

const front = globalThis as { datelineFrontServer?: boolean };

/** Called by the front server for every request: CLIENT_IP_HEADER can be believed in this process. */
export function markFrontServer() {
  front.datelineFrontServer = true;
}

let configured: TrustedProxies | undefined;
/** DATELINE_TRUSTED_PROXIES, or one hop for the older DATELINE_TRUST_PROXY=true. */
function trustedProxies(): TrustedProxies {
  if (configured) return configured;
  configured = parseTrustedProxies(env.DATELINE_TRUSTED_PROXIES) ?? { kind: "none" };
  if (!env.DATELINE_TRUSTED_PROXIES && env.DATELINE_TRUST_PROXY) {
    log(
      "warn",
      "DATELINE_TRUST_PROXY is deprecated: read as DATELINE_TRUSTED_PROXIES=1 (one reverse proxy in front). Set DATELINE_TRUSTED_PROXIES instead.",
    );
    configured = { kind: "hops", hops: 1 };
  }
  return configured;
}

let warned = false;

/**
 * A client as limits count it: an IPv6 address by its /64 ("2001:db8:0:1::/64"), since one host or
 * subscriber is given at least a whole /64 (counting each address let one client sign in, request
 * resets and call the API under 2⁶⁴ fresh limits: a security probe; a provider that gives a /56
 * or a /48 still gives 256 or 65,536 of them, and one office's network shares one). An IPv6
 * address that carries an IPv4 one (NAT64, 6to4, IPv4-mapped) counts as that IPv4 address.
 */
export function limitedAddress(address: string): string {
  const words = expandIpv6(address);
  if (!words) return address;
  return (
    embeddedIpv4(address) ??
    `${words
      .slice(0, 4)
      .map((w) => w.toString(16))
      .join(":")}::/64`
  );
}

/**
 * The client's address, or null when none can be trusted. Behind the front server: the socket's
 * address, or, when proxies are trusted (DATELINE_TRUSTED_PROXIES), the right-most
 * X-Forwarded-For entry that no trusted proxy wrote. Under plain `next start` (no front server)
 * every header is the client's own word: null, and throttling is per account. Limits count
 * clients by clientIpFromHeaders; this exact address is for records (a draft link's opening).
 */
export function clientAddressFromHeaders(source: HeaderSource, trusted: TrustedProxies = trustedProxies()): string | null {
  if (!front.datelineFrontServer) {
    if (!warned) {
      warned = true;
      log(
        "warn",
        "Dateline runs without its front server (scripts/server.ts, `npm start`): no trustworthy client address, so sign-in attempts are throttled per account only.",
      );
    }
    return null;
  }
  const socket = header(source, CLIENT_IP_HEADER);
  if (!socket) return null;
  const forwarded =
    trusted.kind === "none" ? [] : (header(source, "x-forwarded-for")?.split(",").map(normaliseAddress).filter(Boolean) ?? []);
  return clientFromChain([...forwarded, normaliseAddress(socket)], trusted).slice(0, 64) || null;
}

/** The client as sign-in throttling and the API's limits count it (an IPv6 client's /64: limitedAddress), or null. */
export function clientIpFromHeaders(source: HeaderSource, trusted: TrustedProxies = trustedProxies()): string | null {
  const address = clientAddressFromHeaders(source, trusted);
  return address && limitedAddress(address);
}
