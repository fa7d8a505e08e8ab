// A call's operating modes as horizontal bars, one lane per mode, on a time axis in the port's zone.
import { useTranslation } from "react-i18next";
import { CALL_MODES, type CallMode, type CallSegment } from "../api.ts";
import { formatDateTime, formatNumber, formatZoneAbbrev } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import { MODE_COLORS, tickLabel, timeTicks } from "./text.ts";

const W = 960;
const LABEL_W = 190;
const LANE_H = 30;
const AXIS_H = 44;
const PAD_R = 16;

interface Props {
  segments: CallSegment[];
  timeZone: string;
  from: string;
  to: string;
}

export function Timeline({ segments, timeZone, from, to }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const t0 = Date.parse(from);
  const t1 = Math.max(Date.parse(to), t0 + 60_000);
  // Lanes for the modes that occur, in a fixed order (sea → berth).
  const present = new Set(segments.map((s) => s.mode));
  const lanes = CALL_MODES.filter((m) => present.has(m));
  const H = lanes.length * LANE_H + AXIS_H;
  const x = (ms: number) => LABEL_W + ((ms - t0) / (t1 - t0)) * (W - LABEL_W - PAD_R);
  const ticks = timeTicks(t0, t1, timeZone);
  const laneY = (m: CallMode) => lanes.indexOf(m) * LANE_H;
  const zone = formatZoneAbbrev(new Date(t0), timeZone, lang);

  return (
    <figure className="call-timeline" data-segments={segments.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("calls.detail.timeline")}>
        {lanes.map((m, i) => (
          <g key={m}>
            <rect
              x={LABEL_W}
              y={i * LANE_H + 3}
              width={W - LABEL_W - PAD_R}
              height={LANE_H - 6}
              fill={i % 2 ? "#f7f9fa" : "#eef2f4"}
            />
            <text x={LABEL_W - 10} y={i * LANE_H + LANE_H / 2 + 5} textAnchor="end" className="lane-label">
              {t(`calls.modes.${m}`)}
            </text>
          </g>
        ))}
        {ticks.map((ms) => (
          <g key={ms}>
            <line
              x1={x(ms)}
              x2={x(ms)}
              y1={0}
              y2={lanes.length * LANE_H + 4}
              stroke="#c5ced6"
              strokeDasharray="2 3"
            />
            <text x={x(ms)} y={lanes.length * LANE_H + 20} textAnchor="middle" className="tick-label">
              {tickLabel(ms, timeZone, lang)}
            </text>
          </g>
        ))}
        <text x={W - PAD_R} y={H - 4} textAnchor="end" className="axis-title">
          {t("calls.detail.timeAxis", { zone })}
        </text>
        {segments.map((s) => {
          const a = x(Math.max(Date.parse(s.start), t0));
          const b = x(Math.min(Date.parse(s.end), t1));
          return (
            <rect
              key={`${s.mode}-${s.start}`}
              className="segment"
              data-mode={s.mode}
              x={a}
              y={laneY(s.mode) + 5}
              width={Math.max(b - a, 2)}
              height={LANE_H - 10}
              rx={3}
              fill={MODE_COLORS[s.mode]}
            >
              <title>
                {`${t(`calls.modes.${s.mode}`)}: ${formatDateTime(new Date(s.start), timeZone, lang)} – ${formatDateTime(new Date(s.end), timeZone, lang)} · ${formatNumber(s.durationH, lang, { maximumFractionDigits: 2 })} ${t("units.h")} · ${formatNumber(s.distanceNm, lang, { maximumFractionDigits: 1 })} ${t("units.nm")} · ${t("calls.detail.maxSpeed")} ${formatNumber(s.maxSpeedKn, lang, { maximumFractionDigits: 1 })} ${t("units.kn")}`}
              </title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}
