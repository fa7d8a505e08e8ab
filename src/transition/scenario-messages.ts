/**
 * Words of the `ze scenario …` and `ze targets` commands in English and Japanese (language as the
 * rest of the CLI: SP_LANG, then LC_ALL / LANG).
 */
import { messages } from "../core/messages.ts";

const en = {
  heading: '{port} scenario "{name}" {from}–{to} (method {method}; money in {currency}{priceYear})',
  colYear: "year",
  colUnits: "units",
  colZeChe: "ZE CHE %",
  colZeDray: "ZE drayage %",
  colWtw: "WTW t CO2e",
  colTailpipe: "tailpipe t CO2e",
  colNox: "NOx t",
  colH2: "H2 t/yr",
  colH2Peak: "H2 peak kg/day",
  colMwh: "electricity MWh/yr",
  colPeakKw: "peak kW",
  colStations: "stations",
  colCapex: "capex {currency}",
  colUnpriced: "unpriced units",
  colOpex: "opex {currency}",
  colBought: "bought",
  colEarly: "retired early",
  earlyHeading: "Early retirements forced by targets or extra replacements:",
  colCategory: "type",
  colPowertrain: "powertrain",
  colModelYear: "model year",
  colLifeLeft: "life left (years)",
  colReason: "reason",
  gapHeading: "Gap to targets ({port}):",
  gapMet: "  {program} — {metric}, {target} {unit} by {year}: scenario {value} → met",
  gapNotMet: "  {program} — {metric}, {target} {unit} by {year}: scenario {value} → NOT met",
  gapUnknown: "  {program} — {metric}, {target} {unit} by {year}: {note}",
  gapGhg: "    allowed {required} t CO2e, scenario {scenario} t (baseline {baseline} t, {baselineSource})",
  replaceLine:
    "    replace {units} {category} by {year} ({early} before end of life, {natural} as purchases; cuts {avoided} t)",
  gapNote: "    {note}",
  costsMissing: "No price for: {list} (capex counts priced purchases only)",
  assumptionsHeading: "Assumptions ({n}); all with their source in --json",
  assumption: "  {name} = {value} {unit}",
  warning: "note: {text}",
  saved: 'saved {port} scenario "{name}" ({years} years computed{replaced})',
  replaced: "; replaced the one saved before",
  noScenarios: "no scenarios saved for {port}",
  colName: "name",
  colYears: "years",
  colSavedAt: "saved (UTC)",
  colZe2030: "ZE CHE % 2030",
  colWtwHorizon: "WTW t CO2e at horizon",
  compareHeading: '{port}: "{b}" − "{a}" (money in {currency})',
  colDiffWtw: "Δ WTW t CO2e",
  colDiffZe: "Δ ZE CHE pts",
  colDiffH2: "Δ H2 t/yr",
  colDiffMwh: "Δ MWh/yr",
  colDiffCapex: "Δ capex",
  targetsHeading: "Targets {port} tracks (data/reference/transition/targets_caap_cnp.csv):",
  targetLine: "  {program} — {metric}: {value} {unit} by {year}{baseline} ({source})",
  "n.registryNoYear": "{n} registry units without a model year: taken at half their useful life",
  "n.registryPowertrain": "{n} registry units with powertrain {from} counted as {to}",
  "n.notEstimated":
    "{category}: emissions and energy not estimated (no activity defaults or sourced factors for this type)",
  "n.extraShort": "{year}: {category}: {missing} of {units} extra replacements found no non-ZE unit",
  "n.atEndShort":
    "{year}: {category}: {done} of {units} units to replace by {powertrain} reached end of life (useful life honoured: the rest stay)",
  "n.unknownPathway": 'unknown hydrogen pathway "{pathway}": hydrogen upstream not estimated',
  "n.calibration":
    "{category}: the inventory engine gives a new {kw} kW diesel unit {engine} kg CO2 per operating hour; the measured {where} is {measured} kg/h — set activity.{category}.loadFactor to {ratio} × the load factor used to calibrate",
  "n.drayageCo2Only":
    "diesel drayage: CO2 only (diesel CO2 per gallon ÷ mi/gal); NOx and PM need EMFAC/MOVES rates not in the reference tables",
  "n.engine": "inventory engine: {text}",
  "n.noStation": 'no hydrogen_supply_reference.csv facility "{facility}" with a kg/day: stations not counted',
  "n.priceYears": "money: price years as the sources give them, not adjusted for inflation",
  "n.outsideYears": "the scenario covers {from}–{to}, not {year}",
  "n.noUnits": "no {what} units in the scenario",
  "n.unitsToReplace": "{units} units to replace by {year}",
  "n.met": "met",
  "n.baselineYearDiffers": "the given baseline is for {given}, the target's for {target}",
  "n.baselineProxy":
    "baseline proxy: {year} (no {target} baseline given) — read the result as the cut from {year}",
  "n.residual":
    "replacing every non-ZE unit still leaves {tonnes} t CO2e: electricity and hydrogen at the tables' intensities (grid held at the latest year known; hydrogen pathway {pathway})",
  "n.fiscalYears": "scenario years are calendar years; the target counts fiscal years (April–March)",
};

