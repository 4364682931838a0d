import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientAddressFromHeaders, clientIpFromHeaders, markFrontServer, parseTrustedProxies } from "./client-ip";

const front = globalThis as { datelineFrontServer?: boolean };
afterEach(() => {
  delete front.datelineFrontServer;
});

function request(socket: string, forwarded?: string, extra: Record<string, string> = {}) {
  return new Headers({ [CLIENT_IP_HEADER]: socket, ...(forwarded ? { "x-forwarded-for": forwarded } : {}), ...extra });
}

describe("clientIpFromHeaders", () => {
  it("knows no address without the front server (plain `next start`): throttling is per account only", () => {
    expect(clientIpFromHeaders(request("203.0.113.7", "198.51.100.1"), parseTrustedProxies(undefined)!)).toBeNull();
  });

  describe("behind the front server", () => {
    it("takes the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
      markFrontServer();
      const none = parseTrustedProxies(undefined)!;
      expect(clientIpFromHeaders(request("203.0.113.7"), none)).toBe("203.0.113.7");
      expect(clientIpFromHeaders(request("203.0.113.7", "198.51.100.1"), none)).toBe("203.0.113.7");
      expect(clientIpFromHeaders(request("203.0.113.7", "198.51.100.1, 198.51.100.2"), none)).toBe("203.0.113.7");
      expect(clientIpFromHeaders(request("::ffff:203.0.113.7", "1.2.3.4"), none)).toBe("203.0.113.7");
      expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" }), none)).toBeNull();
    });

    it("with a hop count, takes the right-most entry that the trusted hops did not write", () => {
      markFrontServer();
      const one = parseTrustedProxies("1")!;
      // The proxy appended what it saw; whatever the client wrote before it is ignored.
      expect(clientIpFromHeaders(request("10.0.0.2", "6.6.6.6, 198.51.100.9"), one)).toBe("198.51.100.9");
      expect(clientIpFromHeaders(request("10.0.0.2", "198.51.100.9"), one)).toBe("198.51.100.9");
      expect(clientIpFromHeaders(request("10.0.0.2"), one)).toBe("10.0.0.2");
      const two = parseTrustedProxies("2")!;
      expect(clientIpFromHeaders(request("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1"), two)).toBe("198.51.100.9");
    });

    it("with a list of proxies, takes the right-most address that is not one of them", () => {
      markFrontServer();
      const list = parseTrustedProxies("10.0.0.0/8, 192.0.2.1, ::1")!;
      expect(clientIpFromHeaders(request("10.0.0.2", "6.6.6.6, 198.51.100.9, 192.0.2.1"), list)).toBe("198.51.100.9");
      expect(clientIpFromHeaders(request("::1", "198.51.100.9"), list)).toBe("198.51.100.9");
      // A client that reaches the server directly cannot speak through X-Forwarded-For.
      expect(clientIpFromHeaders(request("203.0.113.7", "10.0.0.5"), list)).toBe("203.0.113.7");
      expect(clientIpFromHeaders(request("10.0.0.2", "10.0.0.3"), list)).toBe("10.0.0.3");
    });

    it("counts an IPv6 client by its /64, which one subscriber is given whole (a probe's client had 2⁶⁴ fresh limits)", () => {
      markFrontServer();
      const none = parseTrustedProxies(undefined)!;
      expect(clientIpFromHeaders(request("2001:db8:0:1::5"), none)).toBe("2001:db8:0:1::/64");
      expect(clientIpFromHeaders(request("2001:DB8:0:1:ffff:ffff:ffff:fffe"), none)).toBe("2001:db8:0:1::/64");
      expect(clientIpFromHeaders(request("2001:db8:0:2::5"), none)).toBe("2001:db8:0:2::/64");
      expect(clientIpFromHeaders(request("2001:db8::1"), none)).toBe("2001:db8:0:0::/64");
      expect(clientIpFromHeaders(request("fe80:0000:0000:0000:1::"), none)).toBe("fe80:0:0:0::/64");
      expect(clientIpFromHeaders(request("::1"), none)).toBe("0:0:0:0::/64");
      // One that carries an IPv4 address (NAT64, 6to4) counts as that address.
      expect(clientIpFromHeaders(request("64:ff9b::192.0.2.1"), none)).toBe("192.0.2.1");
      expect(clientIpFromHeaders(request("2002:c000:0201:1::9"), none)).toBe("192.0.2.1");
      expect(clientIpFromHeaders(request("fe80::1%eth0"), none)).toBe("fe80:0:0:0::/64");
      expect(clientIpFromHeaders(request("1:2:3:4:5:6:7:8"), none)).toBe("1:2:3:4::/64");
      // A record of who opened a draft link keeps the address itself.
      expect(clientAddressFromHeaders(request("2001:db8:0:1::5"), none)).toBe("2001:db8:0:1::5");
    });
  });
});

describe("parseTrustedProxies", () => {
  it.each([[undefined], [""], ["0"], ["1"], ["3"], ["127.0.0.1"], ["10.0.0.0/8,::1"], ["fd00::/8, 192.0.2.7"]])("accepts %s", (value) => {
    expect(parseTrustedProxies(value)).not.toBeNull();
  });
  it.each([["yes"], ["-1"], ["10.0.0.0/33"], ["10.0.0.300"], ["1.2.3.4, nonsense"]])("refuses %s", (value) => {
    expect(parseTrustedProxies(value)).toBeNull();
  });
});
