/**
 * Where alert webhooks may go (server-side request forgery guard). A subscriber names a URL and
 * the node POSTs to it — and the test ping reports the answer's status — so without a check a
 * signed-in user could make the node call addresses only it can reach: itself (127.0.0.1), the
 * machines of its private network, or a cloud's instance metadata service (169.254.169.254, which
 * hands out credentials). The addresses refused are those no public receiver has (IANA special-
 * purpose registries for IPv4 and IPv6, RFC 6890): loopback, private, link-local, unspecified,
 * multicast, shared (carrier-grade NAT) and reserved. A node whose receivers are on its own
 * network allows them in its configuration (`SP_ALERTS_ALLOW_PRIVATE`: all, or a CIDR list).
 *
 * Pure: the host's addresses come from the caller (alerts-sender.ts resolves them at subscribe
 * time and again at connect time, so a name that resolves to a private address later — DNS
 * rebinding — is still refused).
 */
import { type Cidr, formatIp, type IpAddress, inCidr, parseCidr, unmapIp } from "../core/net-address.ts";

/** Why an address is refused as a webhook target. */
export type TargetRefusal =
  | "loopback"
  | "private"
  | "link_local"
  | "unspecified"
  | "multicast"
  | "shared"
  | "reserved";

export const TARGET_REFUSALS: readonly TargetRefusal[] = [
  "loopback",
  "private",
  "link_local",
  "unspecified",
  "multicast",
  "shared",
  "reserved",
];

/** Which refused addresses a node allows all the same (read once, in the typed config). */
export interface WebhookTargetPolicy {
  /** Every address (a node whose receivers are on its own network, or a test). */
  allowPrivate: boolean;
  /** Refused addresses allowed when in one of these ranges ("10.20.0.0/16", "fd00::/8"). */
  allowCidrs: readonly string[];
}

/** The default: only public addresses. */
export const STRICT_TARGETS: WebhookTargetPolicy = { allowPrivate: false, allowCidrs: [] };

const range = (text: string, refusal: TargetRefusal): [Cidr, TargetRefusal] => [
  parseCidr(text) as Cidr,
  refusal,
];

/** IPv4 special-purpose ranges refused (RFC 6890 and the IANA IPv4 special-purpose registry). */
const V4_REFUSED: readonly [Cidr, TargetRefusal][] = [
  range("0.0.0.0/8", "unspecified"), // "this network" (RFC 1122 §3.2.1.3); 0.0.0.0 reaches the node itself
  range("127.0.0.0/8", "loopback"), // RFC 1122
  range("10.0.0.0/8", "private"), // RFC 1918
  range("172.16.0.0/12", "private"), // RFC 1918
  range("192.168.0.0/16", "private"), // RFC 1918
  range("169.254.0.0/16", "link_local"), // RFC 3927; cloud metadata at 169.254.169.254
  range("100.64.0.0/10", "shared"), // RFC 6598 carrier-grade NAT
  range("224.0.0.0/4", "multicast"), // RFC 5771
  range("240.0.0.0/4", "reserved"), // RFC 1112 §4 (with 255.255.255.255, limited broadcast)
];

/** IPv6 ranges refused (RFC 4291, RFC 4193, IANA IPv6 special-purpose registry). */
const V6_REFUSED: readonly [Cidr, TargetRefusal][] = [
  range("::/128", "unspecified"),
  range("::1/128", "loopback"),
  range("fc00::/7", "private"), // RFC 4193 unique local
  range("fec0::/10", "private"), // RFC 3879 deprecated site-local, still routed inside some sites
  range("fe80::/10", "link_local"),
  range("ff00::/8", "multicast"),
];

/**
 * The IPv4 address an IPv6 address carries and leads to: IPv4-mapped (::ffff:0:0/96, the same
 * host), IPv4-compatible (::/96, deprecated), NAT64 (64:ff9b::/96, RFC 6052: the gateway connects
 * to it) and 6to4 (2002::/16, RFC 3056: the relay forwards to it). Null for other addresses.
 */
function embeddedV4(n: bigint): IpAddress | null {
  if (n >> 32n === 0xffffn || n >> 32n === 0n || n >> 32n === 0x64ff9b0000000000000000n)
    return { v: 4, n: Number(n & 0xffffffffn) };
  if (n >> 112n === 0x2002n) return { v: 4, n: Number((n >> 80n) & 0xffffffffn) };
  return null;
}

/**
 * Why the address may not be a webhook target, or null when it may (a public address).
 * Examples: 169.254.169.254 → "link_local"; ::ffff:7f00:1 (127.0.0.1 mapped) → "loopback";
 * 100.72.0.1 → "shared"; 93.184.215.14 → null.
 */
export function refusalOf(ip: IpAddress): TargetRefusal | null {
  if (ip.v === 4) return V4_REFUSED.find(([c]) => inCidr(ip, c))?.[1] ?? null;
  const own = V6_REFUSED.find(([c]) => inCidr(ip, c));
  if (own) return own[1];
  const carried = embeddedV4(ip.n);
  return carried === null ? null : refusalOf(carried);
}

/** A refused address the policy does not allow, or null when the node may connect to it. */
export interface TargetVerdict {
  address: string;
  refusal: TargetRefusal;
}

/** The policy's allow-list, parsed (its ranges were checked when the configuration was read). */
export function allowedRanges(policy: WebhookTargetPolicy): Cidr[] {
  return policy.allowCidrs.map(parseCidr).filter((c): c is Cidr => c !== null);
}

/**
 * The first of a host's addresses the policy refuses (one is enough: a name that resolves to a
 * public and a private address could be connected to either), or null.
 * Example: with STRICT_TARGETS, [93.184.215.14, 10.0.0.5] → { address: "10.0.0.5", refusal: "private" };
 * with allowCidrs ["10.0.0.0/8"] → null.
 */
export function refusedTarget(
  addresses: readonly IpAddress[],
  policy: WebhookTargetPolicy,
  ranges: readonly Cidr[] = allowedRanges(policy),
): TargetVerdict | null {
  if (policy.allowPrivate) return null;
  for (const ip of addresses) {
    const refusal = refusalOf(ip);
    if (refusal === null) continue;
    if (ranges.some((c) => inCidr(ip, c))) continue;
    return { address: formatIp(unmapIp(ip)), refusal };
  }
  return null;
}
