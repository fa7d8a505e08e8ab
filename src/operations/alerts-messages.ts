/** Words of `ops alerts` in English and Japanese (the language as the rest of the CLI chooses it). */
import { messages } from "../core/messages.ts";

const en = {
  created: "subscription {id} at {port} → {url}",
  secret: "signing secret (shown this once — keep it to verify deliveries): {secret}",
  noSubscriptions: "no alert subscriptions at {port}",
  removed: "subscription {id} removed, with its deliveries",
  noDeliveries: "no deliveries for {id} yet",
  ping: "ping {id}: {status} ({code}, {ms} ms)",
  colId: "id",
  colOwner: "owner",
  colKinds: "alerts",
  colUrl: "url",
  colActive: "active",
  colCreated: "created ({zone})",
  colType: "type",
  colStatus: "status",
  colAttempts: "tries",
  colLastCode: "last answer",
  colNext: "next try ({zone})",
  yes: "yes",
  no: "no ({reason})",
  st_pending: "pending",
  st_delivered: "delivered",
  st_failed: "failed",
  needKind: "name at least one alert: --watch, --dwell-days, --turn-min or --empty-closed",
};

const ja: typeof en = {
  created: "{port} の購読 {id} を登録 → {url}",
  secret: "署名用シークレット（表示はこの一度のみ。配信の検証用に保管してください）: {secret}",
  noSubscriptions: "{port} のアラート購読はありません",
  removed: "購読 {id} を配信履歴とともに削除しました",
  noDeliveries: "{id} の配信はまだありません",
  ping: "ping {id}: {status}（{code}、{ms} ミリ秒）",
  colId: "ID",
  colOwner: "登録者",
  colKinds: "アラート",
  colUrl: "URL",
  colActive: "有効",
  colCreated: "登録（{zone}）",
  colType: "種類",
  colStatus: "状態",
  colAttempts: "試行",
  colLastCode: "最終応答",
  colNext: "次回試行（{zone}）",
  yes: "はい",
  no: "いいえ（{reason}）",
  st_pending: "送信待ち",
  st_delivered: "配信済",
  st_failed: "失敗",
  needKind: "アラートを一つ以上指定してください: --watch、--dwell-days、--turn-min、--empty-closed",
};

/** Example: alertMsg("st_failed", {}, "ja") → "失敗". */
export const alertMsg = messages({ en, ja });
