/**
 * Words of the non-ship emissions in English and Japanese: import summaries, warnings about
 * activity that could not be estimated, and the assumptions that hold for a whole result. The
 * language follows SP_LANG, then LC_ALL / LANG (ja… → Japanese), as the rest of the CLI.
 */
import { messages } from "../../core/messages.ts";

const en = {
  importSummary:
    "{file} ({kind}): read {read}, accepted {accepted}, rejected {rejected}, duplicates {duplicates}",
  importDetail: "  {added} new, {updated} updated",
  reject: "  {file}:{line} {field}: {reason}",
  moreRejects: "  … and {n} more",
  rejectsWritten: "rejects written to {file} ({n} rows)",
  ignoredColumns: "  ignored columns: {list}",
  unknownPort: "unknown port {port}; known: {known}",
  // warnings
  missing_user_factor:
    '{where}: no user factor for {category} key "{key}" ({pollutants}); this activity is not estimated — import one with `emissions import factors`',
  missing_pollutant_factors:
    '{where}: user factors for {category} key "{key}" have no {pollutants}; those pollutants are not estimated',
  no_energy_reading: "{where}: {label} has no energy_kwh; its electricity (grid line) is not estimated",
  no_energy_rate:
    "{where}: battery-electric trucks without kwh_per_mi; their electricity (grid line) is not estimated",
  no_hydrogen_reading:
    "{where}: {label} has no hydrogen (hydrogen_kg or h2_kg_per_mi); its upstream line is not estimated",
  no_hydrogen_pathway:
    "{where}: {label} has no hydrogen_pathway; its hydrogen upstream line is not estimated",
  unknown_hydrogen_pathway:
    '{where}: hydrogen pathway "{pathway}" is not in hydrogen_carbon_intensity.csv (aliases: {aliases}); its upstream line is not estimated',
  no_emission_factor: "{where}: {label}: no {table} row for {what}; not estimated",
  no_rated_power: "{where}: {label} has no rated power; the {unit} factor cannot be applied",
  no_hours: "{where}: {label} has no hours; not estimated",
  no_useful_life:
    "{where}: {label}: no median life in che_useful_life.csv for {what}; no deterioration applied",
  annual_and_monthly:
    "{where}: {label} has both a whole-year row and monthly rows for {year}; the whole-year row is left out",
  unit_factor_mismatch: "{where}: {label}: factor unit {unit} cannot be applied to this activity",
  no_grid_factor: "{where}: no grid factor for {port} {year}: {reason}",
  che_registry_powertrain:
    "{where}: {label}: the equipment registry gives powertrain {registry}; the activity's {activity} is used",
  che_registry_type:
    "{where}: {label}: the equipment registry gives equipment type {registry}; the activity's {activity} is used",
  // notes
  che_ch4_n2o_not_estimated:
    "CHE: CH4 and N2O are not estimated (no sourced NONROAD factor in the shared tables); CO2e counts CO2 only",
  rail_ch4_n2o_so2_not_estimated:
    "Rail: CH4, N2O and SO2 are not estimated (no sourced locomotive factor); CO2 is fuel × 10.21 kg/gal (fuel_and_hydrogen_constants.csv)",
  ulsd_assumed:
    "Diesel sulfur: {ppm} ppm ultra-low-sulfur diesel assumed for the PM sulfur correction and SO2 (che_fuel_adjustments.csv, confidence D)",
  che_age_start_of_year:
    "CHE deterioration: engine age evaluated at the start of each calendar year, as NONROAD does once per year",
  hybrid_as_diesel:
    "Diesel-electric hybrid CHE is computed as its diesel engine (rated power and hours of that engine); plug-in electricity is a grid line",
  grid_upstream_ghg_only:
    "Grid and upstream lines carry greenhouse gas only (CO2 and CO2e set to the factor's value; the source says whether the factor is CO2 or CO2e)",
  wtw_diesel_only:
    "Well-to-wheel: diesel upstream = tailpipe CO2 × {ratio} (fuel_and_hydrogen_constants.csv); natural gas and LPG upstream not estimated",
  drayage_round_trip: "Drayage: vehicle miles = gate visits × 2 × one-way distance (in and out)",
  drayage_starts_given_only: "Drayage: engine starts are counted only where starts_per_visit is given",
  che_registry:
    "CHE: {matched} of {units} units of the activity are in the port's equipment registry (type and powertrain checked against it)",
  drayage_idle_measured:
    "Drayage: idling per visit is the mean truck turn time measured at the gate (queue + in terminal) for {measured} of {records} activity rows; the others keep the imported idle_min_per_visit",
  user_factors_ch4_n2o_optional:
    "Harbour craft, drayage and LPG/CNG equipment: CH4 and N2O count only where a user factor gives them (CO2e includes them only then)",
  harbor_craft_regulatory_load_factors:
    "Harbour craft: load factors 0.69 propulsion / 0.51 auxiliary are EPA's credit-calculation values (40 CFR 1042.705), a stand-in for vessel-type values that were not found",
};

