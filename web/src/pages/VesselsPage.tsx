// The vessels in a port's area as a table: sortable, filtered by type, each row opening the map.
import { type CSSProperties, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortDetail, ShipTypeGroup, VesselOnMap } from "../api.ts";
import { FirstPortRedirect } from "../components/FirstPortRedirect.tsx";
import { PortSection } from "../components/PortSection.tsx";
import { formatAgo, formatDateTime, formatNumber, localName } from "../format.ts";
import { useLanguage, useNow } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { GROUP_COLORS, GROUP_ORDER } from "../map/vessels.ts";
import { Link, navigate } from "../router.tsx";
import type { PageProps } from "../routes.ts";
import { usePortVessels } from "../vessels/usePortVessels.ts";

/** `/vessels` from the navigation: the first port's list. */
export function VesselsIndexPage(_: PageProps) {
  return <FirstPortRedirect subpath="vessels" />;
}

export function VesselsPage({ params }: PageProps) {
  const locode = (params["locode"] ?? "").toUpperCase();
  return (
    <PortSection locode={locode} className="vessels-page">
      {(port) => <VesselList port={port} />}
    </PortSection>
  );
}

type SortKey = "name" | "mmsi" | "type" | "class" | "speed" | "status" | "time";

const vesselName = (v: VesselOnMap): string => v.name ?? "";

function compare(a: VesselOnMap, b: VesselOnMap, key: SortKey, lang: Language): number {
  // Unknown values sort last whichever way the column is sorted (see below), so compare knowns only.
  switch (key) {
    case "name":
      return vesselName(a).localeCompare(vesselName(b), lang);
    case "mmsi":
      return a.mmsi - b.mmsi;
    case "type":
      return GROUP_ORDER.indexOf(a.shipTypeGroup) - GROUP_ORDER.indexOf(b.shipTypeGroup);
    case "class":
      return a.aisClass.localeCompare(b.aisClass);
    case "speed":
      return (a.sogKnots ?? 0) - (b.sogKnots ?? 0);
    case "status":
      return (a.navStatus ?? 0) - (b.navStatus ?? 0);
    case "time":
      return Date.parse(a.time) - Date.parse(b.time);
  }
}

function isUnknown(v: VesselOnMap, key: SortKey): boolean {
  if (key === "name") return !v.name;
  if (key === "speed") return v.sogKnots === null;
  if (key === "status") return v.navStatus === null || v.navStatus === 15;
  return false;
}

function VesselList({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const now = useNow(30_000);
  const vessels = usePortVessels(port.locode);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "name", dir: 1 });
  const [group, setGroup] = useState<ShipTypeGroup | "all">("all");

  const all = vessels.data?.vessels ?? [];
  const counts = useMemo(() => {
    const c = new Map<ShipTypeGroup, number>();
    for (const v of all) c.set(v.shipTypeGroup, (c.get(v.shipTypeGroup) ?? 0) + 1);
    return c;
  }, [all]);
  const rows = useMemo(() => {
    const shown = all.filter((v) => group === "all" || v.shipTypeGroup === group);
    return shown.sort((a, b) => {
      const ua = isUnknown(a, sort.key);
      const ub = isUnknown(b, sort.key);
      if (ua !== ub) return ua ? 1 : -1;
      return sort.dir * compare(a, b, sort.key, lang) || a.mmsi - b.mmsi;
    });
  }, [all, group, sort, lang]);

  const header = (key: SortKey, numeric = false) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? "num" : ""}
        aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
      >
        <button
          type="button"
          className="sort-button"
          data-sort={key}
          onClick={() =>
            setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : key === "time" ? -1 : 1 }))
          }
        >
          {t(`vessels.columns.${key}`)}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.dir === 1 ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  const open = (mmsi: number) => navigate(`/ports/${port.locode}?vessel=${mmsi}`);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {t("vessels.title", { port: localName(port.name, lang) })}{" "}
            <span className="locode">{port.locode}</span>
          </h1>
          <p className="muted">{t("vessels.lead")}</p>
        </div>
      </header>
      <section className="panel">
        <div className="list-toolbar">
          <label>
            {t("vessels.filter")}{" "}
            <select
              value={group}
              onChange={(e) => setGroup(e.target.value as ShipTypeGroup | "all")}
              name="group"
            >
              <option value="all">
                {t("vessels.allTypes")} ({formatNumber(all.length, lang)})
              </option>
              {GROUP_ORDER.filter((g) => counts.has(g)).map((g) => (
                <option key={g} value={g}>
                  {t(`shipTypeGroups.${g}`)} ({formatNumber(counts.get(g) ?? 0, lang)})
                </option>
              ))}
            </select>
          </label>
          <span className="vessel-status" data-vessel-count={rows.length}>
            {vessels.data?.asOf
              ? t("vessels.status", {
                  n: formatNumber(rows.length, lang),
                  time: formatDateTime(new Date(vessels.data.asOf), port.timeZone, lang),
                })
              : vessels.data
                ? t("vessels.none")
                : t("common.loading")}
          </span>
          <Link to={`/ports/${port.locode}`}>{t("vessels.backToMap")}</Link>
        </div>
        {vessels.error && <p className="warn small">{t("vessels.loadFailed")}</p>}
        <div className="table-wrap">
          <table className="data-table vessels-table">
            <thead>
              <tr>
                {header("name")}
                {header("mmsi", true)}
                {header("type")}
                {header("class")}
                {header("speed", true)}
                {header("status")}
                {header("time")}
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr
                  key={v.mmsi}
                  data-mmsi={v.mmsi}
                  className="clickable"
                  tabIndex={0}
                  onClick={() => open(v.mmsi)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") open(v.mmsi);
                  }}
                >
                  <th scope="row">{v.name ?? <span className="muted">{t("vessel.noName")}</span>}</th>
                  <td className="num mono">{v.mmsi}</td>
                  <td className="nowrap">
                    <span
                      className="swatch swatch-vessel"
                      style={{ "--swatch": GROUP_COLORS[v.shipTypeGroup] } as CSSProperties}
                      aria-hidden="true"
                    />{" "}
                    {t(`shipTypeGroups.${v.shipTypeGroup}`)}
                  </td>
                  <td>{v.aisClass}</td>
                  <td className="num nowrap">
                    {v.sogKnots === null
                      ? "—"
                      : `${formatNumber(v.sogKnots, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${t("units.kn")}`}
                  </td>
                  <td>{v.navStatus === null ? "—" : t(`navStatus.${v.navStatus}`)}</td>
                  <td className="nowrap">
                    {formatDateTime(new Date(v.time), port.timeZone, lang)}{" "}
                    <span className="muted small">({formatAgo(new Date(v.time), now, lang)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {vessels.data && rows.length === 0 && <p className="muted">{t("vessels.none")}</p>}
      </section>
    </>
  );
}
