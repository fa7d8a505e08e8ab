/**
 * Node identity (issue 15): each node's Ed25519 keys and its node document — port, name en/ja,
 * endpoint, public keys with their validity — signed by its current key. Nodes meet by exchanging
 * documents out of band and comparing the fingerprint; there is no registry. Rotation: the new key
 * is endorsed (signed) by the old one, both stay listed, and the old one verifies what it signed
 * until its `until`.
 */
import { z } from "zod";
import { fingerprint, keyId } from "./keys.ts";
import { type Signed, type Signer, signWith, verifyBytesFor, verifySigned } from "./signed.ts";

export const LocalizedText = z.object({ en: z.string().min(1), ja: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

const Iso = z.iso.datetime({ offset: false });
export const Locode = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, "a UN/LOCODE such as USLAX");

export const NodeKey = z.object({
  kid: z.string().min(1),
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "32 bytes, base64url"),
  from: Iso,
  until: Iso.optional(),
  /** Signature of the previous key over this key's rotation statement (absent on the first key). */
  endorsedBy: z.object({ kid: z.string(), signature: z.string() }).optional(),
});
export type NodeKey = z.infer<typeof NodeKey>;

export const NodeDocumentBody = z.object({
  type: z.literal("sisterports.node/1"),
  port: Locode,
  name: LocalizedText,
  endpoint: z.url(),
  keys: z.array(NodeKey).min(1),
  issuedAt: Iso,
});
export type NodeDocumentBody = z.infer<typeof NodeDocumentBody>;

export const NodeDocument = NodeDocumentBody.extend({ kid: z.string(), signature: z.string() });
export type NodeDocument = z.infer<typeof NodeDocument>;

const ms = (iso: string) => Date.parse(iso);

/** True when the key may verify something signed at `atIso`: from ≤ at < until. */
export function keyValidAt(key: Pick<NodeKey, "from" | "until">, atIso: string): boolean {
  return ms(key.from) <= ms(atIso) && (key.until === undefined || ms(atIso) < ms(key.until));
}

/** The key that signs now: the newest (by `from`) that is valid at `atIso`. */
export function currentKey(keys: readonly NodeKey[], atIso: string): NodeKey | undefined {
  return [...keys].filter((k) => keyValidAt(k, atIso)).sort((a, b) => ms(b.from) - ms(a.from))[0];
}

/** What the old key signs when it endorses a new one. */
function rotationStatement(port: string, key: Pick<NodeKey, "kid" | "publicKey" | "from">) {
  return { type: "sisterports.key-rotation/1", port, kid: key.kid, publicKey: key.publicKey, from: key.from };
}

/** A new key entry endorsed by the old key (the signer). */
export function endorseKey(port: string, publicKey: string, fromIso: string, oldKey: Signer): NodeKey {
  const entry = { kid: keyId(publicKey), publicKey, from: fromIso };
  const statement = signWith(rotationStatement(port, entry), oldKey);
  return { ...entry, endorsedBy: { kid: statement.kid, signature: statement.signature } };
}

export function firstKey(publicKey: string, fromIso: string): NodeKey {
  return { kid: keyId(publicKey), publicKey, from: fromIso };
}

/** Signs a node document with the signer (which must be one of its keys, valid at issuedAt). */
export function signNodeDocument(body: Omit<NodeDocumentBody, "type">, signer: Signer): NodeDocument {
  return signWith({ type: "sisterports.node/1" as const, ...body }, signer);
}

export type NodeDocumentRefusal =
  | "malformed"
  | "unknown_key"
  | "signature_invalid"
  | "endorsement_invalid"
  | "fingerprint_mismatch"
  | "untrusted_key"
  | "wrong_port";

export type NodeDocumentCheck =
  | { ok: true; document: NodeDocument; fingerprint: string; trustedKids: string[] }
  | { ok: false; reason: NodeDocumentRefusal; detail: string };