const ja: typeof en = {
  importSummary:
    "{file}（{kind}）: 読込 {read} 件、採用 {accepted} 件、却下 {rejected} 件、重複 {duplicates} 件",
  importDetail: "  新規 {added} 件、更新 {updated} 件",
  reject: "  {file}:{line} {field}: {reason}",
  moreRejects: "  …ほか {n} 件",
  rejectsWritten: "却下した行を {file} に書き出しました（{n} 行）",
  ignoredColumns: "  読み飛ばした列: {list}",
  unknownPort: "不明な港 {port}。既知の港: {known}",
  missing_user_factor:
    "{where}: {category} のキー「{key}」に利用者係数がありません（{pollutants}）。この活動量は推計していません — `emissions import factors` で係数を取り込んでください",
  missing_pollutant_factors:
    "{where}: {category} のキー「{key}」の利用者係数に {pollutants} がありません。これらの物質は推計していません",
  no_energy_reading: "{where}: {label} に energy_kwh がありません。電力（系統）分は推計していません",
  no_energy_rate: "{where}: バッテリー式トラックに kwh_per_mi がありません。電力（系統）分は推計していません",
  no_hydrogen_reading:
    "{where}: {label} に水素量（hydrogen_kg または h2_kg_per_mi）がありません。上流分は推計していません",
  no_hydrogen_pathway: "{where}: {label} に hydrogen_pathway がありません。水素の上流分は推計していません",
  unknown_hydrogen_pathway:
    "{where}: 水素製造経路「{pathway}」は hydrogen_carbon_intensity.csv にありません（別名: {aliases}）。上流分は推計していません",
  no_emission_factor: "{where}: {label}: {what} に対応する {table} の行がありません。推計していません",
  no_rated_power: "{where}: {label} に定格出力がありません。{unit} の係数を適用できません",
  no_hours: "{where}: {label} に稼働時間がありません。推計していません",
  no_useful_life:
    "{where}: {label}: {what} の中央寿命が che_useful_life.csv にありません。劣化補正は行っていません",
  annual_and_monthly:
    "{where}: {label} は {year} 年に年間の行と月別の行の両方があります。年間の行は除外しました",
  unit_factor_mismatch: "{where}: {label}: 単位 {unit} の係数はこの活動量に適用できません",
  che_registry_powertrain:
    "{where}: {label}: 機器台帳の動力源は {registry} です。活動量の {activity} を用いています",
  che_registry_type:
    "{where}: {label}: 機器台帳の機器種別は {registry} です。活動量の {activity} を用いています",
  no_grid_factor: "{where}: {port} {year} 年の系統電力係数がありません: {reason}",
  che_ch4_n2o_not_estimated:
    "荷役機械: CH4 と N2O は推計していません（共有表に出典のある NONROAD 係数がないため）。CO2e は CO2 のみです",
  rail_ch4_n2o_so2_not_estimated:
    "鉄道: CH4・N2O・SO2 は推計していません（出典のある機関車係数がないため）。CO2 は燃料 × 10.21 kg/gal（fuel_and_hydrogen_constants.csv）です",
  ulsd_assumed:
    "軽油の硫黄分: PM の硫黄補正と SO2 には {ppm} ppm の超低硫黄軽油を仮定しています（che_fuel_adjustments.csv、信頼度 D）",
  che_age_start_of_year: "荷役機械の劣化: エンジンの経年は NONROAD と同様に各暦年の初めで評価しています",
  hybrid_as_diesel:
    "ディーゼル・電気ハイブリッドの荷役機械はディーゼルエンジン（その定格出力と稼働時間）として計算し、外部充電の電力は系統電力として別行にしています",
  grid_upstream_ghg_only:
    "系統電力と上流の行は温室効果ガスのみです（CO2 と CO2e に係数の値を入れています。係数が CO2 か CO2e かは出典に記載）",
  wtw_diesel_only:
    "Well-to-wheel: 軽油の上流 = 排気 CO2 × {ratio}（fuel_and_hydrogen_constants.csv）。天然ガス・LPG の上流は推計していません",
  drayage_round_trip: "ドレージ: 走行距離 = ゲート通過回数 × 2 × 片道距離（往復）",
  drayage_starts_given_only: "ドレージ: エンジン始動は starts_per_visit が与えられた場合のみ数えています",
  che_registry:
    "荷役機械: 活動量の {units} 台のうち {matched} 台が港の機器台帳にあります（機器種別と動力源を台帳と照合しました）",
  drayage_idle_measured:
    "ドレージ: 活動量 {records} 行のうち {measured} 行は、1 回あたりのアイドリング時間にゲートで計測したトラックの平均ターンタイム（待機 + ターミナル内）を用いています。残りは取り込んだ idle_min_per_visit のままです",
  user_factors_ch4_n2o_optional:
    "港内作業船・ドレージ・LPG/CNG の荷役機械: CH4 と N2O は利用者係数がある場合のみ計上します（CO2e にもその場合のみ含まれます）",
  harbor_craft_regulatory_load_factors:
    "港内作業船: 負荷率 0.69（推進）/ 0.51（補機）は EPA のクレジット計算用の値（40 CFR 1042.705）で、見つからなかった船種別の値の代用です",
};

export const NONSHIP_CATALOGS = { en, ja };
export type NonshipMessageKey = keyof typeof en;

/** Whether a code (from a stored inventory's warnings) has words in the catalogs. */
export const isNonshipMessageKey = (code: string): code is NonshipMessageKey => Object.hasOwn(en, code);

/** Example: nonshipMessage("moreRejects", { n: 3 }, "en") → "  … and 3 more". */
export const nonshipMessage = messages(NONSHIP_CATALOGS);
