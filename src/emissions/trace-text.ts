/**
 * The words of trace steps (what emits, adjustment names, activity and factor units) in a form that
 * does not depend on the reader's language: a code and its parameters (model.ts TraceText). The
 * English strings a TraceStep also carries (`what`, `name`, `activityUnit`) are rendered from it with
 * the English table below, so both forms always agree; the CLI renders Japanese with the Japanese
 * table, the portal with its own catalogs (web/src/i18n, `emissions.trace.*`; a test keeps those
 * catalogs equal to these tables). Source citations (table file and line) stay as they are.
 */
import type { Pollutant, TraceAdjustment, TraceStep, TraceText, TraceValue } from "./model.ts";

const en = {
  // What emits
  "what.ogvMain": "main engine {engine}, {mode}",
  "what.ogvAux": "aux engine {engine}, {mode}",
  "what.ogvBoiler": "boiler, {mode}",
  "what.cheUnit": "{equipment} ({powertrain}) {unit}",
  "what.harborCraft": "{vessel} {use} ({count} × {power})",
  "what.harborCraftEngine": "{vessel} {use} {engine} ({count} × {power})",
  "what.drayage": "{powertrain} trucks at {terminal}",
  "what.drayageGroup": "{powertrain} trucks MY{group} at {terminal}",
  "what.drayageKwh": "{what}: {vmt} mi × {rate} kWh/mi ({source})",
  "what.drayageH2": "{what}: {vmt} mi × {rate} kg/mi ({source})",
  "what.rail": "{service} locomotives, {tier}",
  "what.railGroup": "{service} locomotives, {tier} ({id})",
  // EPA operating modes (auxiliary and boiler loads)
  "epaMode.Transit": "Transit",
  "epaMode.Maneuvering": "Maneuvering",
  "epaMode.Anchorage": "Anchorage",
  "epaMode.Berth": "Berth",
  // Cargo-handling equipment types and powertrains (nonship/vocab.ts labels)
  "cheEquipment.yard_tractor": "yard tractor",
  "cheEquipment.rtg": "RTG crane",
  "cheEquipment.sts_crane": "STS crane (diesel)",
  "cheEquipment.top_handler": "top handler",
  "cheEquipment.side_handler": "side handler",
  "cheEquipment.reach_stacker": "reach stacker",
  "cheEquipment.empty_container_handler": "empty container handler",
  "cheEquipment.straddle_carrier": "straddle carrier",
  "cheEquipment.forklift": "forklift",
  "cheEquipment.rubber_tired_loader": "rubber-tired loader",
  "cheEquipment.sweeper": "sweeper",
  "cheEquipment.aerial_lift": "aerial lift",
  "cheEquipment.excavator": "excavator",
  "cheEquipment.dozer": "dozer",
  "cheEquipment.backhoe": "backhoe",
  "chePowertrain.diesel": "diesel",
  "chePowertrain.hybrid": "diesel-electric hybrid",
  "chePowertrain.lpg": "LPG",
  "chePowertrain.cng": "CNG",
  "chePowertrain.battery_electric": "battery-electric",
  "chePowertrain.fuel_cell": "hydrogen fuel cell",
  "engineUse.propulsion": "propulsion",
  "engineUse.auxiliary": "auxiliary",
  "drayagePowertrain.diesel": "diesel",
  "drayagePowertrain.natural_gas": "natural gas",
  "drayagePowertrain.battery_electric": "battery-electric",
  "drayagePowertrain.fuel_cell": "fuel cell",
  "railService.line-haul": "line-haul",
  "railService.switch": "switch",
  // Pollutants as adjustment names write them (LLAF nox)
  "pollutant.nox": "nox",
  "pollutant.pm10": "pm10",
  "pollutant.pm25": "pm25",
  "pollutant.dpm": "dpm",
  "pollutant.so2": "so2",
  "pollutant.co": "co",
  "pollutant.hc": "hc",
  "pollutant.co2": "co2",
  "pollutant.ch4": "ch4",
  "pollutant.n2o": "n2o",
  // Adjustments (the name's short form; its detail follows in brackets)
  "adj.llaf": "LLAF {pollutant}",
  "adj.tier3LowLoad": "Tier III below {pct} % load: Tier II factor",
  "adj.loadBasedBsfc": "load-based BSFC",
  "adj.sfcLoadCurve": "SFC load curve",
  "adj.loadFactor": "load factor",
  "adj.deterioration": "DF = 1 + {a} × min({age}, cap {cap})^{b}",
  "adj.pmSulfur":
    "PM sulfur correction: − {bsfc} lb/bhp-hr × {gPerLb} × {ratio} × {conv} × 0.01 × ({sBase} − {sActual}) % S = − {grams} g/bhp-hr",
  "adj.pm25Ratio": "PM2.5/PM10",
  "adj.yearShare": "{days}/{yearDays} of the year",
  "adj.monthShare": "month share {share}",
  "adj.bhpHrPerGal": "bhp-hr/gal",
  "adj.cycleMeanPower": "cycle-mean power",
  // Details of adjustments that are more than a citation
  "detail.llafEquation": "ogv_llaf_coefficients.csv (EPA equation, ShipEF calcLLAF)",
  "detail.sfcLoadCurve": "Fourth IMO GHG Study Eq. 10; pilot and slip constant",
  "detail.loadFactorGiven": "load factor {value} given with the unit — {source}",
  "detail.deterioration": "che_deterioration.csv: line {line}; {age}",
  "detail.age":
    "age {age} = {hours} h × {lf} / {life} h median life (che_useful_life.csv: line {line}{note}; {cumulative})",
  "detail.nearestLifeBand": " (no band for this power in the table; nearest band {min}-{max} hp)",
  "detail.hourMeter": "hour meter {hours} h at the start of {year}",
  "detail.yearsOfUse": "{years} years × {hours} h/yr ({source})",
  // Sources with words in them (the citations inside stay as written)
  "source.imo4Path": "{source} [Fourth IMO GHG Study path]",
  "source.epaUnderImo4": "{source} [EPA factor: the imo4 method changes CO2, CH4 and N2O only]",
  "source.dpmDiesel": "DPM = PM10 for diesel engines",
  "source.dpmDieselReadme": "DPM = PM10 for diesel engines (nonship README)",
  "source.dpmRail": "DPM = PM10 (nonship README, locomotives)",
  "source.noExhaust": "{powertrain}: no exhaust emissions",
  "source.meteredDiesel": "metered diesel: {amount} × {source}",
  "source.pmAfterDf": "PM10 after DF and sulfur correction × {source}",
  "source.so2Balance":
    "SO2 = BSFC {bsfc} lb/bhp-hr × {gPerLb} × (1 − {conv}) × 0.01 × {sulfur} % S × 64/32 (sulfur mass balance; {sources})",
  "source.defaultPathway": "{source}; pathway by default option",
  "source.userFactor":
    'user factor {category} "{key}" {pollutant} {value} {unit}{converted}{where} — source: {source}',
  // Units with words in them
  "unit.h": "h",
  "unit.mi": "mi",
  "unit.galUnit": "gal",
  "unit.gPerMi": "g/mi",
  "unit.gPerH": "g/h",
  "unit.gPerStart": "g/start",
  "unit.gCo2PerGal": "g CO2/gal",
  "unit.upstreamPerCo2": "g CO2e upstream / g CO2",
  "unit.gCo2Tailpipe": "g CO2 (tailpipe)",
  "unit.kgCo2Metered": "kg CO2 from metered fuel",
  "unit.kwhRated": "kWh at rated power",
  "unit.hpHRated": "hp·h at rated power",
  "unit.hpHRatedOf": "hp·h at rated power ({power} × {hours} h)",
  "unit.kwhRatedCraft": "kWh at rated power ({count} × {kw} kW × {hours} h)",
  "unit.hpHRatedRail": "hp·h at rated power ({hours} locomotive-hours × {power})",
  "unit.miVisits": "mi ({visits} visits × 2 × {distance})",
  "unit.miles": "{value} mi",
  "unit.kmMiles": "{km} km = {mi} mi",
  "unit.idleH": "h idling ({visits} visits × {minutes} min ÷ 60)",
  "unit.idleHMeasured":
    "h idling ({visits} visits × {minutes} min ÷ 60; mean turn time of {timed} timed gate visits, in place of the assumed {assumed} min)",
  "unit.starts": "starts ({visits} visits × {perVisit})",
  "unit.galOf": "gal ({gallons})",
  "unit.gal": "{value} gal",
  "unit.litresGal": "{litres} L = {gal} gal",
  "unit.bhpHrGal": "{bhpHr} bhp-hr ÷ {conv} bhp-hr/gal",
};

