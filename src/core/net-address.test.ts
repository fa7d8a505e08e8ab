import { describe, expect, it } from "vitest";
import { formatIp, inCidr, parseCidr, parseIp, unmapIp } from "./net-address.ts";

describe("IP addresses", () => {
  it("reads dotted quads and IPv6 text, and nothing else", () => {
    // 127.0.0.1 = 127·2^24 + 1 = 2130706433 (the decimal form http://2130706433/ stands for).
    expect(parseIp("127.0.0.1")).toEqual({ v: 4, n: 2130706433 });
    expect(parseIp("255.255.255.255")).toEqual({ v: 4, n: 4294967295 });
    expect(parseIp("256.0.0.1")).toBeNull();
    expect(parseIp("0177.0.0.1")).toBeNull(); // octal spelling: the URL parser turns it into a quad first
    expect(parseIp("example.com")).toBeNull();
    expect(parseIp("::")).toEqual({ v: 6, n: 0n });
    expect(parseIp("::1")).toEqual({ v: 6, n: 1n });
    expect(parseIp("[::1]")).toEqual({ v: 6, n: 1n });
    // ::ffff:127.0.0.1 = 0xffff·2^32 + 0x7f000001.
    expect(parseIp("::ffff:127.0.0.1")).toEqual({ v: 6, n: 0xffff_7f00_0001n });
    expect(parseIp("[::ffff:7f00:1]")).toEqual({ v: 6, n: 0xffff_7f00_0001n });
    expect(parseIp("fe80::1%eth0")).toEqual({ v: 6, n: (0xfe80n << 112n) | 1n });
    expect(parseIp("2001:db8::8:800:200c:417a")).toEqual({
      v: 6,
      n: 0x2001_0db8_0000_0000_0008_0800_200c_417an,
    });
    expect(parseIp("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIp("1::2::3")).toBeNull();
    expect(parseIp("12345::")).toBeNull();
  });

  it("writes addresses back in their canonical text (RFC 5952)", () => {
    expect(formatIp({ v: 4, n: 2130706433 })).toBe("127.0.0.1");
    expect(formatIp({ v: 6, n: 1n })).toBe("::1");
    expect(formatIp({ v: 6, n: 0n })).toBe("::");
    expect(formatIp({ v: 6, n: 0x2001_0db8_0000_0000_0008_0800_200c_417an })).toBe(
      "2001:db8::8:800:200c:417a",
    );
    expect(formatIp({ v: 6, n: 0x2001_0db8_0000_0001_0000_0000_0000_0001n })).toBe("2001:db8:0:1::1");
    expect(formatIp(unmapIp({ v: 6, n: 0xffff_a9fe_a9fen }))).toBe("169.254.169.254");
  });

  it("reads CIDR ranges and tells whether an address lies in one", () => {
    // 10.0.0.0 = 10·2^24 = 167772160; host bits of 10.1.2.3/8 cleared.
    expect(parseCidr("10.1.2.3/8")).toEqual({ v: 4, base: 167772160n, prefix: 8 });
    expect(parseCidr("127.0.0.1")).toEqual({ v: 4, base: 2130706433n, prefix: 32 });
    expect(parseCidr("fd00::/8")).toEqual({ v: 6, base: 0xfdn << 120n, prefix: 8 });
    expect(parseCidr("10.0.0.0/33")).toBeNull();
    expect(parseCidr("::/129")).toBeNull();
    expect(parseCidr("10.0.0.0/x")).toBeNull();
    expect(parseCidr("intranet/8")).toBeNull();
    const ten = parseCidr("10.0.0.0/8");
    const ip = (t: string) => parseIp(t) ?? { v: 4 as const, n: -1 };
    if (ten === null) throw new Error("parse");
    expect(inCidr(ip("10.255.255.255"), ten)).toBe(true);
    expect(inCidr(ip("11.0.0.0"), ten)).toBe(false);
    expect(inCidr(ip("::ffff:10.1.2.3"), ten)).toBe(true); // mapped: the IPv4 address it is
    expect(inCidr(ip("::10.1.2.3"), ten)).toBe(false); // compatible form: another address
    const fd = parseCidr("fd00::/8");
    if (fd === null) throw new Error("parse");
    expect(inCidr(ip("fdff::1"), fd)).toBe(true);
    expect(inCidr(ip("fc00::1"), fd)).toBe(false);
    expect(inCidr(ip("10.0.0.1"), fd)).toBe(false);
  });
});