const ja: typeof en = {
  heading: "{port} シナリオ「{name}」{from}–{to}（手法 {method}、金額 {currency}{priceYear}）",
  colYear: "年",
  colUnits: "台数",
  colZeChe: "ゼロエミ荷役機械 %",
  colZeDray: "ゼロエミ・ドレージ %",
  colWtw: "WTW t CO2e",
  colTailpipe: "排気 t CO2e",
  colNox: "NOx t",
  colH2: "水素 t/年",
  colH2Peak: "水素ピーク kg/日",
  colMwh: "電力 MWh/年",
  colPeakKw: "ピーク kW",
  colStations: "ステーション数",
  colCapex: "設備費 {currency}",
  colUnpriced: "価格なし台数",
  colOpex: "エネルギー費 {currency}",
  colBought: "購入",
  colEarly: "早期退役",
  earlyHeading: "目標または追加更新による早期退役：",
  colCategory: "機種",
  colPowertrain: "動力",
  colModelYear: "年式",
  colLifeLeft: "残り耐用年数",
  colReason: "理由",
  gapHeading: "目標とのギャップ（{port}）：",
  gapMet: "  {program} — {metric}、{year} 年までに {target} {unit}：シナリオ {value} → 達成",
  gapNotMet: "  {program} — {metric}、{year} 年までに {target} {unit}：シナリオ {value} → 未達",
  gapUnknown: "  {program} — {metric}、{year} 年までに {target} {unit}：{note}",
  gapGhg: "    許容 {required} t CO2e、シナリオ {scenario} t（基準 {baseline} t、{baselineSource}）",
  replaceLine:
    "    {year} 年までに {category} を {units} 台更新（耐用年数前 {early} 台、購入時の選択 {natural} 台、削減 {avoided} t）",
  gapNote: "    {note}",
  costsMissing: "価格がありません：{list}（設備費は価格のある購入のみ）",
  assumptionsHeading: "前提（{n} 件、出典は --json で表示）",
  assumption: "  {name} = {value} {unit}",
  warning: "注記：{text}",
  saved: "{port} のシナリオ「{name}」を保存しました（{years} 年分を計算{replaced}）",
  replaced: "、以前の保存を置き換え",
  noScenarios: "{port} に保存されたシナリオはありません",
  colName: "名前",
  colYears: "期間",
  colSavedAt: "保存（UTC）",
  colZe2030: "2030 年ゼロエミ荷役機械 %",
  colWtwHorizon: "最終年 WTW t CO2e",
  compareHeading: "{port}：「{b}」−「{a}」（金額 {currency}）",
  colDiffWtw: "Δ WTW t CO2e",
  colDiffZe: "Δ ゼロエミ荷役機械 pt",
  colDiffH2: "Δ 水素 t/年",
  colDiffMwh: "Δ MWh/年",
  colDiffCapex: "Δ 設備費",
  targetsHeading: "{port} の目標（data/reference/transition/targets_caap_cnp.csv）：",
  targetLine: "  {program} — {metric}：{year} 年までに {value} {unit}{baseline}（{source}）",
  "n.registryNoYear": "年式のない登録機 {n} 台：耐用年数の半ばとして扱いました",
  "n.registryPowertrain": "動力 {from} の登録機 {n} 台を {to} として数えました",
  "n.notEstimated":
    "{category}：この機種には活動量の既定値も出典のある係数もないため、排出量とエネルギーは推計していません",
  "n.extraShort":
    "{year} 年 {category}：追加更新 {units} 台のうち {missing} 台は対象となる非ゼロエミ機がありません",
  "n.atEndShort":
    "{year} 年 {category}：{powertrain} への更新 {units} 台のうち耐用年数に達したのは {done} 台です（耐用年数を守るため残りは更新しません）",
  "n.unknownPathway": "水素の製造経路「{pathway}」が不明：水素の上流排出は推計していません",
  "n.calibration":
    "{category}：インベントリ算定エンジンでは新しい {kw} kW ディーゼル機が稼働 1 時間あたり {engine} kg CO2、実測（{where}）は {measured} kg/時 — 校正には activity.{category}.loadFactor を現在の負荷率の {ratio} 倍に設定してください",
  "n.drayageCo2Only":
    "ディーゼル・ドレージ：CO2 のみ（ガロンあたり CO2 ÷ マイル/ガロン）。NOx・PM には参照表にない EMFAC/MOVES の係数が必要です",
  "n.engine": "インベントリ算定エンジンの注記：{text}",
  "n.noStation":
    "hydrogen_supply_reference.csv に kg/日 のある施設「{facility}」がないため、ステーション数は数えていません",
  "n.priceYears": "金額：出典の価格年のまま、物価調整はしていません",
  "n.outsideYears": "シナリオの期間は {from}–{to} で、{year} 年を含みません",
  "n.noUnits": "シナリオに {what} がありません",
  "n.unitsToReplace": "{year} 年までに {units} 台の更新が必要",
  "n.met": "達成",
  "n.baselineYearDiffers": "与えられた基準は {given} 年、目標の基準年は {target} 年です",
  "n.baselineProxy":
    "基準の代用：{target} 年の基準がないため {year} 年の値を使用 — {year} 年からの削減として読んでください",
  "n.residual":
    "非ゼロエミ機をすべて更新しても {tonnes} t CO2e が残ります：参照表の原単位による電力と水素（系統は最新の既知年で固定、水素の製造経路 {pathway}）",
  "n.fiscalYears": "シナリオは暦年、目標は年度（4 月–3 月）です",
};

export const scenarioMsg = messages({ en, ja });

/** A note of a scenario result: code, values, and its English text (the API's; the CLI words it per language). */
export interface ScenarioNote {
  code: string;
  params: Record<string, string | number>;
  text: string;
}
export type NoteCode = keyof typeof en & `n.${string}`;

export function note(code: NoteCode, params: Record<string, string | number> = {}): ScenarioNote {
  return { code, params, text: scenarioMsg(code, params, "en") };
}

/** A note in the reader's language. */
export function noteText(n: ScenarioNote): string {
  return n.code in en ? scenarioMsg(n.code as keyof typeof en, n.params) : n.text;
}
