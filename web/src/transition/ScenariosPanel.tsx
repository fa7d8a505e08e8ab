// Rollout scenarios of a port (issue 13): pick a saved scenario, read its years to the horizon
// (fleet mix by powertrain for CHE and drayage, the well-to-wheel emissions with the port's GHG
// targets drawn from the targets-gap answer, hydrogen, electricity, stations, money with its
// currency, price year and exchange rate), the forced early retirements, the gap to each target,
// and the comparisons: two scenarios of the port, and the two ports per TEU. The picks live in
// the address (?scenario=&vs=&sister=) so a view can be shared.
import { useTranslation } from "react-i18next";
import {
  api,
  type PortDetail,
  type PortsCompare,
  type ScenarioCompare,
  type ScenarioList,
  scenarioApi,
} from "../api.ts";
import { Status } from "../components/Status.tsx";
import { formatNumber, localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import { decimal } from "../operations/text.ts";
import { replaceSearchParam, useSearchParam } from "../router.tsx";
import { type LineSeries, YearLineChart } from "./ScenarioCharts.tsx";
import { COLOR, ScenarioView, ScrollRegion } from "./ScenarioResultView.tsx";
import { pctText, signed } from "./scenario-text.ts";
import { formatMoney } from "./text.ts";

function Picker({
  id,
  label,
  list,
  value,
  onChange,
  exclude,
}: {
  id: string;
  label: string;
  list: ScenarioList["scenarios"];
  value: string;
  onChange: (v: string) => void;
  exclude?: string;
}) {
  return (
    <label className="ze-scn-picker">
      {label}{" "}
      <select name={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {list
          .filter((s) => s.name !== exclude)
          .map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
      </select>
    </label>
  );
}

function CompareView({ data }: { data: ScenarioCompare }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const years = data.years.map((y) => y.year);
  const u = (k: string) => t(`transition.units.${k}`);
  return (
    <div className="ze-scn-compare" data-a={data.a} data-b={data.b}>
      <YearLineChart
        id="compare"
        years={years}
        title={t("transition.scenarios.emissionsAxis")}
        unit={u("tCo2e")}
        series={[
          { id: "a", label: data.a, color: COLOR.a, values: data.years.map((y) => y.a.wtwCo2eT) },
          {
            id: "b",
            label: data.b,
            color: COLOR.b,
            values: data.years.map((y) => y.b.wtwCo2eT),
            dash: "7 3",
          },
        ]}
      />
      <YearLineChart
        id="compare-diff"
        years={years}
        height={200}
        title={t("transition.scenarios.compare.diffAxis", { a: data.a, b: data.b })}
        unit={u("tCo2e")}
        series={[
          {
            id: "diff",
            label: t("transition.scenarios.compare.diffLabel", { a: data.a, b: data.b }),
            color: COLOR.capex,
            values: data.years.map((y) => y.diff.wtwCo2eT),
          },
        ]}
      />
      <details className="ze-scn-compare-details" open>
        <summary>{t("transition.scenarios.compare.table")}</summary>
        <ScrollRegion className="table-wrap ze-scn-scroll" label={t("transition.scenarios.compare.table")}>
          <table className="data-table ze-compare-table">
            <caption className="visually-hidden">{t("transition.scenarios.compare.table")}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t("transition.scenarios.col.year")}
                </th>
                {(["wtw", "zeChe", "h2", "mwh", "capex"] as const).map((k) => (
                  <th key={k} scope="colgroup" colSpan={3} className="num">
                    {t(`transition.scenarios.col.${k}`)}{" "}
                    <span className="muted">
                      (
                      {k === "wtw"
                        ? u("tCo2e")
                        : k === "zeChe"
                          ? "%"
                          : k === "h2"
                            ? u("tPerYear")
                            : k === "mwh"
                              ? u("mwhPerYear")
                              : data.currency}
                      )
                    </span>
                  </th>
                ))}
              </tr>
              <tr>
                {["wtw", "zeChe", "h2", "mwh", "capex"].flatMap((k) =>
                  (["a", "b", "diff"] as const).map((w) => (
                    <th
                      key={`${k}${w}`}
                      scope="col"
                      className="num"
                      title={w === "a" ? data.a : w === "b" ? data.b : undefined}
                    >
                      {w === "diff" ? t("transition.scenarios.compare.diff") : w.toUpperCase()}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {data.years.map((y) => (
                <tr key={y.year} data-year={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="num">{decimal(y.a.wtwCo2eT, lang)}</td>
                  <td className="num">{decimal(y.b.wtwCo2eT, lang)}</td>
                  <td className="num">{signed(y.diff.wtwCo2eT, lang, 0)}</td>
                  <td className="num" data-col="zeA">
                    {pctText(y.a.zeShareChePct, lang)}
                  </td>
                  <td className="num" data-col="zeB">
                    {pctText(y.b.zeShareChePct, lang)}
                  </td>
                  <td className="num" data-col="zeDiff">
                    {signed(y.diff.zeShareChePct, lang)}
                  </td>
                  <td className="num">{decimal(y.a.h2TPerYear, lang, 1)}</td>
                  <td className="num">{decimal(y.b.h2TPerYear, lang, 1)}</td>
                  <td className="num">{signed(y.diff.h2TPerYear, lang)}</td>
                  <td className="num">{decimal(y.a.electricityMwhPerYear, lang)}</td>
                  <td className="num">{decimal(y.b.electricityMwhPerYear, lang)}</td>
                  <td className="num">{signed(y.diff.electricityMwhPerYear, lang, 0)}</td>
                  <td className="num">{formatMoney(y.a.capex, data.currency, lang, true)}</td>
                  <td className="num">{formatMoney(y.b.capex, data.currency, lang, true)}</td>
                  <td className="num">{signed(y.diff.capex, lang, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </div>
  );
}

function PortsView({ data }: { data: PortsCompare }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const years = data.years.map((y) => y.year);
  const colors = [COLOR.a, COLOR.b];
  const val = (port: string, f: (b: PortsCompare["years"][number]["byPort"][number]) => number | null) =>
    data.years.map((y) => {
      const b = y.byPort.find((p) => p.port === port);
      return b ? f(b) : null;
    });
  const lines = (f: (b: PortsCompare["years"][number]["byPort"][number]) => number | null): LineSeries[] =>
    data.ports.map((p, i) => ({
      id: p.port,
      label: `${p.port} — ${p.scenario}`,
      color: colors[i] ?? COLOR.wtw,
      values: val(p.port, f),
      ...(i === 1 ? { dash: "7 3" } : {}),
    }));
  const noTeu = data.ports.filter((p) => p.teuPerYear === null);
  return (
    <div className="ze-ports-compare" data-ports={data.ports.map((p) => p.port).join(",")}>
      <ul className="small ze-teu">
        {data.ports.map((p) => (
          <li key={p.port} data-port={p.port}>
            {t("transition.scenarios.ports.teu", {
              port: p.port,
              scenario: p.scenario,
              teu: p.teuPerYear === null ? "—" : formatNumber(p.teuPerYear, lang),
              currency: p.currency,
            })}{" "}
            <span className="muted">— {p.teuSource}</span>
          </li>
        ))}
      </ul>
      {noTeu.length > 0 && (
        <p className="muted small">
          {t("transition.scenarios.ports.noTeu", { ports: noTeu.map((p) => p.port).join(", ") })}
        </p>
      )}
      <div className="ze-scn-grid">
        <YearLineChart
          id="ports-co2"
          width={470}
          height={220}
          years={years}
          title={t("transition.scenarios.ports.co2")}
          unit={t("transition.units.kgCo2ePerTeu")}
          series={lines((b) => b.wtwKgCo2ePerTeu)}
        />
        <YearLineChart
          id="ports-ze"
          width={470}
          height={220}
          years={years}
          title={t("transition.scenarios.col.zeChe")}
          unit="%"
          series={lines((b) => b.zeShareChePct)}
        />
      </div>
      <details className="ze-ports-details">
        <summary>{t("transition.scenarios.ports.table")}</summary>
        <ScrollRegion className="table-wrap ze-scn-scroll" label={t("transition.scenarios.ports.table")}>
          <table className="data-table ze-ports-table">
            <caption className="visually-hidden">{t("transition.scenarios.ports.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("transition.scenarios.col.year")}</th>
                {data.ports.flatMap((p) =>
                  (["co2", "h2", "kwh", "ze"] as const).map((k) => (
                    <th key={`${p.port}${k}`} scope="col" className="num">
                      {p.port} {t(`transition.scenarios.ports.col.${k}`)}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {data.years.map((y) => (
                <tr key={y.year} data-year={y.year}>
                  <th scope="row">{y.year}</th>
                  {data.ports.flatMap((p) => {
                    const b = y.byPort.find((x) => x.port === p.port);
                    return [
                      <td key={`${p.port}co2`} className="num">
                        {decimal(b?.wtwKgCo2ePerTeu, lang, 2)}
                      </td>,
                      <td key={`${p.port}h2`} className="num">
                        {decimal(b?.h2KgPerTeu, lang, 3)}
                      </td>,
                      <td key={`${p.port}kwh`} className="num">
                        {decimal(b?.electricityKwhPerTeu, lang, 2)}
                      </td>,
                      <td key={`${p.port}ze`} className="num" data-port={p.port} data-col="ze">
                        {pctText(b?.zeShareChePct, lang)}
                      </td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </div>
  );
}

/** The region's hydrogen: both ports' scenarios with the reference lines, against supply (t/yr). */
function RegionalHydrogenView({ sides }: { sides: readonly { port: string; scenario: string }[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const key = sides.map((s) => `${s.port}:${s.scenario}`).join("|");
  const data = useAsync(() => scenarioApi.regional(sides), `regional|${key}`);
  if (data.status !== "ready") return <Status state={data} />;
  const years = data.data.years.map((y) => y.year);
  // The region's other users are one-year estimates (2030, 2050) of another order of magnitude:
  // drawn, they would flatten the ports' lines to zero; they are in the table and the summary.
  const series: LineSeries[] = [
    {
      id: "ports",
      label: t("transition.scenarios.regional.ports"),
      color: "#0072B2",
      values: data.data.years.map((y) => y.portsDemandT),
    },
    {
      id: "supply",
      label: t("transition.scenarios.regional.supply"),
      color: "#009E73",
      values: data.data.years.map((y) => y.supplyT),
    },
  ];
  const last = data.data.years.at(-1);
  const t0 = (v: number) => formatNumber(Math.round(v), lang);
  return (
    <section className="ze-regional" aria-labelledby="ze-regional-title">
      <h4 id="ze-regional-title">{t("transition.scenarios.regional.title")}</h4>
      <p className="muted small">{t("transition.scenarios.regional.lead")}</p>
      <YearLineChart
        id="regional-hydrogen"
        years={years}
        series={series}
        title={t("transition.scenarios.regional.axis")}
        unit={t("transition.scenarios.regional.unit")}
      />
      {last && (
        <p className="small" data-year={last.year} data-gap={last.gapT}>
          {t("transition.scenarios.regional.gap", {
            year: last.year,
            demand: t0(last.demandT),
            supply: t0(last.supplyT),
            gap:
              last.gapT < 0
                ? t("transition.scenarios.regional.short", { t: t0(-last.gapT) })
                : t("transition.scenarios.regional.surplus", { t: t0(last.gapT) }),
          })}
        </p>
      )}
      <details className="ze-regional-details">
        <summary>{t("transition.scenarios.regional.table")}</summary>
        <ScrollRegion className="table-wrap" label={t("transition.scenarios.regional.table")}>
          <table className="data-table ze-regional-table">
            <caption className="visually-hidden">{t("transition.scenarios.regional.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("transition.scenarios.col.year")}</th>
                {(["ports", "other", "demand", "supply", "gapCol"] as const).map((k) => (
                  <th key={k} scope="col" className="num">
                    {t(`transition.scenarios.regional.${k}`)}
                    <span className="muted block">t</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.data.years.map((y) => (
                <tr key={y.year} data-year={y.year}>
                  <th scope="row">{y.year}</th>
                  {[y.portsDemandT, y.otherDemandT, y.demandT, y.supplyT, y.gapT].map((v, i) => (
                    <td key={String(i)} className="num">
                      {decimal(v, lang, 1)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
}

function SisterCompare({ port, scenario }: { port: PortDetail; scenario: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const ports = useAsync(api.ports, "ports");
  const other = ports.status === "ready" ? ports.data.find((p) => p.locode !== port.locode) : undefined;
  const otherList = useAsync(
    () => (other ? scenarioApi.list(other.locode) : Promise.resolve(null)),
    `sister|${other?.locode ?? ""}`,
  );
  const wanted = useSearchParam("sister");
  const names = otherList.status === "ready" && otherList.data ? otherList.data.scenarios : [];
  const sister = names.find((s) => s.name === wanted)?.name ?? names[0]?.name ?? null;
  const cmp = useAsync(
    () =>
      other && sister
        ? scenarioApi.comparePorts({ port: port.locode, scenario }, { port: other.locode, scenario: sister })
        : Promise.resolve(null),
    `ports|${port.locode}|${scenario}|${other?.locode ?? ""}|${sister ?? ""}`,
  );
  if (!other) return <Status state={ports} />;
  return (
    <>
      <p className="muted small">
        {t("transition.scenarios.ports.lead", { port: localName(other.name, lang) })}
      </p>
      {names.length === 0 ? (
        otherList.status === "ready" ? (
          <p className="muted">{t("transition.scenarios.none", { port: other.locode })}</p>
        ) : (
          <Status state={otherList} />
        )
      ) : (
        <form className="list-toolbar" onSubmit={(e) => e.preventDefault()}>
          <Picker
            id="sister"
            label={t("transition.scenarios.ports.pick", { port: other.locode })}
            list={names}
            value={sister ?? ""}
            onChange={(v) => replaceSearchParam("sister", v)}
          />
        </form>
      )}
      <Status state={cmp} />
      {cmp.status === "ready" && cmp.data && <PortsView data={cmp.data} />}
      {other && sister && (
        <RegionalHydrogenView
          sides={[
            { port: port.locode, scenario },
            { port: other.locode, scenario: sister },
          ]}
        />
      )}
    </>
  );
}

/** `version` changes when the editor saves a scenario: the list is read again. */
export function ScenariosPanel({ port, version = 0 }: { port: PortDetail; version?: number }) {
  const { t } = useTranslation();
  const list = useAsync(() => scenarioApi.list(port.locode), `${port.locode}|scenarios|${version}`);
  const wanted = useSearchParam("scenario");
  const wantedB = useSearchParam("vs");
  const names = list.status === "ready" ? list.data.scenarios : [];
  const name = names.find((s) => s.name === wanted)?.name ?? names[0]?.name ?? null;
  const nameB =
    names.find((s) => s.name === wantedB && s.name !== name)?.name ??
    names.find((s) => s.name !== name)?.name ??
    null;
  const stored = useAsync(
    () => (name ? scenarioApi.get(port.locode, name) : Promise.resolve(null)),
    `${port.locode}|scenario|${name ?? ""}|${version}`,
  );
  const cmp = useAsync(
    () => (name && nameB ? scenarioApi.compare(port.locode, name, nameB) : Promise.resolve(null)),
    `${port.locode}|compare|${name ?? ""}|${nameB ?? ""}`,
  );
  return (
    <section className="panel ze-scenarios" id="scenarios" aria-labelledby="ze-scenarios-title">
      <h2 id="ze-scenarios-title">{t("transition.scenarios.title")}</h2>
      <p className="muted small">{t("transition.scenarios.lead")}</p>
      <Status state={list} />
      {list.status === "ready" && names.length === 0 && (
        <p className="muted ze-scn-none">{t("transition.scenarios.none", { port: port.locode })}</p>
      )}
      {name && (
        <form
          className="list-toolbar"
          onSubmit={(e) => e.preventDefault()}
          aria-label={t("transition.scenarios.pickLabel")}
        >
          <Picker
            id="scenario"
            label={t("transition.scenarios.pick")}
            list={names}
            value={name}
            onChange={(v) => replaceSearchParam("scenario", v)}
          />
        </form>
      )}
      <Status state={stored} />
      {stored.status === "ready" && stored.data && (
        <ScenarioView
          stored={{
            ...stored.data,
            description: stored.data.input["description"] ? String(stored.data.input["description"]) : null,
          }}
          port={port}
        />
      )}

      {name && (
        <>
          <h3 id="ze-compare-title">{t("transition.scenarios.compare.title")}</h3>
          {nameB ? (
            <>
              <form className="list-toolbar" onSubmit={(e) => e.preventDefault()}>
                <span>
                  {t("transition.scenarios.compare.a")} <strong>{name}</strong>
                </span>
                <Picker
                  id="vs"
                  label={t("transition.scenarios.compare.b")}
                  list={names}
                  exclude={name}
                  value={nameB}
                  onChange={(v) => replaceSearchParam("vs", v)}
                />
              </form>
              <Status state={cmp} />
              {cmp.status === "ready" && cmp.data && <CompareView data={cmp.data} />}
            </>
          ) : (
            <p className="muted small">{t("transition.scenarios.compare.onlyOne")}</p>
          )}
          <h3 id="ze-ports-title">{t("transition.scenarios.ports.title")}</h3>
          <SisterCompare port={port} scenario={name} />
        </>
      )}
    </section>
  );
}