export type TraceCode = keyof typeof en;

const ja: Record<TraceCode, string> = {
  "what.ogvMain": "主機 {engine}、{mode}",
  "what.ogvAux": "補機 {engine}、{mode}",
  "what.ogvBoiler": "ボイラー、{mode}",
  "what.cheUnit": "{equipment}（{powertrain}）{unit}",
  "what.harborCraft": "{vessel} {use}（{count} 基 × {power}）",
  "what.harborCraftEngine": "{vessel} {use} {engine}（{count} 基 × {power}）",
  "what.drayage": "{terminal} の{powertrain}トラック",
  "what.drayageGroup": "{terminal} の{powertrain}トラック（{group} 年式）",
  "what.drayageKwh": "{what}: {vmt} マイル × {rate} kWh/マイル（{source}）",
  "what.drayageH2": "{what}: {vmt} マイル × 水素 {rate} kg/マイル（{source}）",
  "what.rail": "{service}機関車、{tier}",
  "what.railGroup": "{service}機関車、{tier}（{id}）",
  "epaMode.Transit": "航行",
  "epaMode.Maneuvering": "操船",
  "epaMode.Anchorage": "錨泊",
  "epaMode.Berth": "係留（着岸）中",
  "cheEquipment.yard_tractor": "ヤードトラクター",
  "cheEquipment.rtg": "タイヤ式門型クレーン（RTG）",
  "cheEquipment.sts_crane": "岸壁クレーン（ディーゼル）",
  "cheEquipment.top_handler": "トップハンドラー",
  "cheEquipment.side_handler": "サイドハンドラー",
  "cheEquipment.reach_stacker": "リーチスタッカー",
  "cheEquipment.empty_container_handler": "空コンテナハンドラー",
  "cheEquipment.straddle_carrier": "ストラドルキャリア",
  "cheEquipment.forklift": "フォークリフト",
  "cheEquipment.rubber_tired_loader": "ホイールローダー",
  "cheEquipment.sweeper": "路面清掃車",
  "cheEquipment.aerial_lift": "高所作業車",
  "cheEquipment.excavator": "油圧ショベル",
  "cheEquipment.dozer": "ブルドーザー",
  "cheEquipment.backhoe": "バックホー",
  "chePowertrain.diesel": "ディーゼル",
  "chePowertrain.hybrid": "ディーゼル・電気ハイブリッド",
  "chePowertrain.lpg": "LPG",
  "chePowertrain.cng": "CNG",
  "chePowertrain.battery_electric": "バッテリー式",
  "chePowertrain.fuel_cell": "水素燃料電池",
  "engineUse.propulsion": "推進機関",
  "engineUse.auxiliary": "補機",
  "drayagePowertrain.diesel": "ディーゼル",
  "drayagePowertrain.natural_gas": "天然ガス",
  "drayagePowertrain.battery_electric": "バッテリー式",
  "drayagePowertrain.fuel_cell": "燃料電池",
  "railService.line-haul": "本線用",
  "railService.switch": "入換用",
  "pollutant.nox": "NOx",
  "pollutant.pm10": "PM10",
  "pollutant.pm25": "PM2.5",
  "pollutant.dpm": "DPM",
  "pollutant.so2": "SO2",
  "pollutant.co": "CO",
  "pollutant.hc": "HC",
  "pollutant.co2": "CO2",
  "pollutant.ch4": "CH4",
  "pollutant.n2o": "N2O",
  "adj.llaf": "低負荷補正係数 {pollutant}",
  "adj.tier3LowLoad": "負荷 {pct} % 未満の Tier III 機関: Tier II の係数を適用",
  "adj.loadBasedBsfc": "負荷に応じた燃料消費率（BSFC）",
  "adj.sfcLoadCurve": "燃料消費率（SFC）の負荷曲線",
  "adj.loadFactor": "負荷率",
  "adj.deterioration": "劣化係数 DF = 1 + {a} × min({age}, 上限 {cap})^{b}",
  "adj.pmSulfur":
    "PM の燃料硫黄分補正: − {bsfc} lb/bhp-hr × {gPerLb} × {ratio} × {conv} × 0.01 × ({sBase} − {sActual}) % S = − {grams} g/bhp-hr",
  "adj.pm25Ratio": "PM2.5/PM10",
  "adj.yearShare": "年間の {days}/{yearDays}",
  "adj.monthShare": "月への配分 {share}",
  "adj.bhpHrPerGal": "bhp-hr/ガロン",
  "adj.cycleMeanPower": "デューティサイクル平均出力率",
  "detail.llafEquation": "ogv_llaf_coefficients.csv（EPA の式、ShipEF calcLLAF）",
  "detail.sfcLoadCurve": "第4次 IMO GHG 調査 式10、パイロット燃料とメタンスリップは一定",
  "detail.loadFactorGiven": "機器ごとに与えられた負荷率 {value} — {source}",
  "detail.deterioration": "che_deterioration.csv: {line} 行目、{age}",
  "detail.age":
    "経年 {age} = {hours} h × {lf} / 中央寿命 {life} h（che_useful_life.csv: {line} 行目{note}、{cumulative}）",
  "detail.nearestLifeBand": "（表にこの出力の区分がないため、最も近い {min}-{max} hp の区分を使用）",
  "detail.hourMeter": "{year} 年初めのアワーメーター {hours} h",
  "detail.yearsOfUse": "{years} 年 × {hours} h/年（{source}）",
  "source.imo4Path": "{source}［第4次 IMO GHG 調査の方法］",
  "source.epaUnderImo4": "{source}［EPA の係数: imo4 の方法で変わるのは CO2、CH4、N2O のみ］",
  "source.dpmDiesel": "DPM = PM10（ディーゼル機関）",
  "source.dpmDieselReadme": "DPM = PM10（ディーゼル機関、nonship README）",
  "source.dpmRail": "DPM = PM10（nonship README、機関車）",
  "source.noExhaust": "{powertrain}: 排気ガスなし",
  "source.meteredDiesel": "計量した軽油: {amount} × {source}",
  "source.pmAfterDf": "劣化係数と硫黄分補正の後の PM10 × {source}",
  "source.so2Balance":
    "SO2 = BSFC {bsfc} lb/bhp-hr × {gPerLb} × (1 − {conv}) × 0.01 × {sulfur} % S × 64/32（硫黄の物質収支、{sources}）",
  "source.defaultPathway": "{source}、製造経路は既定のオプションによる",
  "source.userFactor":
    "利用者係数 {category}「{key}」{pollutant} {value} {unit}{converted}{where} — 出典: {source}",
  "unit.h": "時間",
  "unit.mi": "マイル",
  "unit.galUnit": "ガロン",
  "unit.gPerMi": "g/マイル",
  "unit.gPerH": "g/時間",
  "unit.gPerStart": "g/始動1回",
  "unit.gCo2PerGal": "g CO2/ガロン",
  "unit.upstreamPerCo2": "上流 g CO2e / 排気 g CO2",
  "unit.gCo2Tailpipe": "g CO2（排気管）",
  "unit.kgCo2Metered": "kg CO2（計量した燃料量から）",
  "unit.kwhRated": "定格出力換算 kWh",
  "unit.hpHRated": "定格出力換算 hp·h",
  "unit.hpHRatedOf": "定格出力換算 hp·h（{power} × {hours} h）",
  "unit.kwhRatedCraft": "定格出力換算 kWh（{count} 基 × {kw} kW × {hours} h）",
  "unit.hpHRatedRail": "定格出力換算 hp·h（機関車稼働 {hours} 時間 × {power}）",
  "unit.miVisits": "マイル（{visits} 回 × 2 × {distance}）",
  "unit.miles": "{value} マイル",
  "unit.kmMiles": "{km} km = {mi} マイル",
  "unit.idleH": "アイドリング時間（{visits} 回 × {minutes} 分 ÷ 60）",
  "unit.idleHMeasured":
    "アイドリング時間（{visits} 回 × {minutes} 分 ÷ 60。ゲート記録 {timed} 件の平均ターンタイム、想定値 {assumed} 分に代えて）",
  "unit.starts": "始動回数（{visits} 回 × {perVisit}）",
  "unit.galOf": "ガロン（{gallons}）",
  "unit.gal": "{value} ガロン",
  "unit.litresGal": "{litres} L = {gal} ガロン",
  "unit.bhpHrGal": "{bhpHr} bhp-hr ÷ {conv} bhp-hr/ガロン",
};

