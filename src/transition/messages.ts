/**
 * Words of the `ze` fleet commands (equipment, telemetry, scorecard) in English and Japanese. The
 * language follows SP_LANG, then LC_ALL / LANG (ja… → Japanese), as the rest of the CLI.
 */
import { messages } from "../core/messages.ts";

const en = {
  ingested: "{file}: {counts}",
  updatedRows: "{n} stored rows updated (changed values)",
  rejectLine: "{file}:{line} {field}: {reason}",
  moreRejects: "… and {n} more rejects (run id {run})",
  noUnits: "no equipment registered for {port}",
  noScorecards: "no zero-emission pilot or in-service units with telemetry at {port}",
  colUnit: "unit",
  colCategory: "category",
  colPowertrain: "powertrain",
  colStatus: "status",
  colProgramme: "programme",
  colReplaces: "replaces",
  colModelYear: "model year",
  colKw: "kW",
  scorecardHeading: "{port} pilot scorecards{window}",
  unitLine: "{unit} — {category}, {powertrain}, {programme}",
  availability: "  availability {value} ({period} h period, {downtime} h down{reasons})",
  energy:
    "  energy {kwh} kWh: {perH} kWh/h, {perMove} kWh/move, {perMile} kWh/mi; H2 {h2} kg ({h2PerH} kg/h, {h2Per100} kg/100 mi)",
  fuelCost: "  fuel cost {value} {currency}/h (prices of {year})",
  noFuelCost: "  fuel cost: no {currency} price for {missing}",
  counterfactual:
    "  diesel counterfactual ({method}): tailpipe {tailpipe} kg CO2, well-to-wheel {wtw} kg CO2e",
  avoided: "  avoided: tailpipe {tailpipe} kg CO2; well-to-wheel {pathways}",
  noCounterfactual: "  avoided emissions: not computed",
  warning: "  note: {text}",
  summary:
    "{port} total: {units} units, {hours} operating h, availability {availability}, tailpipe CO2 avoided {tailpipe} kg",
  hours: "{h} h",
  colPort: "port",
  colKind: "unit kind",
  colUnits: "units",
  colOperator: "operator",
  colStarted: "started",
  colConfidence: "conf.",
  pilotsNote:
    "from data/reference/transition/pilot_projects.csv (NOTES.md §2–§3); confidence A–D as in data/reference/README.md",
  "pathway.grid-electrolysis": "grid electrolysis",
  "pathway.solar-electrolysis": "solar electrolysis",
  "pathway.grey-smr": "natural-gas reforming (SMR)",
  "method.measured_diesel_unit": "metered diesel unit replaced",
  "method.nonroad_engine": "NONROAD engine of the inventory",
  "method.energy_use_table": "equipment energy-use table",
};

const ja: typeof en = {
  ingested: "{file}: {counts}",
  updatedRows: "既存の {n} 行を更新しました（値の変更）",
  rejectLine: "{file}:{line} {field}: {reason}",
  moreRejects: "…ほか {n} 件の却下（実行 ID {run}）",
  noUnits: "{port} に登録された機器はありません",
  noScorecards: "{port} にテレメトリのあるゼロエミッションの実証・稼働中の機器はありません",
  colUnit: "機器",
  colCategory: "種別",
  colPowertrain: "動力",
  colStatus: "状態",
  colProgramme: "プログラム",
  colReplaces: "置換対象",
  colModelYear: "年式",
  colKw: "kW",
  scorecardHeading: "{port} 実証機スコアカード{window}",
  unitLine: "{unit} — {category}、{powertrain}、{programme}",
  availability: "  稼働率 {value}（期間 {period} 時間、停止 {downtime} 時間{reasons}）",
  energy:
    "  エネルギー {kwh} kWh：{perH} kWh/時、{perMove} kWh/荷役、{perMile} kWh/マイル；水素 {h2} kg（{h2PerH} kg/時、{h2Per100} kg/100マイル）",
  fuelCost: "  燃料費 {value} {currency}/時（{year} 年価格）",
  noFuelCost: "  燃料費：{missing} の {currency} 建て価格がありません",
  counterfactual: "  ディーゼル代替比較（{method}）：排気 {tailpipe} kg CO2、Well-to-Wheel {wtw} kg CO2e",
  avoided: "  削減量：排気 {tailpipe} kg CO2；Well-to-Wheel {pathways}",
  noCounterfactual: "  削減量：算定できません",
  warning: "  注記：{text}",
  summary: "{port} 合計：{units} 台、稼働 {hours} 時間、稼働率 {availability}、排気 CO2 削減 {tailpipe} kg",
  hours: "{h} 時間",
  colPort: "港",
  colKind: "機器の種類",
  colUnits: "台数",
  colOperator: "運用者",
  colStarted: "開始",
  colConfidence: "確度",
  pilotsNote:
    "出典：data/reference/transition/pilot_projects.csv（NOTES.md §2–§3）。確度 A–D は data/reference/README.md のとおり",
  "pathway.grid-electrolysis": "系統電力による水電解",
  "pathway.solar-electrolysis": "太陽光による水電解",
  "pathway.grey-smr": "天然ガス改質（SMR）",
  "method.measured_diesel_unit": "置換対象ディーゼル機の実測燃料",
  "method.nonroad_engine": "インベントリと同じ NONROAD 算定",
  "method.energy_use_table": "機器エネルギー使用表",
};

export const fleetMsg = messages({ en, ja });
