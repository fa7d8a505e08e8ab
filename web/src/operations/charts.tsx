// The two operations charts (SVG, like the calls and emissions charts): truck turn time per terminal
// showing the tail (p50 / p90 / p95 bars, the mean marked, and the mean split queue / in-terminal),
// and gate moves by hour of the day per terminal.
import { useTranslation } from "react-i18next";
import type { TerminalKpis } from "../api.ts";
import { niceTicks } from "../emissions/text.ts";
import { formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";

/** Okabe & Ito colours: quantiles light → dark, queue orange, in-terminal blue; terminals in turn. */
const QUANTILE_COLORS = { p50: "#56B4E9", p90: "#0072B2", p95: "#003f66" } as const;
const SPLIT_COLORS = { queue: "#E69F00", inTerminal: "#009E73" } as const;
export const TERMINAL_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"];

const W = 960;
const L = 170;
const R = 24;

export function TurnTimeChart({
  terminals,
  names,
}: {
  terminals: TerminalKpis[];
  names: (id: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const shown = terminals.filter((k) => k.turn.turn.count > 0 || k.turn.inTerminal.count > 0);
  if (shown.length === 0) return <p className="muted">{t("operations.turn.none")}</p>;
  const max = Math.max(
    1,
    ...shown.flatMap((k) => [
      k.turn.turn.p95Min ?? 0,
      (k.turn.queue.meanMin ?? 0) + (k.turn.inTerminal.meanMin ?? 0),
    ]),
  );
  const ticks = niceTicks(max);
  const xMax = ticks.at(-1) ?? max;
  const rowH = 15;
  // Each terminal: its name on a line of its own, then p50, p90, p95 and the mean split.
  const nameH = 20;
  const blockH = nameH + rowH * 4 + 14;
  const T = 28;
  const H = T + shown.length * blockH + 30;
  const x = (min: number) => L + (min / xMax) * (W - L - R);
  const min = t("operations.units.min");
  const bars = (["p50", "p90", "p95"] as const).map((q) => ({ q, label: t(`operations.turn.${q}`) }));
  return (
    <figure className="ops-chart turn-chart" data-terminals={shown.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("operations.turn.chartTitle")}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={T - 6} y2={H - 26} stroke="#dde3e8" />
            <text x={x(v)} y={H - 10} textAnchor="middle" className="tick-label">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        <text x={W - R} y={14} textAnchor="end" className="axis-title">
          {t("operations.turn.axis", { unit: min })}
        </text>
        {shown.map((k, i) => {
          const top = T + i * blockH + nameH;
          const stats = k.turn.turn;
          const queue = k.turn.queue.meanMin ?? 0;
          const inside = k.turn.inTerminal.meanMin ?? 0;
          return (
            <g key={k.terminal} data-terminal={k.terminal}>
              <text x={8} y={top - 6} className="lane-label">
                {names(k.terminal)}
              </text>
              {bars.map(({ q, label }, j) => {
                const v = stats[`${q}Min`];
                const y = top + j * rowH;
                return (
                  <g key={q} data-quantile={q} data-value={v ?? ""}>
                    <text x={L - 8} y={y + rowH - 4} textAnchor="end" className="tick-label">
                      {label}
                    </text>
                    {v !== null && (
                      <>
                        <rect
                          x={L}
                          y={y + 1}
                          width={Math.max(0, x(v) - L)}
                          height={rowH - 3}
                          fill={QUANTILE_COLORS[q]}
                        >
                          <title>{`${names(k.terminal)} ${label}: ${formatNumber(v, lang)} ${min}`}</title>
                        </rect>
                        <text x={x(v) + 4} y={y + rowH - 4} className="value-label">
                          {formatNumber(v, lang)}
                        </text>
                      </>
                    )}
                  </g>
                );
              })}
              <g data-split="mean">
                <text x={L - 8} y={top + 4 * rowH - 4} textAnchor="end" className="tick-label">
                  {t("operations.turn.meanSplit")}
                </text>
                <rect
                  x={L}
                  y={top + 3 * rowH + 1}
                  width={x(queue) - L}
                  height={rowH - 3}
                  fill={SPLIT_COLORS.queue}
                >
                  <title>{`${t("operations.turn.queue")}: ${formatNumber(queue, lang, { maximumFractionDigits: 1 })} ${min}`}</title>
                </rect>
                <rect
                  x={x(queue)}
                  y={top + 3 * rowH + 1}
                  width={x(inside) - L}
                  height={rowH - 3}
                  fill={SPLIT_COLORS.inTerminal}
                >
                  <title>{`${t("operations.turn.inTerminal")}: ${formatNumber(inside, lang, { maximumFractionDigits: 1 })} ${min}`}</title>
                </rect>
              </g>
              {stats.meanMin !== null && (
                <g data-mean={stats.meanMin}>
                  <line
                    x1={x(stats.meanMin)}
                    x2={x(stats.meanMin)}
                    y1={top - 2}
                    y2={top + 3 * rowH - 1}
                    stroke="#1c2b36"
                    strokeWidth={2}
                    strokeDasharray="4 2"
                  />
                  <title>{`${t("operations.turn.mean")}: ${formatNumber(stats.meanMin, lang, { maximumFractionDigits: 1 })} ${min}`}</title>
                </g>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend small">
        {bars.map(({ q, label }) => (
          <span key={q}>
            <span className="swatch" style={{ background: QUANTILE_COLORS[q] }} aria-hidden="true" /> {label}
          </span>
        ))}
        <span>
          <span className="swatch swatch-dash" aria-hidden="true" /> {t("operations.turn.mean")}
        </span>
        <span>
          <span className="swatch" style={{ background: SPLIT_COLORS.queue }} aria-hidden="true" />{" "}
          {t("operations.turn.queue")}
        </span>
        <span>
          <span className="swatch" style={{ background: SPLIT_COLORS.inTerminal }} aria-hidden="true" />{" "}
          {t("operations.turn.inTerminal")}
        </span>
      </figcaption>
    </figure>
  );
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const GH = 240;
const GL = 56;
const GT = 22;
const GB = 42;

export function GateHourChart({
  profile,
  names,
  days,
}: {
  profile: { terminal: string; perHour: number[] }[];
  names: (id: string) => string;
  days: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const total = profile.reduce((s, p) => s + p.perHour.reduce((a, b) => a + b, 0), 0);
  if (total === 0) return <p className="muted">{t("operations.gate.none")}</p>;
  const max = Math.max(...profile.flatMap((p) => p.perHour));
  const ticks = niceTicks(max);
  const yMax = ticks.at(-1) ?? max;
  const slot = (W - GL - R) / 24;
  const barW = (slot * 0.8) / Math.max(profile.length, 1);
  const y = (v: number) => GT + (1 - v / yMax) * (GH - GT - GB);
  const unit = t("operations.gate.unit");
  return (
    <figure className="ops-chart gate-chart">
      <svg viewBox={`0 0 ${W} ${GH}`} role="img" aria-label={t("operations.gate.chartTitle")}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={GL} x2={W - R} y1={y(v)} y2={y(v)} stroke="#dde3e8" />
            <text x={GL - 8} y={y(v) + 4} textAnchor="end" className="tick-label">
              {formatNumber(v, lang, { maximumFractionDigits: 1 })}
            </text>
          </g>
        ))}
        {HOURS.map((h) => (
          <text
            key={h}
            x={GL + h * slot + slot / 2}
            y={GH - GB + 16}
            textAnchor="middle"
            className="tick-label"
          >
            {String(h).padStart(2, "0")}
          </text>
        ))}
        {profile.map((p, i) =>
          p.perHour.map((v, h) =>
            v > 0 ? (
              <rect
                // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the bar's identity.
                key={`${p.terminal}-${h}`}
                x={GL + h * slot + slot * 0.1 + i * barW}
                y={y(v)}
                width={barW}
                height={y(0) - y(v)}
                fill={TERMINAL_COLORS[i % TERMINAL_COLORS.length]}
                data-terminal={p.terminal}
                data-hour={h}
              >
                <title>{`${names(p.terminal)} ${String(h).padStart(2, "0")}:00 — ${formatNumber(v, lang, { maximumFractionDigits: 1 })} ${unit}`}</title>
              </rect>
            ) : null,
          ),
        )}
        <text x={GL} y={12} className="axis-title">
          {t("operations.gate.axis", { unit, days: formatNumber(days, lang) })}
        </text>
        <text x={W - R} y={GH - 4} textAnchor="end" className="axis-title">
          {t("operations.gate.hourAxis")}
        </text>
      </svg>
      <figcaption className="chart-legend small">
        {profile.map((p, i) => (
          <span key={p.terminal}>
            <span
              className="swatch"
              style={{ background: TERMINAL_COLORS[i % TERMINAL_COLORS.length] }}
              aria-hidden="true"
            />{" "}
            {names(p.terminal)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