export const TRACE_CATALOGS = { en, ja: ja as typeof en };
export type TraceLanguage = keyof typeof TRACE_CATALOGS;

/** A text of the tables above. Example: traceText("epaMode.Berth") → { code: "epaMode.Berth" }. */
export function traceText(code: TraceCode, params?: Record<string, TraceValue>): TraceText {
  return params === undefined ? { code } : { code, params };
}

/**
 * A trace value in a language: strings and numbers as they are, texts by their table (parameters
 * rendered first, so a text can hold texts). An unknown code renders as itself.
 * Example: renderTrace({ code: "what.ogvAux", params: { engine: "MSD", mode: { code: "epaMode.Berth" } } }, "ja")
 * → "補機 MSD、係留（着岸）中".
 */
export function renderTrace(value: TraceValue, lang: TraceLanguage = "en"): string {
  if (typeof value !== "object") return String(value);
  // Every step renders its English strings: a text shared by many steps (what emits, an LLAF name)
  // is rendered once. Texts are never changed after they are made.
  const cached = lang === "en" ? ENGLISH.get(value) : undefined;
  if (cached !== undefined) return cached;
  const template: string | undefined = TRACE_CATALOGS[lang][value.code as TraceCode];
  if (template === undefined) return value.code;
  const params = value.params;
  const out = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const p = params?.[name];
    return p === undefined ? whole : renderTrace(p, lang);
  });
  if (lang === "en") ENGLISH.set(value, out);
  return out;
}

