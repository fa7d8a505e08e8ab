/**
 * `exchange node show|init|rotate|export`, `exchange peer add|list`, `exchange catalog`,
 * `exchange agreement draft|list|show` (issue 15). The CLI composes: it gives these commands an
 * opener for the configured store. No command prints a private key.
 */
import fs from "node:fs";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { terminalLanguage } from "../core/language.ts";
import { formatTable } from "../core/text-table.ts";
import { AgreementTerms, agreementStatus, ODRL_ACTIONS, type OdrlRule } from "./agreement.ts";
import { firstBrokenAuditEntry } from "./audit.ts";
import { CATALOG, catalogDataset } from "./catalog.ts";
import {
  type EngineDeps,
  requestAgreement,
  type StepResult,
  type SyncResult,
  syncAgreement,
  syncAll,
  takeStep,
} from "./engine.ts";
import { currentKey } from "./identity.ts";
import { fingerprint } from "./keys.ts";
import { exchangeMsg as m } from "./messages.ts";
import { addPeer, applyRetention, draftAgreement, initNode, rotateNodeKey } from "./service.ts";
import type { ExchangeStore } from "./store.ts";

export type OpenExchangeStore = () => Promise<{
  exchange: ExchangeStore;
  close(): Promise<void>;
  /** How this node reaches its peers and reads its own rows (steps delivered, sync). */
  engine?: Pick<EngineDeps, "transportFor" | "rowsFor">;
}>;

async function withEngine<T>(open: OpenExchangeStore, f: (deps: EngineDeps) => Promise<T>): Promise<T> {
  const s = await open();
  try {
    if (!s.engine) throw new DomainError("unavailable", "no exchange transport in this build");
    return await f({ ...s.engine, exchange: s.exchange, now: () => new Date() });
  } finally {
    await s.close();
  }
}

/** A sisterports API key as `keys create` prints it: spx_<16 hex>_<43 base64url>. */
function apiKeyOption(key: string): string {
  if (!/^spx_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/.test(key))
    throw new DomainError(
      "validation",
      "the key is not a sisterports API key (spx_<16 hex>_<43 characters>)",
      [{ field: "--key", reason: "format" }],
    );
  return key;
}

function printStep(r: StepResult, type: string, peer: string, json?: boolean) {
  if (json) return printJson(r);
  out(
    r.delivered
      ? m("stepDelivered", { id: r.id, type, state: r.state, peer })
      : m("stepNotDelivered", { id: r.id, type, state: r.state, peer, reason: r.reason ?? "" }),
  );
  if (!r.delivered) process.exitCode = 1;
}

function out(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}
const printJson = (value: unknown) => out(JSON.stringify(value, null, 2));

