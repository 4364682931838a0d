import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { hostEntriesAllow, urlPort } from "./host-entry";
import { embeddedIpv4 } from "./ip";

/**
 * The one way Dateline's server reaches another server (webhook deliveries today; source archiving
 * and wire feeds later). It closes server-side request forgery:
 *
 * - only http: and https: URLs;
 * - the host is resolved here, and every address it resolves to must be public: loopback,
 *   private, link-local, unique-local, CGNAT, multicast, reserved and unspecified ranges (IPv4 and
 *   IPv6, IPv4-mapped and other IPv4-embedding IPv6 forms included) are refused. Decimal, octal and
 *   hexadecimal IPv4 forms are normalised by the URL parser first, so they are checked as what they are;
 * - the connection goes to the very address that was checked (the socket's `lookup` returns it), so
 *   a second DNS answer cannot swap in another one (DNS rebinding);
 * - redirects are followed here, each one checked the same way, at most `maxRedirects` (with 0,
 *   a redirect is returned as the answer);
 * - the answer is cut at `maxBytes`, and the whole exchange at `timeoutMs`;
 * - it says who it is (User-Agent).
 *
 * A host an admin has allowed (the OutboundAllowedHost table, on the Webhooks screen) may resolve to
 * a private address, at the ports its entry names (ports 80 and 443 unless it says: host-entry.ts):
 * that is how a newsroom reaches its own internal systems on purpose. Archived copies of sources do
 * not use that list but DATELINE_SOURCE_PRIVATE_HOSTS (`privateHosts`).
 */
export class OutboundRefusedError extends Error {
  constructor(
    message: string,
    /**
     * Why: the host did not resolve (it may by the next try); it is on a private network and not
     * allowed (the address is fine, the policy refuses it); or anything else (a scheme, too large…).
     */
    readonly why: "unresolved" | "private" | "other" = "other",
  ) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

export type OutboundOptions = {
  method?: "GET" | "POST" | "HEAD";
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Largest answer kept, in bytes (default 2 MB). */
  maxBytes?: number;
  /** Past maxBytes: refuse (default) or keep the first maxBytes and stop reading. */
  overflow?: "refuse" | "truncate";
  maxRedirects?: number;
  timeoutMs?: number;
  /**
   * The hosts this request may reach on a private network, and how one is allowed (said when one is
   * refused). Default: the admins' list (“Hosts on private networks”, the Webhooks screen). Archived
   * copies of sources pass their own (lib/sources/capture.ts): a writer chooses a source's address,
   * and its copy is public.
   */
  privateHosts?: PrivateHosts;
  /**
   * Asked of every address before anything is asked of its host: the first and each redirect's.
   * What it throws ends the fetch, and is thrown to the caller. Archived copies of sources use it
   * for the archive's opt-out list, which a redirect from a shortener would otherwise get round.
   */
  checkUrl?: (url: URL) => void;
};

/** Hosts that may resolve to private addresses (entries as host-entry.ts writes them), and the sentence that says how to allow another. */
export type PrivateHosts = { hosts: ReadonlySet<string>; howToAllow: string };

export type OutboundResponse = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  /** The URL that answered (after redirects) and the ones that redirected. */
  url: string;
  redirects: string[];
};

export const OUTBOUND_USER_AGENT = `Dateline/0.1 (+${env.DATELINE_SITE_URL}; newsroom CMS)`;

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local (cloud metadata lives here)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  blocked.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128], // unspecified
  ["::", 96], // IPv4-compatible (deprecated): ::a.b.c.d, and ::0.0.x.y that names no IPv4 host
  ["::1", 128], // loopback
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["2001::", 23], // IETF protocol assignments (Teredo and friends)
  ["64:ff9b:1::", 48], // local-use NAT64 (RFC 8215): the network's own translator, never a public host
] as const)
  blocked.addSubnet(prefix, bits, "ipv6");

/** Why `ip` may not be reached, or null when it is a public address. */
export function refusedAddressReason(ip: string): string | null {
  const family = net.isIP(ip);
  if (family === 0) return "it is not an IP address";
  if (family === 4) return blocked.check(ip, "ipv4") ? `${ip} is a private, loopback, link-local or reserved address` : null;
  const inner = embeddedIpv4(ip);
  if (inner && blocked.check(inner, "ipv4")) return `${ip} carries the private, loopback or reserved address ${inner}`;
  return blocked.check(ip.split("%")[0]!, "ipv6") ? `${ip} is a private, loopback, link-local or reserved address` : null;
}

/** The hosts an admin allowed to resolve to private addresses, and at which ports (host-entry.ts). */
export async function allowedHosts(): Promise<PrivateHosts> {
  const rows = await db.outboundAllowedHost.findMany({ select: { host: true } });
  return {
    hosts: new Set(rows.map((r) => r.host)),
    howToAllow: "An admin can allow it, with its port if not 80 or 443, under “Hosts on private networks” on the Webhooks screen.",
  };
}