const ENGLISH = new WeakMap<TraceText, string>();

/** An adjustment's name in a language: "short (detail)", as the English `name` is written. */
export function renderAdjustmentName(
  a: { text: TraceText; detail?: TraceValue },
  lang: TraceLanguage = "en",
): string {
  const short = renderTrace(a.text, lang);
  if (a.detail === undefined) return short;
  const detail = renderTrace(a.detail, lang);
  return lang === "ja" ? `${short}（${detail}）` : `${short} (${detail})`;
}

/** Plain unit strings that have words in them, by their text code. */
const UNIT_CODES: Record<string, TraceCode> = {
  h: "unit.h",
  mi: "unit.mi",
  gal: "unit.galUnit",
  "g/mi": "unit.gPerMi",
  "g/h": "unit.gPerH",
  "g/start": "unit.gPerStart",
  "g CO2/gal": "unit.gCo2PerGal",
  "g CO2e upstream / g CO2": "unit.upstreamPerCo2",
  "g CO2 (tailpipe)": "unit.gCo2Tailpipe",
  "kg CO2 from metered fuel": "unit.kgCo2Metered",
  "kWh at rated power": "unit.kwhRated",
  "hp·h at rated power": "unit.hpHRated",
};

/**
 * A unit as a text when it has words to translate, else null (symbols such as "kWh", "g/kWh",
 * "g/bhp-hr" read the same in both languages). Example: unitText("g/mi") → { code: "unit.gPerMi" }.
 */
