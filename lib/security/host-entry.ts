/*
 * An entry of a list of hosts that may be reached on a private network: the admins' “Hosts on
 * private networks” (webhooks, polled wire feeds, wire photos) and the operator's
 * DATELINE_SOURCE_PRIVATE_HOSTS (archived copies of sources). A host alone allows the web's own
 * ports, 80 and 443; `host:8080` that port alone; `host:*` every port. Allowing a host used to open
 * every port on it: a wire document naming a photo at the allowed intranet host's port 6379, or
 * a source at its search server's port 9200, was fetched, and the answer kept in public.
 *
 * An entry is kept in one written form, compared as it is: the host as a URL reads it (lower case,
 * punycode, IPv6 in its short form and without brackets, no trailing dot), then `:port` or `:*`
 * (an IPv6 address then in brackets: `[fd00::1]:8080`).
 */
const WEB_PORTS = new Set([80, 443]);

/** The longest host name DNS carries. */
export const MAX_HOST_LENGTH = 253;

/** A host with `:port` or `:*` after it, an IPv6 address then in brackets. */
const withPort = (host: string, port: number | "*") => `${host.includes(":") ? `[${host}]` : host}:${port}`;

/** Why an entry is refused: nothing typed, a host name longer than DNS carries, or not a host with, at most, a port. */
export type HostEntryProblem = "empty" | "too long" | "not a host";

/** The entry's written form, or why it is refused. */
export function readHostEntry(raw: string): { entry: string } | { problem: HostEntryProblem } {
  const entry = raw.trim();
  if (!entry) return { problem: "empty" };
  // A bare IPv6 address (two colons or more, no brackets) has no port: `fd00::1:80` is an address.
  const bareIpv6 = /:.*:/.test(entry) && !entry.startsWith("[");
  const match = bareIpv6 ? null : /^(.*?)(?::(\d{1,5}|\*))?$/.exec(entry);
  const hostPart = bareIpv6 ? `[${entry}]` : (match?.[1] ?? "");
  const port = match?.[2];
  if (!hostPart || (port && port !== "*" && (Number(port) < 1 || Number(port) > 65535))) return { problem: "not a host" };
  const url = URL.parse(`http://${hostPart}`);
  if (!url || url.port || url.username || url.password || url.pathname !== "/" || url.search || url.hash || !url.hostname)
    return { problem: "not a host" };
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (host.length > MAX_HOST_LENGTH) return { problem: "too long" };
  // No wildcard (`*.corp.example` would be a host of that name, and match nothing) and no
  // unspecified address (0.0.0.0 and :: reach the server itself).
  if (!host || host.includes("*") || host === "0.0.0.0" || host === "::") return { problem: "not a host" };
  return { entry: port ? withPort(host, port === "*" ? "*" : Number(port)) : host };
}

/** The entry's written form, or null when it is not a host name or IP address with, at most, a port or `:*`. */
export function parseHostEntry(raw: string): string | null {
  const read = readHostEntry(raw);
  return "entry" in read ? read.entry : null;
}

/** Whether `entries` (written forms) allow `host` (as normaliseHost gives it) at `port`. */
export function hostEntriesAllow(entries: ReadonlySet<string>, host: string, port: number): boolean {
  return entries.has(withPort(host, "*")) || entries.has(withPort(host, port)) || (WEB_PORTS.has(port) && entries.has(host));
}

/**
 * What an entry lets through, in words (the Webhooks screen). An entry not in its written form
 * (one the form before ports took, such as `intranet:abc`) matches nothing, and says so.
 */
export function hostEntryPorts(entry: string): string {
  if (parseHostEntry(entry) !== entry) return "matches nothing: remove it and allow the host again";
  const port = /^(?:\[.*\]|[^:]*):(\d+|\*)$/.exec(entry)?.[1];
  if (!port) return "ports 80 and 443";
  return port === "*" ? "every port" : `port ${port}`;
}

/** A URL's port as a number: the one it names, or its scheme's (80 for http:, 443 for https:). */
export const urlPort = (url: URL) => (url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80);
