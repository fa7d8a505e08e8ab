// The sister-port agreements (issue 15): the list (parties, state, status now, datasets, k, validity,
// retention, packages each way, last sync), one agreement in full (terms, the signed negotiation log
// as a timeline, packages, receipts, audit) and, for administrators only, the actions: request an
// agreement from the catalog, the negotiation steps the state allows this node, terminate with a
// confirmation, sync now. Times are shown in this node's port zone.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OdrlRule } from "../../../src/exchange/agreement.ts";
import { api, sessionApi } from "../api.ts";
import { Status } from "../components/Status.tsx";
import {
  type AgreementDetail,
  type AgreementSummary,
  type AgreementTerms,
  type CatalogDataset,
  exchangeApi,
  type MessageType,
} from "../exchange/api.ts";
import { formatDateTime, formatNumber, localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { Link } from "../router.tsx";
import type { PageProps } from "../routes.ts";
import "../exchange/exchange.css";

// ODRL actions (agreement.ts's ODRL_ACTIONS): a record so that tsc fails when the server adds one.
// Not imported: agreement.ts pulls node:crypto into the bundle.
const ODRL_SET: Record<OdrlRule["action"], true> = {
  use: true,
  display: true,
  print: true,
  aggregate: true,
  derive: true,
  reproduce: true,
  distribute: true,
  commercialize: true,
  archive: true,
};
const ODRL_ACTIONS = Object.keys(ODRL_SET) as OdrlRule["action"][];

/** The zone of this node's port (times on the page), UTC until the registry answers. */
function useZone(port: string | undefined): string {
  const ports = useAsync(api.ports, "ports");
  return (
    (ports.status === "ready" ? ports.data.find((p) => p.locode === port)?.timeZone : undefined) ?? "UTC"
  );
}

function useIsAdmin(): boolean {
  const session = useAsync(() => sessionApi.current(), "session");
  return session.status === "ready" && session.data.principal?.role === "admin";
}

const when = (iso: string | null, zone: string, lang: Language) =>
  iso ? formatDateTime(new Date(iso), zone, lang) : "—";
const shortHash = (h: string) => `${h.slice(0, 10)}…`;

function Party({ p, lang }: { p: AgreementSummary["provider"]; lang: Language }) {
  return (
    <span className="ex-party" data-port={p.port}>
      {p.name ? localName(p.name, lang) : p.port} <span className="locode">{p.port}</span>
    </span>
  );
}

function StatusBadge({ a }: { a: Pick<AgreementSummary, "state" | "status"> }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ex-status ex-status-${a.status}`} data-status={a.status} data-state={a.state}>
      {t(`exchange.status.${a.status}`)} · {t(`exchange.state.${a.state}`)}
    </span>
  );
}

export function ExchangeAgreementsPage(_: PageProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const admin = useIsAdmin();
  const [version, setVersion] = useState(0);
  const [drafting, setDrafting] = useState(false);
  const list = useAsync(() => exchangeApi.agreements(), `agreements-${version}`);
  const zone = useZone(list.status === "ready" ? list.data.node?.port : undefined);
  return (
    <div className="exchange-page">
      <header className="page-header">
        <div>
          <h1>{t("exchange.agreements.title")}</h1>
          <p className="muted">{t("exchange.agreements.lead")}</p>
          <p className="small">
            <Link to="/exchange/compare">{t("exchange.agreements.toCompare")} →</Link>
          </p>
        </div>
      </header>
      <Status state={list} />
      {list.status === "ready" ? (
        <>
          {list.data.node ? (
            <p className="ex-node small">
              {t("exchange.agreements.thisNode")}: <Party p={list.data.node} lang={lang} />
            </p>
          ) : (
            <p className="muted ex-no-node">{t("exchange.agreements.noNode")}</p>
          )}
          {admin && list.data.node ? (
            drafting ? (
              <DraftForm
                self={list.data.node.port}
                onDone={() => {
                  setDrafting(false);
                  setVersion((v) => v + 1);
                }}
              />
            ) : (
              <button type="button" className="ex-action ex-open-draft" onClick={() => setDrafting(true)}>
                {t("exchange.draft.open")}
              </button>
            )
          ) : null}
          {list.data.agreements.length === 0 ? (
            <p className="muted ex-none">{t("exchange.agreements.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table ex-agreements">
                <thead>
                  <tr>
                    <th>{t("exchange.agreements.provider")}</th>
                    <th>{t("exchange.agreements.consumer")}</th>
                    <th>{t("exchange.agreements.status")}</th>
                    <th>{t("exchange.agreements.datasets")}</th>
                    <th className="num">k</th>
                    <th>{t("exchange.agreements.validity")}</th>
                    <th className="num">{t("exchange.agreements.retention")}</th>
                    <th className="num">{t("exchange.agreements.sent")}</th>
                    <th className="num">{t("exchange.agreements.received")}</th>
                    <th>{t("exchange.agreements.lastPackage")}</th>
                    <th>{t("exchange.agreements.lastSync")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.agreements.map((a) => (
                    <tr key={a.id} data-agreement={a.id} data-role={a.role}>
                      <td>
                        <Link to={`/exchange/agreements/${a.id}`}>
                          <Party p={a.provider} lang={lang} />
                        </Link>
                      </td>
                      <td>
                        <Party p={a.consumer} lang={lang} />
                      </td>
                      <td>
                        <StatusBadge a={a} />
                      </td>
                      <td>
                        {a.datasets.map((d) => (
                          <div key={d.dataset} data-dataset={d.dataset}>
                            {d.title ? localName(d.title, lang) : d.dataset}{" "}
                            <span className="muted small">({d.aggregation})</span>
                          </div>
                        ))}
                      </td>
                      <td className="num">{a.minCellSize}</td>
                      <td className="nowrap small">
                        {when(a.validFrom, zone, lang)} –<br />
                        {when(a.validUntil, zone, lang)}
                      </td>
                      <td className="num">{t("exchange.days", { count: a.retentionDays })}</td>
                      <td className="num" data-count="sent">
                        {a.packages.sent}
                      </td>
                      <td className="num" data-count="received">
                        {a.packages.received}
                      </td>
                      <td className="nowrap small">{when(a.packages.lastAt, zone, lang)}</td>
                      <td className="nowrap small">{when(a.lastSyncAt, zone, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}

export function ExchangeAgreementPage({ params }: PageProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const admin = useIsAdmin();
  const id = params["id"] ?? "";
  const [version, setVersion] = useState(0);
  const detail = useAsync(() => exchangeApi.agreement(id), `agreement-${id}-${version}`);
  const selfPort =
    detail.status === "ready"
      ? detail.data.role === "provider"
        ? detail.data.provider.port
        : detail.data.consumer.port
      : undefined;
  const zone = useZone(selfPort);
  return (
    <div className="exchange-page">
      <p className="small">
        <Link to="/exchange/agreements">← {t("exchange.agreements.title")}</Link>
      </p>
      <Status state={detail} />
      {detail.status === "ready" ? (
        <AgreementView
          a={detail.data}
          zone={zone}
          lang={lang}
          admin={admin}
          onChange={() => setVersion((v) => v + 1)}
        />
      ) : null}
    </div>
  );
}

function AgreementView({
  a,
  zone,
  lang,
  admin,
  onChange,
}: {
  a: AgreementDetail;
  zone: string;
  lang: Language;
  admin: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const terms = a.terms;
  const rules = (list: AgreementTerms["permissions"]) =>
    list.length === 0
      ? "—"
      : list
          .map(
            (r) =>
              t(`exchange.odrl.${r.action}`) +
              (r.constraints.length > 0 ? ` (${t("exchange.constrained")})` : ""),
          )
          .join(", ");
  return (
    <article className="ex-agreement" data-agreement={a.id}>
      <header className="page-header">
        <div>
          <h1>
            <Party p={a.provider} lang={lang} /> → <Party p={a.consumer} lang={lang} />
          </h1>
          <p>
            <StatusBadge a={a} />{" "}
            <span className="muted small">
              {t(`exchange.role.${a.role}`)} · v{a.version} · <code>{a.id}</code>
            </span>
          </p>
        </div>
      </header>
      {admin ? <Actions a={a} onChange={onChange} /> : null}

      <section className="panel ex-terms">
        <h2>{t("exchange.terms.title")}</h2>
        <dl className="facts">
          <dt>{t("exchange.terms.purpose")}</dt>
          <dd data-term="purpose">{localName(terms.purpose, lang)}</dd>
          <dt>{t("exchange.terms.datasets")}</dt>
          <dd>
            {a.datasets.map((d) => (
              <div key={d.dataset} data-dataset={d.dataset}>
                {d.title ? localName(d.title, lang) : d.dataset} — {d.aggregation}:{" "}
                {d.fields.map((f) => `${f.name} (${f.unit})`).join(", ")}
              </div>
            ))}
          </dd>
          <dt>{t("exchange.terms.k")}</dt>
          <dd data-term="k">{terms.minCellSize}</dd>
          <dt>{t("exchange.terms.permitted")}</dt>
          <dd data-term="permitted">{rules(terms.permissions)}</dd>
          <dt>{t("exchange.terms.prohibited")}</dt>
          <dd data-term="prohibited">{rules(terms.prohibitions)}</dd>
          <dt>{t("exchange.terms.retention")}</dt>
          <dd>{t("exchange.days", { count: terms.retentionDays })}</dd>
          <dt>{t("exchange.terms.validity")}</dt>
          <dd>
            {when(terms.validFrom, zone, lang)} – {when(terms.validUntil, zone, lang)}
          </dd>
          <dt>{t("exchange.terms.attribution")}</dt>
          <dd data-term="attribution">
            <span lang="en">{terms.attribution.en}</span> / <span lang="ja">{terms.attribution.ja}</span>
          </dd>
          {a.agreementHash ? (
            <>
              <dt>{t("exchange.terms.hash")}</dt>
              <dd>
                <code>{a.agreementHash}</code>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="panel ex-log">
        <h2>{t("exchange.log.title")}</h2>
        <ol className="ex-timeline">
          {a.log.map((m) => (
            <li key={m.seq} data-seq={m.seq} data-type={m.type}>
              <strong>{t(`exchange.step.${m.type}`)}</strong>{" "}
              <span className="muted">
                {m.from} → {m.to}
                {m.termsVersion !== null ? ` · v${m.termsVersion}` : ""}
                {m.reason ? ` · ${m.reason}` : ""}
              </span>
              <div className="small">
                {when(m.at, zone, lang)} · #{m.seq} · <code title={m.hash}>{shortHash(m.hash)}</code>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section className="panel ex-packages">
        <h2>{t("exchange.packages.title")}</h2>
        {a.packages.length === 0 ? (
          <p className="muted">{t("exchange.packages.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t("exchange.packages.direction")}</th>
                  <th className="num">#</th>
                  <th>{t("exchange.packages.dataset")}</th>
                  <th className="num">{t("exchange.packages.cells")}</th>
                  <th className="num">{t("exchange.packages.suppressed")}</th>
                  <th>{t("exchange.packages.supersedes")}</th>
                  <th>{t("exchange.packages.issued")}</th>
                  <th>{t("exchange.packages.stored")}</th>
                  <th>{t("exchange.packages.purged")}</th>
                  <th>{t("exchange.packages.hash")}</th>
                </tr>
              </thead>
              <tbody>
                {a.packages.map((p) => (
                  <tr
                    key={`${p.direction}-${p.seq}`}
                    data-direction={p.direction}
                    data-seq={p.seq}
                    data-current={p.current}
                    className={p.current ? "" : "ex-superseded"}
                  >
                    <td>{t(`exchange.packages.${p.direction}`)}</td>
                    <td className="num">{p.seq}</td>
                    <td>
                      {p.dataset} <span className="muted small">({p.aggregation})</span>
                    </td>
                    <td className="num">{p.cells}</td>
                    <td className="num">{p.suppressedCells}</td>
                    <td>
                      {p.supersedes !== null ? `#${p.supersedes}` : ""}
                      {p.current ? "" : ` ${t("exchange.packages.superseded")}`}
                    </td>
                    <td className="nowrap small">{when(p.issuedAt, zone, lang)}</td>
                    <td className="nowrap small">{when(p.storedAt, zone, lang)}</td>
                    <td className="nowrap small">{when(p.purgedAt, zone, lang)}</td>
                    <td>
                      <code title={p.hash}>{shortHash(p.hash)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {a.receipts.length > 0 ? (
          <>
            <h3>{t("exchange.receipts.title")}</h3>
            <ul className="ex-receipts small">
              {a.receipts.map((r) => (
                <li key={`${r.direction}-${r.packageSeq}-${r.receivedAt}`} data-seq={r.packageSeq}>
                  #{r.packageSeq} · {t(`exchange.receipts.${r.outcome}`)}
                  {r.reason ? ` (${r.reason})` : ""} · {r.from} · {when(r.receivedAt, zone, lang)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="panel ex-audit">
        <h2>{t("exchange.audit.title")}</h2>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>{t("exchange.audit.at")}</th>
                <th>{t("exchange.audit.action")}</th>
                <th>{t("exchange.audit.outcome")}</th>
                <th>{t("exchange.audit.peer")}</th>
              </tr>
            </thead>
            <tbody>
              {a.audit.map((e) => (
                <tr key={e.seq} data-seq={e.seq} data-action={e.action} data-outcome={e.outcome}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap small">{when(e.at, zone, lang)}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {t(`exchange.audit.${e.outcome}`)}
                    {e.reason ? ` (${e.reason})` : ""}
                  </td>
                  <td>{e.peer ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}

/** Step buttons the state allows this node (never `request`: that is the draft), terminate with a confirmation, sync. */
function Actions({ a, onChange }: { a: AgreementDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const run = (f: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    f()
      .then(setMessage, (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
        onChange();
      });
  };
  const [countering, setCountering] = useState(false);
  // A counter-offer needs new terms: its own form below, not a one-click step.
  const steps = a.allowedSteps.filter(
    (s): s is Exclude<MessageType, "request" | "offer" | "terminate"> =>
      s !== "request" && s !== "offer" && s !== "terminate",
  );
  const stepped = (r: { state: string; delivered: boolean; reason?: string }) =>
    t("exchange.actions.stepDone", { state: t(`exchange.state.${r.state}`) }) +
    (r.delivered ? "" : ` ${t("exchange.actions.notDelivered", { reason: r.reason ?? "" })}`);
  return (
    <fieldset className="ex-actions" aria-label={t("exchange.actions.label")}>
      {steps.map((s) => (
        <button
          key={s}
          type="button"
          className="ex-action"
          data-step={s}
          disabled={busy}
          onClick={() => run(async () => stepped(await exchangeApi.step(a.id, s)))}
        >
          {t(`exchange.step.${s}`)}
        </button>
      ))}
      {a.allowedSteps.includes("offer") && !countering ? (
        <button type="button" className="ex-action" data-step="offer" onClick={() => setCountering(true)}>
          {t("exchange.counter.open")}
        </button>
      ) : null}
      {a.status === "active" ? (
        <button
          type="button"
          className="ex-action"
          data-action="sync"
          disabled={busy}
          onClick={() =>
            run(async () => {
              const r = await exchangeApi.sync(a.id);
              return t("exchange.actions.synced", {
                sent: r.sent.length,
                accepted: r.accepted.length,
                duplicates: r.duplicates.length,
                refused: r.refused.length,
              });
            })
          }
        >
          {t("exchange.actions.sync")}
        </button>
      ) : null}
      {a.allowedSteps.includes("terminate") ? (
        confirming ? (
          <span className="ex-confirm">
            {t("exchange.actions.confirmText")}{" "}
            <button
              type="button"
              className="ex-action ex-danger"
              data-step="terminate-confirm"
              disabled={busy}
              onClick={() =>
                run(async () =>
                  stepped(await exchangeApi.step(a.id, "terminate", "revoked by the administrator")),
                )
              }
            >
              {t("exchange.actions.confirm")}
            </button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>
              {t("exchange.actions.cancel")}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="ex-action ex-danger"
            data-step="terminate"
            onClick={() => setConfirming(true)}
          >
            {t("exchange.step.terminate")}
          </button>
        )
      ) : null}
      {countering ? (
        <CounterOfferForm
          terms={a.terms}
          busy={busy}
          onCancel={() => setCountering(false)}
          onSubmit={(terms) =>
            run(async () => stepped(await exchangeApi.step(a.id, "offer", undefined, terms)))
          }
        />
      ) : null}
      {message ? (
        <p className="ex-message small" role="status">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The datasets chosen in a form of DatasetsFieldset: checked ones, their level and fields. */
function chosenDatasets(f: FormData, catalog: readonly CatalogDataset[]): AgreementTerms["datasets"] {
  return catalog
    .filter((d) => f.get(`ds-${d.id}`) === "on")
    .map((d) => ({
      dataset: d.id,
      aggregation: String(f.get(`agg-${d.id}`) ?? ""),
      fields: d.fields.filter((x) => f.get(`field-${d.id}-${x.name}`) === "on").map((x) => x.name),
    }));
}

/** The catalog's datasets to tick, each with its level and fields; `initial` pre-selects terms' own. */
function DatasetsFieldset({
  catalog,
  initial,
}: {
  catalog: readonly CatalogDataset[];
  initial?: AgreementTerms["datasets"];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <fieldset>
      <legend>{t("exchange.draft.datasets")}</legend>
      {catalog.map((d) => {
        const agreed = initial?.find((x) => x.dataset === d.id);
        return (
          <div key={d.id} className="ex-draft-dataset" data-dataset={d.id}>
            <label>
              <input type="checkbox" name={`ds-${d.id}`} defaultChecked={agreed !== undefined} />{" "}
              {localName(d.title, lang)}
            </label>{" "}
            <select
              name={`agg-${d.id}`}
              aria-label={t("exchange.draft.aggregation")}
              defaultValue={agreed?.aggregation}
            >
              {d.aggregations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.id}
                </option>
              ))}
            </select>{" "}
            {d.fields.map((x) => (
              <label key={x.name} className="small">
                <input
                  type="checkbox"
                  name={`field-${d.id}-${x.name}`}
                  defaultChecked={agreed === undefined || agreed.fields.includes(x.name)}
                />{" "}
                {localName(x.title, lang)} ({x.unit})
              </label>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * A counter-offer (this node the provider, the peer's request in hand): the requested terms with k,
 * retention, datasets and validity changed, sent as an OFFERED step with the next version.
 */
function CounterOfferForm({
  terms,
  busy,
  onSubmit,
  onCancel,
}: {
  terms: AgreementTerms;
  busy: boolean;
  onSubmit: (terms: AgreementTerms) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const catalog = useAsync(() => exchangeApi.catalog(), "catalog");
  if (catalog.status !== "ready") return <Status state={catalog} />;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "").trim();
    onSubmit({
      ...terms,
      version: terms.version + 1,
      datasets: chosenDatasets(f, catalog.data),
      minCellSize: Number(s("k")),
      retentionDays: Number(s("retention")),
      validFrom: `${s("validFrom")}T00:00:00Z`,
      validUntil: `${s("validUntil")}T00:00:00Z`,
    });
  };
  return (
    <form className="panel ex-counter" onSubmit={submit} aria-label={t("exchange.counter.title")}>
      <h2>{t("exchange.counter.title")}</h2>
      <p className="muted small">{t("exchange.counter.lead", { version: terms.version + 1 })}</p>
      <DatasetsFieldset catalog={catalog.data} initial={terms.datasets} />
      <label>
        <span>{t("exchange.terms.k")}</span>
        <input name="k" type="number" min={1} defaultValue={terms.minCellSize} required />
      </label>
      <label>
        <span>{t("exchange.draft.retentionDays")}</span>
        <input name="retention" type="number" min={1} defaultValue={terms.retentionDays} required />
      </label>
      <label>
        <span>{t("exchange.draft.validFrom")}</span>
        <input name="validFrom" type="date" defaultValue={terms.validFrom.slice(0, 10)} required />
      </label>
      <label>
        <span>{t("exchange.draft.validUntil")}</span>
        <input name="validUntil" type="date" defaultValue={terms.validUntil.slice(0, 10)} required />
      </label>
      <button type="submit" className="ex-action" data-action="send-offer" disabled={busy}>
        {t("exchange.counter.submit")}
      </button>{" "}
      <button type="button" onClick={onCancel}>
        {t("exchange.actions.cancel")}
      </button>
    </form>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => `${Number(today().slice(0, 4)) + 1}${today().slice(4)}`;

/** Request an agreement (this node the consumer): datasets from the catalog and the terms. */
function DraftForm({ self, onDone }: { self: string; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const catalog = useAsync(() => exchangeApi.catalog(), "catalog");
  const ports = useAsync(api.ports, "ports");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>, datasets: readonly CatalogDataset[]) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "").trim();
    const chosen = chosenDatasets(f, datasets);
    const rule = (prefix: string) =>
      ODRL_ACTIONS.filter((a) => f.get(`${prefix}-${a}`) === "on").map((action) => ({
        action,
        constraints: [],
      }));
    const terms: AgreementTerms = {
      version: 1,
      provider: s("provider"),
      consumer: self,
      datasets: chosen,
      minCellSize: Number(s("k")),
      purpose: { en: s("purposeEn"), ja: s("purposeJa") },
      permissions: rule("perm"),
      prohibitions: rule("prohib"),
      retentionDays: Number(s("retention")),
      attribution: { en: s("attrEn"), ja: s("attrJa") },
      validFrom: `${s("validFrom")}T00:00:00Z`,
      validUntil: `${s("validUntil")}T00:00:00Z`,
    };
    setBusy(true);
    setError(null);
    exchangeApi.draft(terms).then(onDone, (e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    });
  };
  if (catalog.status !== "ready") return <Status state={catalog} />;
  const others = ports.status === "ready" ? ports.data.filter((p) => p.locode !== self) : [];
  return (
    <form
      className="panel ex-draft"
      onSubmit={(e) => submit(e, catalog.data)}
      aria-label={t("exchange.draft.title")}
    >
      <h2>{t("exchange.draft.title")}</h2>
      <p className="muted small">{t("exchange.draft.lead")}</p>
      <label>
        <span>{t("exchange.draft.provider")}</span>
        <select name="provider" required>
          {others.map((p) => (
            <option key={p.locode} value={p.locode}>
              {localName(p.name, lang)} ({p.locode})
            </option>
          ))}
        </select>
      </label>
      <DatasetsFieldset catalog={catalog.data} />
      <label>
        <span>{t("exchange.terms.k")}</span>
        <input name="k" type="number" min={1} defaultValue={3} required />
      </label>
      <label>
        <span>{t("exchange.draft.purposeEn")}</span>
        <input name="purposeEn" required />
      </label>
      <label>
        <span>{t("exchange.draft.purposeJa")}</span>
        <input name="purposeJa" required />
      </label>
      <fieldset>
        <legend>{t("exchange.terms.permitted")}</legend>
        {ODRL_ACTIONS.map((a) => (
          <label key={a} className="small">
            <input type="checkbox" name={`perm-${a}`} defaultChecked={a === "display" || a === "use"} />{" "}
            {t(`exchange.odrl.${a}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("exchange.terms.prohibited")}</legend>
        {ODRL_ACTIONS.map((a) => (
          <label key={a} className="small">
            <input
              type="checkbox"
              name={`prohib-${a}`}
              defaultChecked={a === "distribute" || a === "commercialize"}
            />{" "}
            {t(`exchange.odrl.${a}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <span>{t("exchange.draft.retentionDays")}</span>
        <input name="retention" type="number" min={1} defaultValue={365} required />
      </label>
      <label>
        <span>{t("exchange.draft.attrEn")}</span>
        <input name="attrEn" required />
      </label>
      <label>
        <span>{t("exchange.draft.attrJa")}</span>
        <input name="attrJa" required />
      </label>
      <label>
        <span>{t("exchange.draft.validFrom")}</span>
        <input name="validFrom" type="date" defaultValue={today()} required />
      </label>
      <label>
        <span>{t("exchange.draft.validUntil")}</span>
        <input name="validUntil" type="date" defaultValue={inAYear()} required />
      </label>
      <button type="submit" className="ex-action" disabled={busy}>
        {t("exchange.draft.submit")}
      </button>{" "}
      <button type="button" onClick={onDone}>
        {t("exchange.actions.cancel")}
      </button>
      {error ? (
        <p className="admin-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="small muted">
        {formatNumber(catalog.data.length, lang)} {t("exchange.draft.inCatalog")}
      </p>
    </form>
  );
}