/**
 * Verifies a node document received from a peer:
 * - its shape; the signature by the key `kid`, listed in it and valid at `issuedAt`;
 * - every key after the first (by `from`) endorsed by an earlier listed key valid at its `from`;
 * - trust: with `fingerprint`, the signing key must have it (first introduction, out of band); with
 *   `trusted` (the document held so far), the signing key must be a trusted key or reached from one
 *   through endorsements (a rotation). Without either the document is only self-consistent.
 * Example: a document signed by its only key with fingerprint F verifies with { fingerprint: F }
 * and is refused with "fingerprint_mismatch" for any other F.
 */
export function verifyNodeDocument(
  input: unknown,
  trust: { fingerprint?: string; trusted?: NodeDocument } = {},
): NodeDocumentCheck {
  const parsed = NodeDocument.safeParse(input);
  if (!parsed.success)
    return { ok: false, reason: "malformed", detail: parsed.error.issues[0]?.message ?? "" };
  const doc = parsed.data;
  const signing = doc.keys.find((k) => k.kid === doc.kid);
  if (!signing || !keyValidAt(signing, doc.issuedAt))
    return {
      ok: false,
      reason: "unknown_key",
      detail: `${doc.kid} is not a listed key valid at ${doc.issuedAt}`,
    };
  if (!verifySigned(doc, signing.publicKey))
    return { ok: false, reason: "signature_invalid", detail: `signature of ${doc.kid}` };
  const byFrom = [...doc.keys].sort((a, b) => ms(a.from) - ms(b.from));
  for (const [i, key] of byFrom.entries()) {
    if (key.kid !== keyIdSafe(key.publicKey))
      return { ok: false, reason: "malformed", detail: `${key.kid} is not the id of its public key` };
    if (i === 0) continue;
    const e = key.endorsedBy;
    const endorser = e && byFrom.slice(0, i).find((k) => k.kid === e.kid);
    if (
      !e ||
      !endorser ||
      !keyValidAt(endorser, key.from) ||
      !verifyBytesFor(endorser.publicKey, rotationStatement(doc.port, key), e.kid, e.signature)
    )
      return {
        ok: false,
        reason: "endorsement_invalid",
        detail: `${key.kid} is not endorsed by an earlier key`,
      };
  }
  const fp = fingerprint(signing.publicKey);
  if (trust.trusted && trust.trusted.port !== doc.port)
    return { ok: false, reason: "wrong_port", detail: `${doc.port} is not ${trust.trusted.port}` };
  let trustedKids: string[] = doc.keys.map((k) => k.kid);
  if (trust.fingerprint !== undefined) {
    if (normalizeFp(trust.fingerprint) !== normalizeFp(fp))
      return { ok: false, reason: "fingerprint_mismatch", detail: `the signing key's fingerprint is ${fp}` };
  } else if (trust.trusted) {
    const trusted = new Map(trust.trusted.keys.map((k) => [k.kid, k.publicKey]));
    const reached = new Set<string>();
    for (const key of byFrom)
      if (trusted.get(key.kid) === key.publicKey || (key.endorsedBy && reached.has(key.endorsedBy.kid)))
        reached.add(key.kid);
    if (!reached.has(doc.kid))
      return { ok: false, reason: "untrusted_key", detail: `${doc.kid} is not reached from a trusted key` };
    trustedKids = [...reached];
  }
  return { ok: true, document: doc, fingerprint: fp, trustedKids };
}

function keyIdSafe(publicKey: string): string {
  try {
    return keyId(publicKey);
  } catch {
    return "";
  }
}

function normalizeFp(text: string): string {
  return text.replace(/[\s:]/g, "").toLowerCase();
}

/** Looks up the public key a peer (or this node) used: `kid` listed for `port` and valid at `atIso`. */
export type KeyLookup = (port: string, kid: string, atIso: string) => string | undefined;

/** A lookup over node documents (this node's and the trusted peers'). */
export function keyLookup(documents: readonly Pick<NodeDocument, "port" | "keys">[]): KeyLookup {
  return (port, kid, atIso) => {
    const key = documents.find((d) => d.port === port)?.keys.find((k) => k.kid === kid);
    return key && keyValidAt(key, atIso) ? key.publicKey : undefined;
  };
}

export type { Signed, Signer };