/** A URL's host as the allowed hosts' entries name it (host-entry.ts): lower case, no IPv6 brackets, no trailing dot. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
}

/** Resolves `url`'s host and returns the address to connect to, or throws OutboundRefusedError. */
export async function vetUrl(url: URL, allowed: PrivateHosts): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new OutboundRefusedError(`Only http and https addresses can be reached, not ${url.protocol}`);
  if (url.username || url.password)
    throw new OutboundRefusedError("Leave the user name and password out of the address: Dateline does not send them.");
  const host = normaliseHost(url.hostname);
  const literal = net.isIP(host);
  const answers = literal
    ? [{ address: host, family: literal as 4 | 6 }]
    : await dns.lookup(host, { all: true, verbatim: true }).catch(() => {
        throw new OutboundRefusedError(`${host} could not be resolved.`, "unresolved");
      });
  if (answers.length === 0) throw new OutboundRefusedError(`${host} could not be resolved.`, "unresolved");
  if (!hostEntriesAllow(allowed.hosts, host, urlPort(url))) {
    // Every answer must be public: a name that also resolves to an internal address is refused outright.
    for (const answer of answers) {
      const reason = refusedAddressReason(answer.address);
      if (reason)
        throw new OutboundRefusedError(
          // An address typed as such is named once ("10.1.2.3 is a private … address"), a name with the address it resolved to;
          // a port other than the web's is named, as it is what an allowed host may not be reached at.
          `${literal ? "" : `${host} is refused: `}${reason}${url.port ? ` (port ${url.port})` : ""}. ${allowed.howToAllow}`,
          "private",
        );
    }
  }
  const first = answers[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * Refuses, at the field where an admin typed it (`url`), an address the guard would never let a
 * request reach: asked when a webhook or a polled feed is added, so that the refusal is not found
 * later in a delivery log. A host that does not resolve today passes: it may by the time a request is due.
 */
export async function assertOutboundAllowed(input: string): Promise<void> {
  let refusal: string | null = null;
  try {
    await vetUrl(new URL(input), await allowedHosts());
  } catch (error) {
    if (error instanceof TypeError) refusal = "That is not a valid address.";
    else if (!(error instanceof OutboundRefusedError)) throw error;
    else if (error.why !== "unresolved") refusal = error.message;
  }
  if (refusal) throw new AppError("invalid", "Some fields need attention.", { url: [refusal] });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Fetches `input` through the guard (see above). Throws OutboundRefusedError for refused addresses, Error for network failures. */
export async function outboundFetch(input: string, options: OutboundOptions = {}): Promise<OutboundResponse> {
  const maxRedirects = options.maxRedirects ?? 5;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const allowed = options.privateHosts ?? (await allowedHosts());
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new OutboundRefusedError("That is not a valid address.");
  }
  let method = options.method ?? "GET";
  let body = options.body;
  let headers = { ...options.headers };
  const redirects: string[] = [];
  for (;;) {
    options.checkUrl?.(url);
    const target = await vetUrl(url, allowed);
    const response = await requestOnce(url, target, {
      method,
      headers,
      body,
      deadline,
      maxBytes: options.maxBytes ?? 2_000_000,
      overflow: options.overflow ?? "refuse",
    });
    const location = response.headers["location"];
    // Told to follow none (a webhook's POST): the redirect is the answer, for the caller to report.
    if (!REDIRECTS.has(response.status) || !location || maxRedirects === 0) return { ...response, url: url.toString(), redirects };
    if (redirects.length >= maxRedirects) throw new OutboundRefusedError(`Too many redirects (more than ${maxRedirects}).`);
    redirects.push(url.toString());
    const next = new URL(location, url);
    if (next.origin !== url.origin) {
      // Credentials meant for one server never follow a redirect to another.
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(authorization|cookie)$/i.test(name)));
    }
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));
    }
    url = next;
  }
}

function requestOnce(
  url: URL,
  target: { address: string; family: 4 | 6 },
  o: {
    method: string;
    headers: Record<string, string>;
    body?: string | Buffer;
    deadline: number;
    maxBytes: number;
    overflow: "refuse" | "truncate";
  },
): Promise<Omit<OutboundResponse, "url" | "redirects">> {
  const remaining = o.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new Error("The request timed out."));
  // The socket connects to the vetted address whatever the resolver would say now.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: o.method,
        lookup,
        agent: false,
        headers: {
          "user-agent": OUTBOUND_USER_AGENT,
          accept: "*/*",
          ...o.headers,
          ...(o.body !== undefined ? { "content-length": String(Buffer.byteLength(o.body)) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = [value].flat().join(", ");
        const finish = () => resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks), truncated });
        response.on("data", (chunk: Buffer) => {
          if (truncated) return;
          size += chunk.length;
          if (size > o.maxBytes) {
            if (o.overflow === "refuse") {
              truncated = true;
              reject(new OutboundRefusedError(`The answer is larger than ${o.maxBytes} bytes.`));
              request.destroy();
              return;
            }
            chunks.push(chunk.subarray(0, chunk.length - (size - o.maxBytes)));
            truncated = true;
            finish();
            request.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => {
          if (!truncated) finish();
        });
        response.on("error", (error) => {
          if (!truncated) reject(error);
        });
      },
    );
    const timer = setTimeout(() => request.destroy(new Error("The request timed out.")), remaining);
    request.on("error", reject);
    request.on("close", () => clearTimeout(timer));
    if (o.body !== undefined) request.write(o.body);
    request.end();
  });
}
