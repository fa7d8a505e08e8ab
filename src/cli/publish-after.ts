/**
 * Publish when data arrives (issue 15): a command that writes what the exchange's datasets are built
 * from (AIS and so port calls, calls, an inventory, container and gate flows, the equipment registry
 * and its telemetry) publishes, before it ends, under every agreement this node provides that is in
 * force — the package of each dataset whose content changed, and a notice the consumer pulls on at
 * once — instead of leaving it to the server's next timer run (SP_EXCHANGE_SYNC_S, default 300 s).
 * The publishing is the engine's own (publishAgreement: nothing is sent when nothing changed). A
 * failure is said on stderr and does not fail the command: its data is stored, and the server's
 * next run publishes it.
 */
import type { Command } from "commander";
import type { AppConfig } from "../core/config.ts";
import { messages } from "../core/messages.ts";

/** The commands (their words after `sisterports`) that write what shared datasets are built from. */
export const SHARED_DATA_COMMANDS: ReadonlySet<string> = new Set([
  "ais ingest",
  "calls detect",
  "emissions inventory",
  "ops ingest",
  "ze equipment import",
  "ze telemetry ingest",
]);

/** A command's words below the program. Example: the action of `sisterports ops ingest x.json` → "ops ingest". */
export function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(" ");
}

const en = {
  published: "exchange: agreement {id} → {consumer}: sent package(s) {sent}; notice {notice}",
  unchanged: "exchange: agreement {id} → {consumer}: the shared datasets did not change, nothing sent",
  failed:
    "exchange: publishing under agreement {id} failed ({error}); the data is stored, and the server's next sync publishes it",
  delivered: "delivered",
  noticeFailed: "not delivered: {error} (the consumer pulls at its next sync)",
};
const ja: { [K in keyof typeof en]: string } = {
  published: "共有：協定 {id} → {consumer}：パッケージ {sent} を送信、通知は{notice}",
  unchanged: "共有：協定 {id} → {consumer}：共有データセットに変更がないため送信なし",
  failed:
    "共有：協定 {id} での公開に失敗しました（{error}）。データは保存済みで、サーバーの次回の同期で公開されます",
  delivered: "配信済み",
  noticeFailed: "未配信：{error}（相手側が次回の同期で取得します）",
};
const msg = messages({ en, ja });

/**
 * Publishes under each agreement in force that this node provides (the engine's publishAll); one
 * line per agreement on stderr (stdout stays the command's, --json included). It acts as this node's
 * operator: the local database and the node's own key, as the command it follows does — no role.
 */
export async function publishChangedData(config: AppConfig): Promise<void> {
  const [{ openStore }, { publishAll }, { exchangeEngineDeps }] = await Promise.all([
    import("../store/index.ts"),
    import("../exchange/index.ts"),
    import("../store/services.ts"),
  ]);
  const store = openStore({ databaseUrl: config.databaseUrl });
  try {
    for (const r of await publishAll(exchangeEngineDeps(store))) {
      const line =
        "error" in r
          ? msg("failed", { id: r.agreementId, error: r.error })
          : r.sent.length === 0
            ? msg("unchanged", { id: r.agreementId, consumer: r.consumer })
            : msg("published", {
                id: r.agreementId,
                consumer: r.consumer,
                sent: r.sent.join(", "),
                notice:
                  r.notice === "delivered"
                    ? msg("delivered")
                    : msg("noticeFailed", { error: r.noticeError ?? "unknown" }),
              });
      process.stderr.write(`${line}\n`);
    }
  } finally {
    await store.close();
  }
}