async function withStore<T>(open: OpenExchangeStore, f: (s: ExchangeStore) => Promise<T>): Promise<T> {
  const s = await open();
  try {
    return await f(s.exchange);
  } finally {
    await s.close();
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DomainError("not_found", `cannot read ${file}: ${code}`, [{ file, reason: code }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError("validation", `${file}: not JSON`, [{ file, reason: (error as Error).message }]);
  }
}

const lang = () => terminalLanguage();
const day = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** A date (2027-01-01, midnight UTC) or an instant with Z → ISO UTC. */
function instant(value: string, field: string): string {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const ms = Date.parse(text);
  if (!/Z$|[+-]\d{2}:\d{2}$/.test(text) || Number.isNaN(ms))
    throw new DomainError(
      "validation",
      `--${field}: a date (2027-01-01) or a UTC instant (2027-01-01T00:00:00Z), not ${value}`,
    );
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

function rules(list: string | undefined, field: string): OdrlRule[] {
  if (!list) return [];
  return list.split(",").map((a) => {
    const action = a.trim();
    if (!(ODRL_ACTIONS as readonly string[]).includes(action))
      throw new DomainError("validation", `--${field}: ${action} is not one of ${ODRL_ACTIONS.join(", ")}`);
    return { action: action as OdrlRule["action"], constraints: [] };
  });
}

/** `--dataset emissions-inventory:category-month:co2eTonnes,noxTonnes` (fields default to all). */
function datasetOption(text: string): AgreementTerms["datasets"][number] {
  const [id = "", level, fields] = text.split(":");
  const entry = catalogDataset(id);
  if (!entry)
    throw new DomainError(
      "validation",
      `--dataset: ${id} is not in the catalog (${CATALOG.map((d) => d.id).join(", ")})`,
    );
  const aggregation = level ?? entry.aggregations[0]?.id ?? "";
  return {
    dataset: id,
    aggregation,
    fields: fields ? fields.split(",").map((f) => f.trim()) : entry.fields.map((f) => f.name),
  };
}

export function registerExchangeCommands(program: Command, open: OpenExchangeStore): Command {
  const exchange = program
    .command("exchange")
    .description("sister-port exchange: node identity, peers, catalog, agreements (issue 15)");

  const node = exchange.command("node").description("this node's identity: keys and node document");
  node
    .command("show", { isDefault: true })
    .description("this node's port, endpoint, keys and fingerprints")
    .option("--json", "the signed node document")
    .action(async (o: { json?: boolean }) => {
      await withStore(open, async (s) => {
        const n = await s.getNode();
        if (!n)
          throw new DomainError("not_found", "this node is not set up: run `sisterports exchange node init`");
        if (o.json) return printJson(n.document);
        const now = new Date().toISOString();
        const current = currentKey(n.keys, now)?.kid;
        out(
          m("nodeHeading", {
            name: n.profile.name[lang()],
            port: n.profile.port,
            endpoint: n.profile.endpoint,
          }),
        );
        for (const k of n.keys) {
          out(
            m("nodeKey", {
              kid: k.kid,
              from: day(k.from),
              until: k.until ? day(k.until) : m("nodeKeyOpen"),
              current: k.kid === current ? m("nodeKeyCurrent") : "",
            }),
          );
          out(m("nodeFingerprint", { fingerprint: fingerprint(k.publicKey) }));
        }
      });
    });
  node
    .command("init")
    .description("create this node's key pair and signed node document (first start)")
    .requiredOption("--port <locode>", "this node's port (UN/LOCODE): USLAX or JPNGO")
    .requiredOption("--name-en <text>", "the port's name in English")
    .requiredOption("--name-ja <text>", "the port's name in Japanese")
    .requiredOption(
      "--endpoint <url>",
      "where the sister node reaches this one, e.g. https://exchange.example/",
    )
    .option("--json", "machine-readable")
    .action(async (o: { port: string; nameEn: string; nameJa: string; endpoint: string; json?: boolean }) => {
      await withStore(open, async (s) => {
        const n = await initNode(
          s,
          { port: o.port.toUpperCase(), name: { en: o.nameEn, ja: o.nameJa }, endpoint: o.endpoint },
          new Date(),
        );
        const key = n.keys[0];
        if (o.json)
          return printJson({ document: n.document, fingerprint: key ? fingerprint(key.publicKey) : null });
        out(m("nodeInitDone", { port: n.profile.port }));
        out(`  ${key ? fingerprint(key.publicKey) : ""}`);
      });
    });
  node
    .command("rotate")
    .description("a new key signed by the old one; the old one verifies for --overlap-days more")
    .option("--overlap-days <n>", "days the old key stays valid for verifying", "30")
    .option("--json", "machine-readable")
    .action(async (o: { overlapDays: string; json?: boolean }) => {
      const days = Number(o.overlapDays);
      if (!Number.isInteger(days) || days < 0 || days > 365)
        throw new DomainError("validation", `--overlap-days: 0 to 365, not ${o.overlapDays}`);
      await withStore(open, async (s) => {
        const n = await rotateNodeKey(s, days, new Date());
        const key = n.keys[n.keys.length - 1];
        const old = n.keys.find((k) => k.kid === key?.endorsedBy?.kid);
        if (o.json)
          return printJson({ document: n.document, fingerprint: key ? fingerprint(key.publicKey) : null });
        out(
          m("nodeRotated", {
            kid: key?.kid ?? "",
            old: old?.kid ?? "",
            until: old?.until ? day(old.until) : "",
          }),
        );
        out(`  ${key ? fingerprint(key.publicKey) : ""}`);
      });
    });
  node
    .command("export")
    .description("write the signed node document (public keys only) for the sister port")
    .option("--out <file>", "file to write (default: standard output)")
    .action(async (o: { out?: string }) => {
      await withStore(open, async (s) => {
        const n = await s.getNode();
        if (!n)
          throw new DomainError("not_found", "this node is not set up: run `sisterports exchange node init`");
        const text = `${JSON.stringify(n.document, null, 2)}\n`;
        if (o.out) {
          fs.writeFileSync(o.out, text);
          process.stderr.write(`${m("nodeExported", { file: o.out })}\n`);
        } else out(text);
      });
    });

  const peer = exchange.command("peer").description("sister nodes this node trusts");
  peer
    .command("add <file>")
    .description("add or update a peer from its node document (a file received out of band)")
    .option(
      "--fingerprint <hex>",
      "the fingerprint the peer gave you out of band (spaces and colons ignored)",
    )
    .option("--key <spx_…>", "the sister_port API key the peer made for this node (stored, never printed)")
    .option("--json", "machine-readable")
    .action(async (file: string, o: { fingerprint?: string; key?: string; json?: boolean }) => {
      const doc = readJson(file);
      const apiKey = o.key !== undefined ? apiKeyOption(o.key) : undefined;
      await withStore(open, async (s) => {
        const r = await addPeer(
          s,
          doc,
          o.fingerprint !== undefined ? { fingerprint: o.fingerprint } : {},
          new Date(),
        );
        if (apiKey !== undefined) await setKey(s, r.port, apiKey);
        if (o.json) return printJson(r);
        const key =
          r.outcome === "added" ? "peerAdded" : r.outcome === "updated" ? "peerUpdated" : "peerUnchanged";
        out(m(key, { port: r.port, fingerprint: r.fingerprint }));
        if (apiKey !== undefined) out(m("peerKeySet", { port: r.port }));
        if (!r.fingerprintChecked) process.stderr.write(`${m("peerCheck", { port: r.port })}\n`);
      });
    });
  peer
    .command("key <port> <key>")
    .description("store the sister_port API key the peer made for this node (presented on every request)")
    .action(async (port: string, key: string) => {
      const k = apiKeyOption(key);
      await withStore(open, async (s) => {
        await setKey(s, port.toUpperCase(), k);
        out(m("peerKeySet", { port: port.toUpperCase() }));
      });
    });
  peer
    .command("list")
    .description("known peers with their trusted fingerprint")
    .option("--json", "machine-readable")
    .action(async (o: { json?: boolean }) => {
      await withStore(open, async (s) => {
        const peers = await s.listPeers();
        if (o.json) return printJson(peers);
        if (peers.length === 0) return out(m("noPeers"));
        out(
          formatTable(
            [m("colPort"), m("colName"), m("colEndpoint"), m("colFingerprint"), m("colUpdated")],
            peers.map((p) => [
              p.port,
              p.document.name[lang()],
              p.document.endpoint,
              p.fingerprint,
              day(p.updatedAt),
            ]),
          ),
        );
      });
    });

  exchange
    .command("catalog")
    .description("the datasets a node can offer (DCAT-style): aggregation levels, fields with units, updates")
    .option("--json", "machine-readable")
    .action((o: { json?: boolean }) => {
      if (o.json) return printJson(CATALOG);
      out(
        formatTable(
          [
            m("colDataset"),
            m("colTitle"),
            m("colLevels"),
            m("colFields"),
            m("colFrequency"),
            m("colContributor"),
          ],
          CATALOG.map((d) => [
            d.id,
            d.title[lang()],
            d.aggregations.map((a) => a.id).join(", "),
            d.fields.map((f) => `${f.name} (${f.unit})`).join(", "),
            m(`freq_${d.updateFrequency}`),
            m(`contributor_${d.contributor}`),
          ]),
        ),
      );
    });

  const agreement = exchange
    .command("agreement")
    .description("agreements with sister nodes and their negotiation");
  agreement
    .command("draft")
    .description(
      "draft an agreement: this node's first signed message (a request as consumer, an offer as provider)",
    )
    .option("--terms <file>", "the terms as JSON (AgreementTerms); the options below build them instead")
    .option("--peer <locode>", "the sister port")
    .option("--role <role>", "this node's role: provider (sends data) or consumer (receives)", "provider")
    .option("--dataset <spec...>", "dataset[:aggregation[:field,field]], repeatable")
    .option("--min-cell-size <k>", "no cell from fewer than k vessels or companies", "3")
    .option("--purpose-en <text>", "purpose in English")
    .option("--purpose-ja <text>", "purpose in Japanese")
    .option("--permit <actions>", "ODRL actions permitted, comma-separated", "use,display,aggregate")
    .option("--prohibit <actions>", "ODRL actions prohibited, comma-separated", "distribute,commercialize")
    .option("--retention-days <n>", "days the receiver may keep the data", "365")
    .option("--attribution-en <text>", "attribution in English")
    .option("--attribution-ja <text>", "attribution in Japanese")
    .option("--from <date>", "valid from (UTC date or instant)")
    .option("--until <date>", "valid until (UTC date or instant)")
    .option("--json", "machine-readable")
    .action(async (o: DraftOptions) => {
      await withStore(open, async (s) => {
        const node = await s.getNode();
        if (!node)
          throw new DomainError("not_found", "this node is not set up: run `sisterports exchange node init`");
        const terms = o.terms ? readJson(o.terms) : termsFromOptions(o, node.profile.port);
        const r = await draftAgreement(s, terms, new Date());
        if (o.json) return printJson(r);
        out(
          m("drafted", {
            id: r.state.id,
            type: r.message.type,
            version: r.state.terms.version,
            peer: r.message.to,
            state: r.state.state,
          }),
        );
      });
    });
  agreement
    .command("list")
    .description("agreements and their state")
    .option("--json", "machine-readable")
    .action(async (o: { json?: boolean }) => {
      await withStore(open, async (s) => {
        const list = await s.listNegotiations();
        if (o.json) return printJson(list);
        if (list.length === 0) return out(m("noAgreements"));
        const now = new Date().toISOString();
        out(
          formatTable(
            [
              m("colId"),
              m("colProvider"),
              m("colConsumer"),
              m("colState"),
              m("colStatus"),
              m("colVersion"),
              m("colValidity"),
            ],
            list.map((a) => [
              a.id,
              a.provider,
              a.consumer,
              a.state,
              m(`status_${agreementStatus(a, now)}`),
              a.terms.version,
              `${day(a.terms.validFrom)} → ${day(a.terms.validUntil)}`,
            ]),
          ),
        );
      });
    });
  agreement
    .command("show <id>")
    .description("an agreement's terms and its signed message log")
    .option("--json", "machine-readable")
    .action(async (id: string, o: { json?: boolean }) => {
      await withStore(open, async (s) => {
        const a = await s.getNegotiation(id);
        if (!a) throw new DomainError("not_found", `no agreement ${id}`);
        const log = await s.negotiationLog(id);
        if (o.json) return printJson({ agreement: a, log });
        const t = a.terms;
        const l = lang();
        out(
          m("agreementHeading", {
            id,
            provider: a.provider,
            consumer: a.consumer,
            state: a.state,
            status: m(`status_${agreementStatus(a, new Date().toISOString())}`),
            version: t.version,
          }),
        );
        for (const d of t.datasets)
          out(
            m("agreementDataset", {
              dataset: d.dataset,
              aggregation: d.aggregation,
              fields: d.fields.join(", "),
            }),
          );
        const contributor = t.datasets.map((d) => catalogDataset(d.dataset)?.contributor ?? "company");
        out(
          m("agreementK", {
            k: t.minCellSize,
            contributor: [...new Set(contributor)].map((c) => m(`contributor_${c}`)).join(", "),
          }),
        );
        out(m("agreementPurpose", { purpose: t.purpose[l] }));
        out(m("agreementPermit", { actions: t.permissions.map((r) => r.action).join(", ") }));
        out(m("agreementProhibit", { actions: t.prohibitions.map((r) => r.action).join(", ") }));
        out(m("agreementRetention", { days: t.retentionDays }));
        out(m("agreementAttribution", { text: t.attribution[l] }));
        out(m("agreementValidity", { from: day(t.validFrom), until: day(t.validUntil) }));
        if (a.agreementHash) out(m("agreementHash", { hash: a.agreementHash }));
        out(m("agreementLog"));
        out(
          formatTable(
            [m("colSeq"), m("colType"), m("colFrom"), m("colSentAt"), m("colVersion")],
            log.map((x) => [x.seq, x.type, x.from, day(x.sentAt), x.terms?.version ?? ""]),
          ),
        );
      });
    });
  agreement
    .command("request")
    .description("request an agreement as consumer: signed, stored and sent to the provider node")
    .option("--terms <file>", "the terms as JSON (AgreementTerms); the options of `draft` build them instead")
    .option("--peer <locode>", "the providing sister port")
    .option("--dataset <spec...>", "dataset[:aggregation[:field,field]], repeatable")
    .option("--min-cell-size <k>", "no cell from fewer than k vessels or companies", "3")
    .option("--purpose-en <text>", "purpose in English")
    .option("--purpose-ja <text>", "purpose in Japanese")
    .option("--permit <actions>", "ODRL actions permitted, comma-separated", "use,display,aggregate")
    .option("--prohibit <actions>", "ODRL actions prohibited, comma-separated", "distribute,commercialize")
    .option("--retention-days <n>", "days the receiver may keep the data", "365")
    .option("--attribution-en <text>", "attribution in English")
    .option("--attribution-ja <text>", "attribution in Japanese")
    .option("--from <date>", "valid from (UTC date or instant)")
    .option("--until <date>", "valid until (UTC date or instant)")
    .option("--json", "machine-readable")
    .action(async (o: DraftOptions) => {
      await withEngine(open, async (deps) => {
        const node = await deps.exchange.getNode();
        if (!node)
          throw new DomainError("not_found", "this node is not set up: run `sisterports exchange node init`");
        const terms = o.terms
          ? readJson(o.terms)
          : termsFromOptions({ ...o, role: "consumer" }, node.profile.port);
        const r = await requestAgreement(deps, terms);
        const provider = (terms as { provider?: string }).provider ?? "";
        printStep(r, "request", provider, o.json);
      });
    });
  for (const type of ["offer", "accept", "agree", "verify", "finalize", "terminate"] as const) {
    const c = agreement
      .command(`${type} <id>`)
      .description(
        {
          offer: "offer (or counter-offer) terms as provider; --terms gives new terms (a new version)",
          accept: "accept the provider's offer (consumer)",
          agree: "agree: the provider signs the agreement",
          verify: "verify: the consumer signs the agreement",
          finalize: "finalize: data may flow from now on (provider)",
          terminate: "terminate (revoke) the agreement: nothing flows from now on (either party)",
        }[type],
      )
      .option("--json", "machine-readable");
    if (type === "offer") c.option("--terms <file>", "the terms offered (AgreementTerms JSON)");
    if (type === "terminate") c.option("--reason <text>", "why (sent to the sister port)");
    c.action(async (id: string, o: { terms?: string; reason?: string; json?: boolean }) => {
      await withEngine(open, async (deps) => {
        const a = await deps.exchange.getNegotiation(id);
        if (!a) throw new DomainError("not_found", `no agreement ${id}`);
        const self = (await deps.exchange.getNode())?.profile.port;
        let terms: AgreementTerms | undefined;
        if (o.terms) {
          const parsed = AgreementTerms.safeParse(readJson(o.terms));
          if (!parsed.success)
            throw new DomainError(
              "validation",
              `${o.terms}: not agreement terms`,
              parsed.error.issues.map((i) => ({ file: o.terms, field: i.path.join("."), reason: i.message })),
            );
          terms = parsed.data;
        }
        const r = await takeStep(deps, id, {
          type,
          ...(terms ? { terms } : {}),
          ...(o.reason !== undefined ? { reason: o.reason } : {}),
        });
        printStep(r, type, a.provider === self ? a.consumer : a.provider, o.json);
      });
    });
  }
  exchange
    .command("sync")
    .description("sync agreements now: a consumer pulls what is new, a provider publishes what changed")
    .option("--agreement <id>", "only this agreement")
    .option("--json", "machine-readable")
    .action(async (o: { agreement?: string; json?: boolean }) => {
      await withEngine(open, async (deps) => {
        const results = o.agreement ? [await syncAgreement(deps, o.agreement)] : await syncAll(deps);
        if (o.json) return printJson(results);
        if (results.length === 0) return out(m("syncNothing"));
        const list = (xs: readonly number[]) => (xs.length === 0 ? m("none") : xs.join(", "));
        for (const r of results) {
          if ("error" in r) {
            out(m("syncError", { id: r.agreementId, reason: r.error }));
            process.exitCode = 1;
            continue;
          }
          const s: SyncResult = r;
          out(
            m("syncLine", {
              id: s.agreementId,
              role: m(`role_${s.role}`),
              status: m(`status_${s.status}`),
              sent: list(s.sent),
              accepted: list(s.accepted),
              duplicates: list(s.duplicates),
              refused:
                s.refused.length === 0
                  ? m("none")
                  : s.refused.map((x) => `${x.seq} (${x.reason})`).join(", "),
            }),
          );
        }
      });
    });
  exchange
    .command("retention")
    .description("delete received data past each agreement's retention period; the audit log records what")
    .option("--json", "machine-readable")
    .action(async (o: { json?: boolean }) => {
      await withStore(open, async (s) => {
        const done = await applyRetention(s, new Date());
        if (o.json) return printJson(done);
        if (done.length === 0) return out(m("retentionNothing"));
        for (const d of done)
          out(m("retentionDone", { id: d.agreementId, n: d.purged.length, seqs: d.purged.join(", ") }));
      });
    });
  exchange
    .command("audit")
    .description("the exchange audit log (hash-chained): what this node did and refused, and why")
    .option("--agreement <id>", "one agreement's entries")
    .option("--limit <n>", "the newest n entries", "50")
    .option("--json", "machine-readable")
    .action(async (o: { agreement?: string; limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new DomainError("validation", `--limit: a whole number ≥ 1, not ${o.limit}`);
      await withStore(open, async (s) => {
        // The chain is checked over the whole log, whatever is shown.
        const broken = firstBrokenAuditEntry(await s.listAudit());
        const entries = await s.listAudit({ ...(o.agreement ? { agreementId: o.agreement } : {}), limit });
        if (o.json) return printJson({ intact: broken === undefined, firstBroken: broken ?? null, entries });
        if (entries.length === 0) out(m("noAudit"));
        else
          out(
            formatTable(
              [
                m("colSeq"),
                m("colAt"),
                m("colAction"),
                m("colPeer"),
                m("colOutcome"),
                m("colReason"),
                m("colId"),
              ],
              entries.map((e) => [
                e.seq,
                day(e.at),
                e.action,
                e.peer ?? "",
                e.outcome,
                e.reason ?? "",
                e.agreementId ?? "",
              ]),
            ),
          );
        out(broken === undefined ? m("auditIntact") : m("auditBroken", { seq: broken }));
      });
    });
  return exchange;
}

/** Stores the API key this node presents to a peer, and audits that it was set (not the key). */
async function setKey(s: ExchangeStore, port: string, key: string) {
  await s.setPeerKey(port, key, new Date().toISOString());
  await s.appendAudit({
    at: new Date().toISOString(),
    action: "peer.key",
    peer: port,
    outcome: "ok",
    detail: { keyId: key.slice(4, 20) },
  });
}

interface DraftOptions {
  terms?: string;
  peer?: string;
  role: string;
  dataset?: string[];
  minCellSize: string;
  purposeEn?: string;
  purposeJa?: string;
  permit: string;
  prohibit: string;
  retentionDays: string;
  attributionEn?: string;
  attributionJa?: string;
  from?: string;
  until?: string;
  json?: boolean;
}

function termsFromOptions(o: DraftOptions, self: string): AgreementTerms {
  const missing = (
    [
      ["peer", o.peer],
      ["dataset", o.dataset?.[0]],
      ["purpose-en", o.purposeEn],
      ["purpose-ja", o.purposeJa],
      ["attribution-en", o.attributionEn],
      ["attribution-ja", o.attributionJa],
      ["from", o.from],
      ["until", o.until],
    ] as const
  ).filter(([, v]) => v === undefined);
  if (missing.length > 0)
    throw new DomainError(
      "validation",
      `missing ${missing.map(([k]) => `--${k}`).join(", ")} (or give --terms FILE)`,
      missing.map(([k]) => ({ field: `--${k}`, reason: "required" })),
    );
  if (o.role !== "provider" && o.role !== "consumer")
    throw new DomainError("validation", `--role: provider or consumer, not ${o.role}`);
  const peer = (o.peer ?? "").toUpperCase();
  const k = Number(o.minCellSize);
  const retention = Number(o.retentionDays);
  if (!Number.isInteger(k) || k < 1)
    throw new DomainError("validation", `--min-cell-size: a whole number ≥ 1, not ${o.minCellSize}`);
  if (!Number.isInteger(retention) || retention < 1)
    throw new DomainError("validation", `--retention-days: a whole number ≥ 1, not ${o.retentionDays}`);
  return {
    version: 1,
    provider: o.role === "provider" ? self : peer,
    consumer: o.role === "provider" ? peer : self,
    datasets: (o.dataset ?? []).map(datasetOption),
    minCellSize: k,
    purpose: { en: o.purposeEn ?? "", ja: o.purposeJa ?? "" },
    permissions: rules(o.permit, "permit"),
    prohibitions: rules(o.prohibit, "prohibit"),
    retentionDays: retention,
    attribution: { en: o.attributionEn ?? "", ja: o.attributionJa ?? "" },
    validFrom: instant(o.from ?? "", "from"),
    validUntil: instant(o.until ?? "", "until"),
  };
}
