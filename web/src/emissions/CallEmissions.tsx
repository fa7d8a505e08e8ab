// One call's emissions on its page (id="emissions"): totals by engine group, the vessel particulars
// and engine data used (defaults marked with their source), and each segment's computation,
// expandable to its trace steps: activity × factor × adjustments = grams, with the factor's source.
import { Fragment, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { convertMassG } from "../../../src/core/units.ts";
import {
  type CallEmissionSegment,
  type CallEmissions,
  emissionApi,
  POLLUTANTS,
  type Pollutant,
  type PollutantValues,
} from "../api.ts";
import { MODE_COLORS } from "../calls/text.ts";
import { formatShortDateTime } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { TraceTable } from "./TraceTable.tsx";
import { formatMass, formatPlain, massUnitForGrams, type SmallMassUnit, warningText } from "./text.ts";

const COMPONENTS = ["main", "aux", "boiler"] as const;

const VESSEL_FIELDS = [
  "name",
  "imo",
  "shipType",
  "subType",
  "dwt",
  "teu",
  "grossTonnage",
  "buildYear",
  "mainEngineKw",
  "engineType",
  "engineStroke",
  "engineRpm",
  "serviceSpeedKn",
  "maxSpeedKn",
  "maxDraftM",
  "auxKw",
  "shorePower",
  "lengthM",
  "beamM",
] as const;

/** Numbers that are codes or years: never grouped ("2014", not "2,014"). */
const UNGROUPED = new Set(["imo", "buildYear"]);

function valueText(key: string, v: unknown, lang: Language, yes: string, no: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? yes : no;
  if (typeof v === "number")
    return UNGROUPED.has(key)
      ? String(v)
      : new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 3 }).format(v);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((x) => valueText(key, x, lang, yes, no)).join(", ");
  if (typeof v === "object")
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined && typeof x !== "object")
      .map(([k, x]) => `${k}: ${valueText(k, x, lang, yes, no)}`)
      .join(" · ");
  return String(v);
}

/** Column units for one call: each pollutant's unit fits the largest figure of its column. */
function unitsFor(rows: PollutantValues[]): Record<Pollutant, SmallMassUnit> {
  const out = {} as Record<Pollutant, SmallMassUnit>;
  for (const p of POLLUTANTS) out[p] = massUnitForGrams(Math.max(0, ...rows.map((r) => Math.abs(r[p] ?? 0))));
  return out;
}

export function CallEmissionsSection({ callId, timeZone }: { callId: string; timeZone: string }) {
  const { t } = useTranslation();
  const state = useAsync<CallEmissions>(() => emissionApi.call(callId), callId);
  const ref = useRef<HTMLElement>(null);
  const ready = state.status === "ready";
  // Opened from the inventory's sources (…#emissions): the section loads after the page, so scroll then.
  useEffect(() => {
    if (ready && window.location.hash === "#emissions") ref.current?.scrollIntoView({ block: "start" });
  }, [ready]);
  return (
    <section className="panel call-emissions" id="emissions" ref={ref} data-state={state.status}>
      <h2>{t("emissions.call.title")}</h2>
      {state.status === "loading" && <p className="loading">{t("common.loading")}</p>}
      {state.status === "error" && (
        <p className="warn small" role="alert">
          {t("emissions.call.failed")} <span className="muted">{state.error.message}</span>
        </p>
      )}
      {state.status === "ready" && <CallEmissionsView data={state.data} timeZone={timeZone} />}
    </section>
  );
}

