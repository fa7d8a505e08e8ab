/** Words of `ops alerts` in English and Japanese (the language as the rest of the CLI chooses it). */
import { messages } from "../core/messages.ts";

const en = {
  created: "subscription {id} at {port} → {url}",
  secret: "signing secret (shown this once — keep it to verify deliveries): {secret}",
  noSubscriptions: "no alert subscriptions at {port}",
  removed: "subscription {id} removed, with its deliveries",
  enabled:
    "subscription {id} enabled: alerts from {since} ({zone}) on are delivered; nothing older is resent",
  alreadyEnabled: "subscription {id} is enabled already",
  disabled:
    "subscription {id} disabled: nothing is delivered (its pending deliveries failed) until `ops alerts enable`",
  alreadyDisabled: "subscription {id} is disabled already",
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
  targetExpected:
    "a URL whose host is a public address: {address} is {why}, and this node calls such addresses only when SP_ALERTS_ALLOW_PRIVATE allows them (1, or a list of CIDR ranges)",
  targetRefused: "--url {url}: refused — {expected}",
  why_loopback: "a loopback address (this machine itself)",
  why_private: "a private network address (RFC 1918 or IPv6 unique local fc00::/7)",
  why_link_local: "a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata services answer)",
  why_unspecified: "the unspecified address (0.0.0.0/8 or ::, which reaches this machine)",
  why_multicast: "a multicast address",
  why_shared: "a carrier-grade NAT shared address (100.64.0.0/10)",
  why_reserved: "a reserved address (240.0.0.0/4, broadcast)",
};

const ja: typeof en = {
  created: "{port} の購読 {id} を登録 → {url}",
  secret: "署名用シークレット（表示はこの一度のみ。配信の検証用に保管してください）: {secret}",
  noSubscriptions: "{port} のアラート購読はありません",
  removed: "購読 {id} を配信履歴とともに削除しました",
  enabled:
    "購読 {id} を有効にしました: {since}（{zone}）以降のアラートを配信します。それより前のものは再送しません",
  alreadyEnabled: "購読 {id} はすでに有効です",
  disabled: "購読 {id} を無効にしました: `ops alerts enable` まで配信しません（送信待ちの配信は失敗扱い）",
  alreadyDisabled: "購読 {id} はすでに無効です",
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
  targetExpected:
    "ホストが公開アドレスの URL（{address} は{why}です。このノードがこのようなアドレスへ送信するのは SP_ALERTS_ALLOW_PRIVATE（1 または CIDR 範囲の一覧）で許可した場合のみです）",
  targetRefused: "--url {url}: 使用できません — {expected}",
  why_loopback: "ループバックアドレス（このマシン自身）",
  why_private: "プライベートネットワークのアドレス（RFC 1918 または IPv6 ユニークローカル fc00::/7）",
  why_link_local:
    "リンクローカルアドレス（169.254.0.0/16 または fe80::/10。クラウドのメタデータサービスが応答する範囲）",
  why_unspecified: "未指定アドレス（0.0.0.0/8 または ::。このマシンに届きます）",
  why_multicast: "マルチキャストアドレス",
  why_shared: "キャリアグレード NAT の共有アドレス（100.64.0.0/10）",
  why_reserved: "予約済みアドレス（240.0.0.0/4、ブロードキャスト）",
};

/** Example: alertMsg("st_failed", {}, "ja") → "失敗". */
export const alertMsg = messages({ en, ja });

/**
 * What a refused webhook URL should have been, with why its address is refused, in the language
 * asked (the API's problem+json and the CLI word it with this). Example:
 * targetExpected("private", "10.0.0.5", "en") → "a URL whose host is a public address: 10.0.0.5 is
 * a private network address (RFC 1918 …), and this node calls such addresses only when …".
 */
export function targetExpected(refusal: string, address: string, lang: "en" | "ja"): string {
  const key = `why_${refusal}` as keyof typeof en;
  const why = key in en ? alertMsg(key, {}, lang) : refusal;
  return alertMsg("targetExpected", { address, why }, lang);
}
