/**
 * IP addresses and CIDR ranges as numbers, for the checks that decide where this node may connect
 * (webhook targets) and for the configuration that relaxes them. Pure: no DNS, no sockets.
 *
 * An address is `{ v: 4, n }` (n a 32-bit unsigned integer) or `{ v: 6, n }` (n a 128-bit bigint).
 * Only canonical textual forms are read here (dotted quad, RFC 4291 IPv6 text with an optional
 * trailing dotted quad and an optional zone): the other IPv4 spellings a URL allows
 * (`http://2130706433/`, `http://0x7f.1/`, `http://0177.0.0.1/`) are turned into the dotted quad by
 * the WHATWG URL parser before they reach this module.
 */

export type IpAddress = { v: 4; n: number } | { v: 6; n: bigint };

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(text: string): number | null {
  const m = V4.exec(text);
  if (!m) return null;
  let n = 0;
  for (const part of m.slice(1)) {
    // Leading zeros are ambiguous (octal in some parsers): refused rather than guessed.
    if (part.length > 1 && part.startsWith("0")) return null;
    const b = Number(part);
    if (b > 255) return null;
    n = n * 256 + b;
  }
  return n;
}

function parseV6(text: string): bigint | null {
  let s = text;
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (s === "" || !/^[0-9a-fA-F:.]+$/.test(s)) return null;
  // A trailing dotted quad stands for the last two groups (::ffff:127.0.0.1).
  const groupsOf = (part: string): number[] | null => {
    if (part === "") return [];
    const out: number[] = [];
    const items = part.split(":");
    for (const [i, item] of items.entries()) {
      if (i === items.length - 1 && item.includes(".")) {
        const v4 = parseV4(item);
        if (v4 === null) return null;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(item)) return null;
        out.push(Number.parseInt(item, 16));
      }
    }
    return out;
  };
  const halves = s.split("::");
  if (halves.length > 2) return null;
  let groups: number[];
  if (halves.length === 2) {
    const head = groupsOf(halves[0] ?? "");
    const tail = groupsOf(halves[1] ?? "");
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    groups = [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = groupsOf(s);
    if (all === null || all.length !== 8) return null;
    groups = all;
  }
  let n = 0n;
  for (const g of groups) n = (n << 16n) | BigInt(g);
  return n;
}

/**
 * An IP address from its text (an URL's hostname may keep IPv6 brackets); null when the text is
 * not an address (a host name). Example: parseIp("[::ffff:7f00:1]") → { v: 6, n: 0xffff7f000001n }.
 */
export function parseIp(text: string): IpAddress | null {
  const t = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const v4 = parseV4(t);
  if (v4 !== null) return { v: 4, n: v4 };
  if (!t.includes(":")) return null;
  const v6 = parseV6(t);
  return v6 === null ? null : { v: 6, n: v6 };
}

/** Dotted quad or RFC 5952 text of an address. Example: formatIp({ v: 4, n: 2130706433 }) → "127.0.0.1". */
export function formatIp(ip: IpAddress): string {
  if (ip.v === 4) return [24, 16, 8, 0].map((s) => (ip.n >>> s) & 0xff).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.n >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (RFC 5952 §4.2).
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

/** The IPv4 address an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is; the address itself otherwise. */
export function unmapIp(ip: IpAddress): IpAddress {
  if (ip.v === 6 && ip.n >> 32n === 0xffffn) return { v: 4, n: Number(ip.n & 0xffffffffn) };
  return ip;
}

export interface Cidr {
  v: 4 | 6;
  /** The range's first address. */
  base: bigint;
  prefix: number;
}

/**
 * A CIDR range ("10.0.0.0/8", "fd00::/8"; a bare address is its own /32 or /128); null when the
 * text is not one. Host bits set below the prefix are cleared. Example: parseCidr("10.1.2.3/8")
 * → { v: 4, base: 167772160n, prefix: 8 }.
 */
export function parseCidr(text: string): Cidr | null {
  const [addr = "", len, ...rest] = text.trim().split("/");
  if (rest.length > 0) return null;
  const ip = parseIp(addr);
  if (ip === null) return null;
  const bits = ip.v === 4 ? 32 : 128;
  const prefix = len === undefined ? bits : /^\d{1,3}$/.test(len) ? Number(len) : Number.NaN;
  if (!(prefix >= 0 && prefix <= bits)) return null;
  const n = BigInt(ip.n);
  const hostBits = BigInt(bits - prefix);
  return { v: ip.v, base: (n >> hostBits) << hostBits, prefix };
}

/**
 * Whether the address lies in the range; an IPv4-mapped IPv6 address is compared as the IPv4
 * address it is. Example: inCidr(parseIp("::ffff:10.1.2.3"), parseCidr("10.0.0.0/8")) → true.
 */
export function inCidr(ip: IpAddress, cidr: Cidr): boolean {
  const a = unmapIp(ip);
  if (a.v !== cidr.v) return false;
  const hostBits = BigInt((a.v === 4 ? 32 : 128) - cidr.prefix);
  return (BigInt(a.n) >> hostBits) << hostBits === cidr.base;
}
