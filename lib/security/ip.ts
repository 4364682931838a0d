import net from "node:net";

// IPv6 addresses as words, and the IPv4 address one may carry: read by the outbound guard (lib/security/outbound.ts) and by the limits that count clients (lib/auth/client-ip.ts).

/** The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-translated, IPv4-compatible, NAT64, 6to4), or null. */
export function embeddedIpv4(ip: string): string | null {
  const words = expandIpv6(ip);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zeros(0, 5) && words[5] === 0xffff) return v4(words[6]!, words[7]!); // ::ffff:a.b.c.d
  if (zeros(0, 4) && words[4] === 0xffff && words[5] === 0) return v4(words[6]!, words[7]!); // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765)
  // ::a.b.c.d (deprecated IPv4-compatible), but not :: and ::1, which are IPv6's own unspecified and loopback.
  if (zeros(0, 6) && words[6] !== 0) return v4(words[6]!, words[7]!);
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return v4(words[6]!, words[7]!); // NAT64 64:ff9b::/96
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!); // 6to4
  return null;
}

/** An IPv6 address as its eight 16-bit words, or null when it is not one. */
export function expandIpv6(ip: string): number[] | null {
  if (net.isIPv6(ip) === false) return null;
  let text = ip.toLowerCase().split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const part = (s: string | undefined | null) => (s ? s.split(":").filter(Boolean) : []);
  const left = part(head);
  const right = part(tail);
  const fill = tail === null ? [] : Array(8 - left.length - right.length).fill("0");
  const all = [...left, ...fill, ...right];
  return all.length === 8 ? all.map((w) => parseInt(w, 16)) : null;
}
