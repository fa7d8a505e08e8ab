/**
 * The CLI's own words in English and Japanese. The language follows SP_LANG, then LC_ALL / LANG
 * (ja_JP.UTF-8 → Japanese); command help stays in English, like most command-line tools.
 */
import { messages } from "../core/messages.ts";

const en = {
  listening: "Sister Ports Exchange is serving {url} (database: {db})",
  stopping: "Stopping…",
  migrationsApplied: "Migrations applied: {list}",
  migrationsCurrent: "Database schema is up to date ({count} migrations).",
  portsSynced: "Ports: {inserted} added, {updated} updated, {unchanged} unchanged.",
  colLocode: "LOCODE",
  colName: "Name",
  colTimeZone: "Time zone",
  colLocalTime: "Local time",
  colCurrency: "Currency",
  colTerminals: "Terminals",
  colBerths: "Berths",
  colTerminal: "Terminal",
  colOperator: "Operator",
  colBerthRange: "Berth numbers",
  colBerthList: "Berths drawn",
  applied: "applied",
  pending: "pending",
  error: "error",
  openapiWritten: "OpenAPI document written to {file}",
  demoProgress: "First start: loading demo AIS traffic for both ports… {n} messages",
  demoLoaded:
    "Demo data loaded: {vessels} vessels, {calls} port calls, {reports} AIS facts ({seconds} s). Start with --no-demo (or SP_DEMO=off) to skip it.",
  demoYearAis: "{port} {label}: {facts} AIS facts of {vessels} vessels ({seconds} s)",
  demoYearCalls: "port calls detected: {calls}",
  demoYearDone:
    "{port} {label}: {calls} calls, {tonnes} t CO2e (tailpipe) — npx sisterports emissions inventory --port {port} --year {year}",
  demoOperations:
    "Demo container, gate and rail records of the demo's calls (the same two days as its AIS, at full scale, and arrivals announced for three weeks more): {list} — see the Operations page or npx sisterports ops kpis --port USLAX",
  demoFleet:
    "Demo zero-emission pilots (equipment and four weeks of telemetry): {list} — npx sisterports ze scorecard --port USLAX",
  demoScenarios:
    "Demo rollout scenarios to 2050: {list} — see the Zero emission page or npx sisterports ze targets --port USLAX",
  demoEmissions:
    "Demo emissions inventories of the same two days (ships, equipment, trucks, rail, harbour craft): {list}; demo baselines entered (labelled DEMO WORLD ONLY).",
};

const ja: typeof en = {
  listening: "姉妹港エクスチェンジを {url} で公開しています（データベース: {db}）",
  stopping: "停止しています…",
  migrationsApplied: "適用したマイグレーション: {list}",
  migrationsCurrent: "データベースのスキーマは最新です（マイグレーション {count} 件）。",
  portsSynced: "港湾: 追加 {inserted} 件、更新 {updated} 件、変更なし {unchanged} 件。",
  colLocode: "LOCODE",
  colName: "名称",
  colTimeZone: "タイムゾーン",
  colLocalTime: "現地時刻",
  colCurrency: "通貨",
  colTerminals: "ターミナル数",
  colBerths: "バース数",
  colTerminal: "ターミナル",
  colOperator: "運営者",
  colBerthRange: "バース番号",
  colBerthList: "図示したバース",
  applied: "適用済み",
  pending: "未適用",
  error: "エラー",
  openapiWritten: "OpenAPI 文書を {file} に書き出しました",
  demoProgress: "初回起動: 両港のデモ AIS データを読み込んでいます… {n} 件",
  demoLoaded:
    "デモデータを読み込みました: 船舶 {vessels} 隻、入港 {calls} 件、AIS データ {reports} 件（{seconds} 秒）。読み込まない場合は --no-demo（または SP_DEMO=off）で起動してください。",
  demoYearAis: "{port} {label}: 船舶 {vessels} 隻の AIS データ {facts} 件（{seconds} 秒）",
  demoYearCalls: "検出した入港: {calls} 件",
  demoYearDone:
    "{port} {label}: 入港 {calls} 件、{tonnes} t CO2e（直接排出）— npx sisterports emissions inventory --port {port} --year {year}",
  demoOperations:
    "デモの入港のコンテナ・ゲート・鉄道の記録（AIS と同じ 2 日間、実規模、その後 3 週間の入港予定）: {list} — 運用ページ、または npx sisterports ops kpis --port USLAX で確認できます",
  demoFleet:
    "デモのゼロエミッション実証機（機器と 4 週間分の稼働データ）: {list} — npx sisterports ze scorecard --port JPNGO で確認できます",
  demoScenarios:
    "デモの 2050 年までの導入シナリオ: {list} — ゼロエミッションのページ、または npx sisterports ze targets --port JPNGO で確認できます",
  demoEmissions:
    "同じ 2 日間のデモの排出量インベントリ（船舶・荷役機械・トラック・鉄道・港内作業船）: {list}。基準値（DEMO WORLD ONLY と表示）を登録しました。",
};

export const CLI_CATALOGS = { en, ja };
export type CliMessageKey = keyof typeof en;
/** Example: msg("portsSynced", { inserted: 2, updated: 0, unchanged: 0 }) → "Ports: 2 added, 0 updated, 0 unchanged." */
export const msg = messages(CLI_CATALOGS);