export function unitText(unit: TraceValue): TraceText | null {
  if (typeof unit === "object") return unit;
  const code = UNIT_CODES[String(unit)];
  return code === undefined ? null : { code };
}

/** An adjustment with its English name. Example: adjustment(0.59, traceText("adj.loadFactor"), "che_load_factors.csv: line 4"). */
export function adjustment(value: number, text: TraceText, detail?: TraceValue): TraceAdjustment {
  const a: TraceAdjustment = { name: "", value, text };
  if (detail !== undefined) a.detail = detail;
  a.name = renderAdjustmentName(a);
  return a;
}

/**
 * A trace step from its language-independent parts, with the English strings rendered from them.
 * Units may be plain strings: those with words get their text (unitText).
 */
export function traceStep(parts: {
  what: TraceText;
  pollutant: Pollutant;
  activity: number;
  activityUnit: TraceValue;
  factor: number;
  factorUnit: TraceValue;
  adjustments: TraceAdjustment[];
  grams: number;
  /** A citation, or a text when the source has words of its own. */
  source: TraceValue;
}): TraceStep {
  const s: TraceStep = {
    what: renderTrace(parts.what),
    whatText: parts.what,
    pollutant: parts.pollutant,
    activity: parts.activity,
    activityUnit: renderTrace(parts.activityUnit),
    factor: parts.factor,
    factorUnit: renderTrace(parts.factorUnit),
    adjustments: parts.adjustments,
    grams: parts.grams,
    source: renderTrace(parts.source),
  };
  if (typeof parts.source === "object") s.sourceText = parts.source;
  const au = unitText(parts.activityUnit);
  if (au !== null) s.activityUnitText = au;
  const fu = unitText(parts.factorUnit);
  if (fu !== null) s.factorUnitText = fu;
  return s;
}

/**
 * A trace step's words in a language (the English strings where a step has no texts).
 * Example: a CHE step in "ja" → what "ヤードトラクター（ディーゼル）YT-014", adjustment "負荷率（…）".
 */
export function renderStep(
  s: TraceStep,
  lang: TraceLanguage,
): {
  what: string;
  activityUnit: string;
  factorUnit: string;
  adjustments: { name: string; value: number }[];
  source: string;
} {
  const unit = (text: TraceText | undefined, plain: string) =>
    text ? renderTrace(text, lang) : renderTrace(unitText(plain) ?? plain, lang);
  return {
    what: s.whatText ? renderTrace(s.whatText, lang) : s.what,
    activityUnit: unit(s.activityUnitText, s.activityUnit),
    factorUnit: unit(s.factorUnitText, s.factorUnit),
    adjustments: s.adjustments.map((a) => ({
      name: a.text ? renderAdjustmentName(a, lang) : a.name,
      value: a.value,
    })),
    source: s.sourceText ? renderTrace(s.sourceText, lang) : s.source,
  };
}
