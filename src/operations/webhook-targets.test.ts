/**
 * Which addresses are refused as webhook targets, from the IANA special-purpose registries
 * (IPv4: RFC 6890 table and iana.org/assignments/iana-ipv4-special-registry; IPv6:
 * iana.org/assignments/iana-ipv6-special-registry), range edges worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { type IpAddress, parseIp } from "../core/net-address.ts";
import { refusalOf, refusedTarget, STRICT_TARGETS } from "./webhook-targets.ts";

const ip = (text: string): IpAddress => {
  const a = parseIp(text);
  if (a === null) throw new Error(`not an address: ${text}`);
  return a;
};
/** The host a URL connects to, as the WHATWG parser normalises it (decimal, hex, octal IPv4 forms). */
const hostOf = (url: string) => ip(new URL(url).hostname);

describe("refusalOf", () => {
  it("refuses each IPv4 special-purpose range, at both edges, and passes its neighbours", () => {
    const cases: [string, string | null][] = [
      ["0.0.0.0", "unspecified"],
      ["0.255.255.255", "unspecified"],
      ["1.0.0.0", null],
      ["127.0.0.1", "loopback"],
      ["127.255.255.255", "loopback"],
      ["128.0.0.0", null],
      ["10.0.0.0", "private"],
      ["10.255.255.255", "private"],
      ["9.255.255.255", null],
      ["172.16.0.0", "private"],
      ["172.31.255.255", "private"], // /12: 172.16–172.31
      ["172.32.0.0", null],
      ["172.15.255.255", null],
      ["192.168.0.1", "private"],
      ["192.169.0.0", null],
      ["169.254.169.254", "link_local"], // cloud instance metadata
      ["169.254.0.0", "link_local"],
      ["169.255.0.0", null],
      ["100.64.0.0", "shared"],
      ["100.127.255.255", "shared"], // /10: 100.64–100.127
      ["100.128.0.0", null],
      ["100.63.255.255", null],
      ["224.0.0.1", "multicast"],
      ["239.255.255.255", "multicast"],
      ["240.0.0.1", "reserved"],
      ["255.255.255.255", "reserved"],
      ["8.8.8.8", null],
      ["93.184.215.14", null],
    ];
    for (const [text, want] of cases) expect([text, refusalOf(ip(text))]).toEqual([text, want]);
  });

  it("refuses IPv6 loopback, unspecified, unique local, link-local, multicast", () => {
    const cases: [string, string | null][] = [
      ["::", "unspecified"],
      ["::1", "loopback"],
      ["fc00::1", "private"],
      ["fdff:ffff::1", "private"], // fc00::/7 covers fc and fd
      ["fe00::1", null],
      ["fec0::1", "private"], // deprecated site-local
      ["fe80::1", "link_local"],
      ["febf:ffff::1", "link_local"], // fe80::/10 ends at febf
      ["ff02::1", "multicast"],
      ["2001:4860:4860::8888", null],
      ["2606:4700:4700::1111", null],
    ];
    for (const [text, want] of cases) expect([text, refusalOf(ip(text))]).toEqual([text, want]);
  });

  it("looks through IPv6 forms that carry an IPv4 address: mapped, compatible, NAT64, 6to4", () => {
    expect(refusalOf(ip("::ffff:127.0.0.1"))).toBe("loopback");
    expect(refusalOf(ip("::ffff:a9fe:a9fe"))).toBe("link_local"); // 169.254.169.254
    expect(refusalOf(ip("::ffff:10.0.0.1"))).toBe("private");
    expect(refusalOf(ip("::ffff:8.8.8.8"))).toBeNull();
    expect(refusalOf(ip("::127.0.0.1"))).toBe("loopback");
    expect(refusalOf(ip("64:ff9b::192.168.1.1"))).toBe("private");
    // 6to4 2002:AABB:CCDD::/48 carries AA.BB.CC.DD: 2002:7f00:0001:: → 127.0.0.1.
    expect(refusalOf(ip("2002:7f00:1::"))).toBe("loopback");
    expect(refusalOf(ip("2002:0808:0808::1"))).toBeNull();
  });

  it("refuses the spellings a URL allows for a refused address", () => {
    // 2130706433 = 0x7f000001 = 127.0.0.1; 0xa9fea9fe = 169.254.169.254; 0177 = 127 (octal).
    for (const url of [
      "http://2130706433/",
      "http://0x7f000001/",
      "http://0x7f.1/",
      "http://0177.0.0.1/",
      "http://127.1/",
      "http://127.0.0.1./",
      "http://0/",
      "http://[::1]:8080/",
      "http://[::ffff:127.0.0.1]/",
      "http://[0:0:0:0:0:ffff:7f00:1]/",
      "http://2852039166/latest/meta-data/",
      "http://0xa9fea9fe/",
      "https://[fd12:3456::1]/h",
    ])
      expect([url, refusalOf(hostOf(url))]).not.toEqual([url, null]);
    expect(refusalOf(hostOf("http://2852039166/"))).toBe("link_local");
    // 1572395042 = 93·2^24 + 184·2^16 + 216·2^8 + 34 = 93.184.216.34, a public address.
    expect(refusalOf(hostOf("http://1572395042/"))).toBeNull();
  });
});

describe("refusedTarget", () => {
  it("names the first refused address; the policy's allow-list and allowPrivate let them through", () => {
    const both = [ip("93.184.215.14"), ip("10.0.0.5")];
    expect(refusedTarget(both, STRICT_TARGETS)).toEqual({ address: "10.0.0.5", refusal: "private" });
    expect(refusedTarget([ip("93.184.215.14")], STRICT_TARGETS)).toBeNull();
    expect(refusedTarget(both, { allowPrivate: false, allowCidrs: ["10.0.0.0/8"] })).toBeNull();
    expect(refusedTarget(both, { allowPrivate: false, allowCidrs: ["10.0.0.4/32"] })).toEqual({
      address: "10.0.0.5",
      refusal: "private",
    });
    expect(
      refusedTarget([ip("::1"), ip("169.254.169.254")], { allowPrivate: true, allowCidrs: [] }),
    ).toBeNull();
    // A mapped address is named and allowed as the IPv4 address it is.
    expect(refusedTarget([ip("::ffff:127.0.0.1")], STRICT_TARGETS)).toEqual({
      address: "127.0.0.1",
      refusal: "loopback",
    });
    expect(
      refusedTarget([ip("::ffff:127.0.0.1")], { allowPrivate: false, allowCidrs: ["127.0.0.0/8"] }),
    ).toBeNull();
  });
});