function CallEmissionsView({ data, timeZone }: { data: CallEmissions; timeZone: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { totals } = data;
  const rows = [...COMPONENTS.map((c) => totals.byComponent[c]), totals.tailpipe];
  const units = unitsFor(rows);
  const gwp = typeof data.options?.["gwp"] === "string" ? (data.options["gwp"] as string) : "—";
  const grid = totals.grid;
  const gridUnit = massUnitForGrams(grid?.co2eGrams ?? 0);
  const gridCo2e = grid?.co2eGrams ?? null;
  return (
    <>
      <p className="muted small">
        {t("emissions.call.lead", {
          method: data.method
            ? t(`emissions.call.methods.${data.method}`, { defaultValue: data.method })
            : "—",
          version: data.methodVersion,
          gwp,
        })}
      </p>
      <h3>{t("emissions.call.byComponent")}</h3>
      <div className="table-wrap">
        <table className="data-table component-table">
          <thead>
            <tr>
              <th scope="col">{t("emissions.call.component")}</th>
              {POLLUTANTS.map((p) => (
                <th key={p} scope="col" className="num" data-pollutant={p}>
                  {t(`emissions.pollutants.${p}`)}
                  <span className="unit">{units[p]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {COMPONENTS.map((c) => (
              <tr key={c} data-component={c}>
                <th scope="row" className="nowrap">
                  {t(`emissions.call.components.${c}`)}
                </th>
                {POLLUTANTS.map((p) => (
                  <td key={p} className="num nowrap" data-pollutant={p}>
                    {formatMass(convertMassG(totals.byComponent[c]?.[p] ?? 0, units[p]), lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row" data-component="total">
              <th scope="row" className="nowrap">
                {t("emissions.call.components.total")}
              </th>
              {POLLUTANTS.map((p) => (
                <td key={p} className="num nowrap" data-pollutant={p}>
                  {formatMass(convertMassG(totals.tailpipe[p] ?? 0, units[p]), lang)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {(data.warnings?.length ?? 0) > 0 && (
        <details className="inventory-warnings">
          <summary className="warn">{t("emissions.warnings", { n: data.warnings?.length ?? 0 })}</summary>
          <ul className="plain">
            {data.warnings?.map((w) => (
              <li key={`${w.code}|${JSON.stringify(w.params)}`} data-code={w.code}>
                {warningText(w, t)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {grid && grid.kwh > 0 && (
        <p className="small">
          {t("emissions.call.shorePower", {
            kwh: formatPlain(grid.kwh, lang, 0),
            co2e: gridCo2e === null ? "—" : formatMass(convertMassG(gridCo2e, gridUnit), lang),
            unit: gridUnit,
          })}
        </p>
      )}
      {(totals.unaccountedH ?? 0) > 0 && (
        <p className="small warn">
          {t("emissions.call.unaccounted", { h: formatPlain(totals.unaccountedH, lang, 1) })}
        </p>
      )}
      <div className="call-columns emissions-particulars">
        <VesselUsed data={data} />
        <EngineUsed data={data} />
      </div>
      <SegmentsTable segments={data.segments} timeZone={timeZone} />
    </>
  );
}

function VesselUsed({ data }: { data: CallEmissions }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const vessel = data.vessel;
  const defaulted = new Map((vessel.defaulted ?? []).map((d) => [d.field, d]));
  // Any field the calculator defaulted is shown, so fields are looked up by name.
  const values: Record<string, unknown> = { ...vessel };
  const fields: string[] = [...VESSEL_FIELDS];
  for (const f of defaulted.keys()) if (!fields.includes(f)) fields.push(f);
  const yes = t("emissions.call.yes");
  const no = t("emissions.call.no");
  return (
    <div className="vessel-used">
      <h3>{t("emissions.call.vessel")}</h3>
      <table className="data-table particulars-table">
        <thead>
          <tr>
            <th scope="col">{t("emissions.call.field")}</th>
            <th scope="col">{t("emissions.call.value")}</th>
          </tr>
        </thead>
        <tbody>
          {fields
            .filter((f) => defaulted.has(f) || f in values)
            .map((f) => {
              const d = defaulted.get(f);
              return (
                <tr key={f} data-field={f} data-defaulted={d ? "true" : "false"}>
                  <th scope="row">{t(`emissions.call.fields.${f}`, { defaultValue: f })}</th>
                  <td>
                    {valueText(f, d ? d.value : values[f], lang, yes, no)}
                    {d && (
                      <>
                        {" "}
                        <span className="badge defaulted">{t("emissions.call.defaulted")}</span>
                        <div className="muted small source-text">{d.source}</div>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      <p className="muted small">
        {defaulted.size > 0 ? t("emissions.call.defaultedNote") : t("emissions.call.noDefaults")}
      </p>
    </div>
  );
}

function EngineUsed({ data }: { data: CallEmissions }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const engine = data.engine;
  if (!engine) return null;
  const tier = (n: number | undefined) =>
    n === undefined ? "—" : n === 0 ? t("emissions.call.tier0") : t("emissions.call.tier", { n });
  const rows: { c: (typeof COMPONENTS)[number]; type: string; tier: string }[] = [
    {
      c: "main",
      type: engine.lngEngine ? `${engine.type} (${engine.lngEngine})` : engine.type,
      tier: tier(engine.tier),
    },
    { c: "aux", type: engine.auxType ?? "—", tier: tier(engine.auxTier) },
    { c: "boiler", type: t("emissions.call.components.boiler"), tier: "—" },
  ];
  // Each source once, with what it explains ("IMO NOx tier — main engine, auxiliary engines: …").
  const sources = new Map<string, string[]>();
  const cite = (what: string, source: string | null | undefined) => {
    if (!source) return;
    sources.set(source, [...(sources.get(source) ?? []), what]);
  };
  cite(`${t("emissions.call.fields.tier")} — ${t("emissions.call.components.main")}`, engine.tierSource);
  cite(`${t("emissions.call.fields.tier")} — ${t("emissions.call.components.aux")}`, engine.auxTierSource);
  for (const c of COMPONENTS)
    cite(
      `${t("emissions.call.fields.fuel")} — ${t(`emissions.call.components.${c}`)}`,
      engine.fuelSource?.[c],
    );
  cite(t("emissions.call.fields.location"), data.locationSource);
  const p = data.propulsion;
  return (
    <div className="engine-used">
      <h3>{t("emissions.call.engine")}</h3>
      <table className="data-table engine-table">
        <thead>
          <tr>
            <th scope="col">{t("emissions.call.component")}</th>
            <th scope="col">{t("emissions.call.fields.engineType")}</th>
            <th scope="col">{t("emissions.call.fields.tier")}</th>
            <th scope="col">{t("emissions.call.fields.fuel")}</th>
            <th scope="col" className="num">
              {t("emissions.call.fields.sulfurPct")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.c} data-component={r.c}>
              <th scope="row" className="nowrap">
                {t(`emissions.call.components.${r.c}`)}
              </th>
              <td>{r.type}</td>
              <td className="nowrap">{r.tier}</td>
              <td className="nowrap">{engine.fuel?.[r.c] ?? "—"}</td>
              <td className="num">{formatPlain(engine.sulfurPct?.[r.c], lang, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts engine-facts small">
        {data.location && (
          <>
            <dt>{t("emissions.call.fields.location")}</dt>
            <dd>{t(`emissions.call.locations.${data.location}`, { defaultValue: data.location })}</dd>
          </>
        )}
        {p && (
          <>
            <dt>{t("emissions.call.propulsionModel")}</dt>
            <dd>
              {t("emissions.call.propulsionText", {
                kw: formatPlain(p.installedKw, lang, 0),
                speed: formatPlain(p.refSpeedKn, lang, 1),
                speedType: p.refSpeedType
                  ? t(`emissions.call.speedTypes.${p.refSpeedType}`, { defaultValue: p.refSpeedType })
                  : "—",
                law: t(`emissions.call.laws.${p.law}`, { defaultValue: p.law }),
              })}
            </dd>
          </>
        )}
        {data.loads && (
          <>
            <dt>{t("emissions.call.loadRow")}</dt>
            <dd>
              {data.loads.subType} ({data.loads.method}){" "}
              {data.loads.fallback && (
                <span className="badge defaulted">{t("emissions.call.defaulted")}</span>
              )}
              <div className="muted source-text">{data.loads.source}</div>
            </dd>
          </>
        )}
      </dl>
      {sources.size > 0 && (
        <>
          <h4 className="small-heading">{t("emissions.call.sources")}</h4>
          <ul className="plain engine-sources small">
            {[...sources].map(([source, what]) => (
              <li key={source}>
                <span className="muted">{what.join(", ")}:</span>{" "}
                <span className="source-text">{source}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function SegmentsTable({ segments, timeZone }: { segments: CallEmissionSegment[]; timeZone: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const [only, setOnly] = useState<Pollutant | "">("");
  const units = unitsFor(segments.map((s) => s.grams));
  const kw = (v: number | null | undefined) => formatPlain(v, lang, 0);
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  const COLS = 11;
  return (
    <div className="emission-segments">
      <div className="list-toolbar">
        <h3>{t("emissions.call.segments")}</h3>
        <label className="small">
          {t("emissions.call.traceFor")}{" "}
          <select
            name="trace-pollutant"
            value={only}
            onChange={(e) => setOnly(e.target.value as Pollutant | "")}
          >
            <option value="">{t("emissions.call.allPollutants")}</option>
            {POLLUTANTS.map((p) => (
              <option key={p} value={p}>
                {t(`emissions.pollutants.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="table-wrap">
        <table className="data-table emission-segments-table">
          <thead>
            <tr>
              <th scope="col">{t("emissions.call.cols.mode")}</th>
              <th scope="col">{t("emissions.call.cols.start")}</th>
              <th scope="col" className="num">
                {t("emissions.call.cols.duration")}
              </th>
              <th scope="col" className="num">
                {t("emissions.call.cols.speed")}
              </th>
              <th scope="col" className="num">
                {t("emissions.call.cols.load")}
              </th>
              <th scope="col" className="num">
                {t("emissions.call.cols.propulsion")}
              </th>
              <th scope="col" className="num">
                {t("emissions.call.cols.aux")}
              </th>
              <th scope="col" className="num">
                {t("emissions.call.cols.boiler")}
              </th>
              <th scope="col" className="num">
                {t("emissions.call.cols.kwh")}
              </th>
              <th scope="col" className="num">
                {t("emissions.pollutants.nox")} ({units.nox})
              </th>
              <th scope="col" className="num">
                {t("emissions.pollutants.co2e")} ({units.co2e})
              </th>
            </tr>
          </thead>
          <tbody>
            {segments.map((s, i) => {
              const isOpen = open.has(i);
              const kwh = s.energyKwh.main + s.energyKwh.aux + s.energyKwh.boiler;
              const steps = (s.trace ?? []).filter((st) => !only || st.pollutant === only);
              return (
                <Fragment key={`${s.mode}-${s.startAt}`}>
                  <tr data-mode={s.mode} data-segment={i} className={isOpen ? "open" : ""}>
                    <th scope="row" className="nowrap">
                      <button
                        type="button"
                        className="expand-button"
                        aria-expanded={isOpen}
                        aria-controls={`trace-${i}`}
                        title={isOpen ? t("emissions.call.hideTrace") : t("emissions.call.showTrace")}
                        onClick={() => toggle(i)}
                      >
                        <span className="expand-mark" aria-hidden="true">
                          {isOpen ? "▾" : "▸"}
                        </span>{" "}
                        <span
                          className="swatch"
                          style={{ background: MODE_COLORS[s.mode] }}
                          aria-hidden="true"
                        />{" "}
                        {t(`calls.modes.${s.mode}`)}
                      </button>
                      {s.epaMode && (
                        <div className="muted small">
                          EPA: {t(`emissions.trace.epaMode.${s.epaMode}`, { defaultValue: s.epaMode })}
                        </div>
                      )}
                    </th>
                    <td className="nowrap">{formatShortDateTime(new Date(s.startAt), timeZone, lang)}</td>
                    <td className="num">{formatPlain(s.durationH, lang, 2)}</td>
                    <td className="num">{formatPlain(s.meanSpeedKn, lang, 1)}</td>
                    <td className="num">{formatPlain(s.loadFactor, lang, 3)}</td>
                    <td className="num">{kw(s.propulsionKw)}</td>
                    <td className="num">{kw(s.auxKw)}</td>
                    <td className="num">{kw(s.boilerKw)}</td>
                    <td className="num">{formatPlain(kwh, lang, 0)}</td>
                    <td className="num">{formatMass(convertMassG(s.grams.nox ?? 0, units.nox), lang)}</td>
                    <td className="num">{formatMass(convertMassG(s.grams.co2e ?? 0, units.co2e), lang)}</td>
                  </tr>
                  {isOpen && (
                    <tr className="trace-row" id={`trace-${i}`}>
                      <td colSpan={COLS}>
                        {steps.length === 0 ? (
                          <p className="muted small">{t("emissions.call.noTrace")}</p>
                        ) : (
                          <TraceTable steps={steps} />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
