// One vessel's particulars (from its AIS static broadcasts) and its track over a chosen period.
import { type CSSProperties, type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type VesselDetail, type VesselOnMap, type VesselTrack, vesselApi } from "../api.ts";
import {
  formatAgo,
  formatDateTime,
  formatNumber,
  formatZoneAbbrev,
  fromZonedInput,
  toZonedInput,
} from "../format.ts";
import { useLanguage, useNow } from "../hooks.ts";
import { GROUP_COLORS, SPEED_CLASSES, UNKNOWN_SPEED_COLOR } from "../map/vessels.ts";
import { Link } from "../router.tsx";
import { etaInstant } from "./text.ts";

const PRESETS_H = [6, 24, 72] as const;
const MAX_TRACK_DAYS = 31;
const HOUR_MS = 3_600_000;

type Period = { kind: "preset"; hours: number } | { kind: "custom"; from: Date; to: Date };

interface Props {
  locode: string;
  timeZone: string;
  mmsi: number;
  /** What the port's vessel list already knows: shown at once, before the particulars arrive. */
  onMap: VesselOnMap | null;
  onClose: () => void;
  onTrack: (track: VesselTrack | null) => void;
}

export function VesselPanel({ locode, timeZone, mmsi, onMap, onClose, onTrack }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const now = useNow(30_000);
  const [detail, setDetail] = useState<VesselDetail | null>(null);
  const [detailError, setDetailError] = useState(false);
  const [period, setPeriod] = useState<Period>({ kind: "preset", hours: 24 });
  const [track, setTrack] = useState<VesselTrack | null>(null);
  const [trackState, setTrackState] = useState<"idle" | "loading" | "ready" | "error">("idle");
  const [custom, setCustom] = useState({ from: "", to: "", error: "" });

  useEffect(() => {
    let live = true;
    setDetail(null);
    setDetailError(false);
    setPeriod({ kind: "preset", hours: 24 });
    vesselApi.vessel(mmsi).then(
      (d) => live && setDetail(d),
      () => live && setDetailError(true),
    );
    return () => {
      live = false;
    };
  }, [mmsi]);

  // Presets count back from the vessel's own latest report, so past (demo) data shows a track too.
  const latestIso = detail?.latest?.time ?? onMap?.time ?? null;
  const range: { from: Date; to: Date } | null =
    period.kind === "custom"
      ? { from: period.from, to: period.to }
      : latestIso
        ? {
            from: new Date(Date.parse(latestIso) - period.hours * HOUR_MS),
            to: new Date(Date.parse(latestIso) + 1000),
          }
        : null;
  const rangeKey = range ? `${range.from.getTime()}-${range.to.getTime()}` : "none";

  // biome-ignore lint/correctness/useExhaustiveDependencies: `rangeKey` stands for `range`.
  useEffect(() => {
    if (!range) return;
    let live = true;
    setTrackState("loading");
    vesselApi.track(mmsi, range).then(
      (tr) => {
        if (!live) return;
        setTrack(tr);
        setTrackState("ready");
        onTrack(tr);
      },
      () => {
        if (!live) return;
        setTrack(null);
        setTrackState("error");
        onTrack(null);
      },
    );
    return () => {
      live = false;
    };
  }, [mmsi, rangeKey]);

  // Keep the custom inputs showing the current range, in the port's local time.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rangeKey` stands for `range`.
  useEffect(() => {
    if (range && period.kind === "preset")
      setCustom({
        from: toZonedInput(range.from, timeZone),
        to: toZonedInput(range.to, timeZone),
        error: "",
      });
  }, [rangeKey, timeZone, period.kind]);

  // Escape closes the panel, as it closes a popup.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !(e.target instanceof HTMLInputElement)) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const applyCustom = (e: FormEvent) => {
    e.preventDefault();
    const from = fromZonedInput(custom.from, timeZone);
    const to = fromZonedInput(custom.to, timeZone);
    if (!from || !to || from >= to) {
      setCustom((c) => ({ ...c, error: t("vessel.track.badRange") }));
      return;
    }
    if (to.getTime() - from.getTime() > MAX_TRACK_DAYS * 24 * HOUR_MS) {
      setCustom((c) => ({ ...c, error: t("vessel.track.tooLong", { days: MAX_TRACK_DAYS }) }));
      return;
    }
    setCustom((c) => ({ ...c, error: "" }));
    setPeriod({ kind: "custom", from, to });
  };

  const v = detail?.vessel;
  // The port's list refreshes every 30 s: its report wins when it is newer than the particulars' one.
  const latest = detail?.latest ?? null;
  const pos =
    latest && onMap ? (Date.parse(onMap.time) > Date.parse(latest.time) ? onMap : latest) : (latest ?? onMap);
  const name = v?.name ?? onMap?.name ?? null;
  const group = v?.shipTypeGroup ?? onMap?.shipTypeGroup ?? "unknown";
  const shipType = v?.shipType ?? onMap?.shipType ?? null;
  const dash = <span className="muted">—</span>;
  const num = (x: number | null | undefined, unit: string, digits = 1): ReactNode =>
    x === null || x === undefined
      ? dash
      : // Degrees sit against the number (345°); other units after a space (4.5 kn).
        `${formatNumber(x, lang, { maximumFractionDigits: digits })}${unit === "°" ? "" : " "}${unit}`;
  const text = (x: string | null | undefined): ReactNode => (x ? x : dash);
  const zone = formatZoneAbbrev(now, timeZone, lang);
  const eta = v?.eta && pos ? etaInstant(v.eta, new Date(pos.time)) : null;

  const rows: [string, ReactNode, string][] = [
    ["mmsi", String(mmsi), "mmsi"],
    ["imo", v?.imo ? String(v.imo) : dash, "imo"],
    ["callsign", text(v?.callsign), "callsign"],
    [
      "type",
      <>
        {t(`shipTypeGroups.${group}`)}
        {shipType !== null && <span className="muted"> ({t("vessel.aisCode", { code: shipType })})</span>}
      </>,
      "type",
    ],
    ["class", t(`vessel.classes.${v?.aisClass ?? onMap?.aisClass ?? "A"}`), "class"],
    [
      "size",
      v?.lengthM || v?.beamM
        ? `${v.lengthM ? formatNumber(v.lengthM, lang) : "—"} × ${v.beamM ? formatNumber(v.beamM, lang) : "—"} ${t("units.m")}`
        : dash,
      "size",
    ],
    ["draught", num(v?.draughtM, t("units.m")), "draught"],
    ["destination", text(v?.destination), "destination"],
    [
      "eta",
      v?.eta ? (
        <>
          {eta ? formatDateTime(eta, timeZone, lang) : null}
          <span className="muted small"> ({t("vessel.etaBroadcast", { eta: v.eta })})</span>
        </>
      ) : (
        dash
      ),
      "eta",
    ],
    [
      "navStatus",
      pos?.navStatus === null || pos?.navStatus === undefined ? dash : t(`navStatus.${pos.navStatus}`),
      "nav-status",
    ],
    ["speed", num(pos?.sogKnots, t("units.kn")), "speed"],
    ["course", num(pos?.cogDeg, t("units.deg")), "course"],
    ["heading", num(pos?.headingDeg, t("units.deg"), 0), "heading"],
    [
      "lastReport",
      pos ? (
        <>
          {formatDateTime(new Date(pos.time), timeZone, lang)}
          <br />
          <span className="muted small">{formatAgo(new Date(pos.time), now, lang)}</span>
        </>
      ) : (
        dash
      ),
      "last-report",
    ],
  ];

  return (
    <aside className="vessel-panel" aria-label={t("vessel.panelLabel")} data-mmsi={mmsi}>
      <header className="vessel-panel-header">
        <span
          className="swatch swatch-vessel"
          style={{ "--swatch": GROUP_COLORS[group] } as CSSProperties}
          aria-hidden="true"
        />
        <h2 className="vessel-name">{name ?? t("vessel.unnamed", { mmsi })}</h2>
        <button type="button" className="close-button" onClick={onClose} aria-label={t("vessel.close")}>
          ×
        </button>
      </header>
      {detailError && <p className="warn small">{t("vessel.loadFailed")}</p>}
      {v && v.names.length > 1 && (
        <p className="muted small">{t("vessel.otherNames", { names: v.names.join(", ") })}</p>
      )}
      <dl className="vessel-facts">
        {rows.map(([key, value, field]) => (
          <div key={key} data-field={field}>
            <dt>{t(`vessel.fields.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section className="vessel-track" aria-label={t("vessel.track.heading")}>
        <h3>{t("vessel.track.heading")}</h3>
        <fieldset className="track-presets" aria-label={t("vessel.track.presets")}>
          {PRESETS_H.map((h) => (
            <button
              key={h}
              type="button"
              data-hours={h}
              aria-pressed={period.kind === "preset" && period.hours === h}
              onClick={() => setPeriod({ kind: "preset", hours: h })}
            >
              {t(`vessel.track.last${h}h`)}
            </button>
          ))}
        </fieldset>
        <p className="muted small">{t("vessel.track.presetNote")}</p>
        <form className="track-custom" onSubmit={applyCustom}>
          <label>
            <span>{t("vessel.track.from", { zone })}</span>
            <input
              type="datetime-local"
              name="from"
              value={custom.from}
              onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
            />
          </label>
          <label>
            <span>{t("vessel.track.to", { zone })}</span>
            <input
              type="datetime-local"
              name="to"
              value={custom.to}
              onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
            />
          </label>
          <button type="submit" aria-pressed={period.kind === "custom"}>
            {t("vessel.track.show")}
          </button>
        </form>
        {custom.error && <p className="warn small">{custom.error}</p>}
        <p className="track-summary small" data-track-state={trackState} data-points={track?.points ?? ""}>
          {trackState === "loading" && t("common.loading")}
          {trackState === "error" && <span className="warn">{t("vessel.track.failed")}</span>}
          {trackState === "ready" &&
            track &&
            (track.points === 0
              ? t("vessel.track.empty")
              : t("vessel.track.summary", {
                  points: formatNumber(track.points, lang),
                  from: formatDateTime(new Date(track.from), timeZone, lang),
                  to: formatDateTime(new Date(track.to), timeZone, lang),
                }))}
        </p>
        {trackState === "ready" && track && track.points > 0 && (
          <ul className="speed-legend" aria-label={t("vessel.track.speedLegend")}>
            {SPEED_CLASSES.map((c, i) => (
              <li key={c.minKn}>
                <span className="swatch swatch-track" style={{ "--swatch": c.color } as CSSProperties} />
                {i + 1 < SPEED_CLASSES.length
                  ? `${formatNumber(c.minKn, lang)}–${formatNumber(SPEED_CLASSES[i + 1]?.minKn ?? 0, lang)}`
                  : `≥ ${formatNumber(c.minKn, lang)}`}{" "}
                {t("units.kn")}
              </li>
            ))}
            <li>
              <span
                className="swatch swatch-track"
                style={{ "--swatch": UNKNOWN_SPEED_COLOR } as CSSProperties}
              />
              {t("vessel.track.speedUnknown")}
            </li>
            <li>
              <span className="track-end start" aria-hidden="true" /> {t("vessel.track.start")}
            </li>
            <li>
              <span className="track-end end" aria-hidden="true" /> {t("vessel.track.end")}
            </li>
          </ul>
        )}
      </section>
      <p className="small">
        <Link to={`/ports/${locode}/vessels`}>{t("vessel.allVessels")}</Link>
      </p>
    </aside>
  );
}
