/**
 * `ops alerts subscribe|list|enable|disable|remove|deliveries|test`: webhook subscriptions to operations alerts
 * on the configured store (the server's sender delivers what `subscribe` and ingests queue; `test`
 * sends a ping at once from here). Times in the port's zone.
 */
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { terminalLanguage } from "../core/language.ts";
import { formatTable } from "../core/text-table.ts";
import { formatInZone, nowS } from "../core/time.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { alertMsg, targetExpected } from "./alerts-messages.ts";
import { WebhookTargetRefused, webhookTargets } from "./alerts-sender.ts";
import {
  createSubscription,
  deliveryReply,
  portSubscription,
  sendPing,
  setSubscriptionEnabled,
  subscriptionReply,
} from "./alerts-service.ts";
import { subscriptionCreateSchema } from "./alerts-wire.ts";
import type { OperationsStore } from "./store.ts";
import type { WebhookTargetPolicy } from "./webhook-targets.ts";

export type OpenAlertStore = () => Promise<{
  operations: OperationsStore;
  close(): Promise<void>;
  /** Which private webhook targets the configuration allows (SP_ALERTS_ALLOW_PRIVATE; default none). */
  alertTargets?: WebhookTargetPolicy;
}>;

function portAndZone(value: string): { port: string; timeZone: string } {
  const port = value.toUpperCase();
  const timeZone = loadPortRegistry().get(port)?.timeZone;
  if (timeZone === undefined) throw new DomainError("validation", `--port: unknown port ${value}`);
  return { port, timeZone };
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const zoned = (iso: string, timeZone: string) =>
  formatInZone(new Date(iso), timeZone).slice(0, 16).replace("T", " ");

interface SubscribeOptions {
  port: string;
  url: string;
  owner: string;
  watch?: string;
  dwellDays?: string;
  dwellTerminal?: string;
  turnMin?: string;
  turnStat?: string;
  turnTerminal?: string;
  turnMinVisits?: string;
  emptyClosed?: boolean;
  emptyTerminal?: string;
  emptyLine?: string;
  emptySize?: string;
  json?: boolean;
}

/** The options as the API's body (kinds named by the options given), undefined fields left out. */
export function subscriptionBody(o: SubscribeOptions): unknown {
  const clean = (x: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined));
  const kinds: Record<string, unknown> = {};
  if (o.watch !== undefined) kinds["box.moved"] = { containers: o.watch.split(",").map((c) => c.trim()) };
  if (o.dwellDays !== undefined)
    kinds["dwell.exceeded"] = clean({ thresholdDays: num(o.dwellDays), terminal: o.dwellTerminal });
  if (o.turnMin !== undefined)
    kinds["turn_time.exceeded"] = clean({
      thresholdMin: num(o.turnMin),
      statistic: o.turnStat,
      terminal: o.turnTerminal,
      minVisits: num(o.turnMinVisits),
    });
  if (o.emptyClosed || o.emptyTerminal || o.emptyLine || o.emptySize)
    kinds["empty_return.closed"] = clean({
      terminal: o.emptyTerminal,
      line: o.emptyLine,
      sizeFt: num(o.emptySize),
    });
  if (Object.keys(kinds).length === 0) throw new DomainError("validation", alertMsg("needKind"));
  return { url: o.url, owner: o.owner, kinds };
}

export function registerAlertCommands(ops: Command, openStore: OpenAlertStore): Command {
  const alerts = ops
    .command("alerts")
    .description(
      "webhook alerts: a watched box moves, dwell or turn time over a threshold, empty returns closed",
    );

  alerts
    .command("subscribe")
    .description("subscribe a URL to alerts; prints the signing secret once")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .requiredOption("--url <url>", "where deliveries are POSTed (http or https)")
    .requiredOption("--owner <label>", "who the subscription is for")
    .option("--watch <containers>", "box.moved: ISO 6346 container numbers, comma-separated (at most 500)")
    .option("--dwell-days <n>", "dwell.exceeded: days in the yard")
    .option("--dwell-terminal <id>", "dwell.exceeded: only this terminal")
    .option("--turn-min <n>", "turn_time.exceeded: minutes")
    .option("--turn-stat <mean|p90>", "turn_time.exceeded: statistic (default mean)")
    .option("--turn-terminal <id>", "turn_time.exceeded: only this terminal")
    .option("--turn-min-visits <n>", "turn_time.exceeded: fewest visits in the hour (default 5)")
    .option("--empty-closed", "empty_return.closed: any terminal, line and size")
    .option("--empty-terminal <id>", "empty_return.closed: only this terminal")
    .option("--empty-line <code>", "empty_return.closed: only this line")
    .option("--empty-size <ft>", "empty_return.closed: only 20, 40 or 45 ft")
    .option("--json", "machine-readable")
    .action(async (o: SubscribeOptions) => {
      const { port } = portAndZone(o.port);
      const parsed = subscriptionCreateSchema.safeParse(subscriptionBody(o));
      if (!parsed.success)
        throw new DomainError(
          "validation",
          "invalid subscription",
          parsed.error.issues.map((i) => ({ field: i.path.join("."), reason: i.message })),
        );
      const store = await openStore();
      try {
        const targets = webhookTargets(store.alertTargets);
        const sub = await createSubscription(
          store.operations.alerts,
          port,
          parsed.data,
          nowS(),
          targets,
        ).catch((e: unknown) => {
          if (!(e instanceof WebhookTargetRefused)) throw e;
          const { address, refusal } = e.verdict;
          const lang = terminalLanguage();
          throw new DomainError(
            "validation",
            alertMsg("targetRefused", { url: o.url, expected: targetExpected(refusal, address, lang) }, lang),
            [{ field: "--url", reason: refusal }],
          );
        });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(sub, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${alertMsg("created", { id: sub.id, port, url: sub.url })}\n`);
        process.stdout.write(`${alertMsg("secret", { secret: sub.secret })}\n`);
      } finally {
        await store.close();
      }
    });

  alerts
    .command("list")
    .description("the port's alert subscriptions")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (o: { port: string; json?: boolean }) => {
      const { port, timeZone } = portAndZone(o.port);
      const store = await openStore();
      try {
        const subs = (await store.operations.alerts.subscriptions(port)).map(subscriptionReply);
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ port, subscriptions: subs }, null, 2)}\n`);
          return;
        }
        if (subs.length === 0) {
          process.stdout.write(`${alertMsg("noSubscriptions", { port })}\n`);
          return;
        }
        process.stdout.write(
          formatTable(
            (["colId", "colOwner", "colKinds", "colUrl", "colActive", "colCreated"] as const).map((c) =>
              alertMsg(c, { zone: timeZone }),
            ),
            subs.map((s) => [
              s.id,
              s.owner,
              Object.keys(s.kinds).join(", "),
              s.url,
              s.active ? alertMsg("yes") : alertMsg("no", { reason: s.disabledReason ?? "" }),
              zoned(s.createdAt, timeZone),
            ]),
          ),
        );
      } finally {
        await store.close();
      }
    });

  for (const enabled of [true, false])
    alerts
      .command(enabled ? "enable" : "disable")
      .description(
        enabled
          ? "deliver to a disabled subscription again (after a 410 Gone or `disable`), for alerts from now on"
          : "stop deliveries to a subscription (its pending deliveries fail) until `enable`",
      )
      .argument("<id>", "subscription id (sub_…)")
      .requiredOption("--port <locode>", "USLAX or JPNGO")
      .option("--json", "machine-readable")
      .action(async (id: string, o: { port: string; json?: boolean }) => {
        const { port, timeZone } = portAndZone(o.port);
        const store = await openStore();
        try {
          const sub = await portSubscription(store.operations.alerts, port, id);
          const was = sub.active;
          const now = subscriptionReply(
            await setSubscriptionEnabled(store.operations.alerts, sub, enabled, nowS(), "the command line"),
          );
          if (o.json) {
            process.stdout.write(`${JSON.stringify(now, null, 2)}\n`);
            return;
          }
          const key = enabled ? (was ? "alreadyEnabled" : "enabled") : was ? "disabled" : "alreadyDisabled";
          process.stdout.write(
            `${alertMsg(key, { id, since: zoned(now.alertsFrom, timeZone), zone: timeZone })}\n`,
          );
        } finally {
          await store.close();
        }
      });

  alerts
    .command("remove")
    .description("remove a subscription with its deliveries")
    .argument("<id>", "subscription id (sub_…)")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .action(async (id: string, o: { port: string }) => {
      const { port } = portAndZone(o.port);
      const store = await openStore();
      try {
        const sub = await portSubscription(store.operations.alerts, port, id);
        await store.operations.alerts.removeSubscription(sub.id);
        process.stdout.write(`${alertMsg("removed", { id })}\n`);
      } finally {
        await store.close();
      }
    });

  alerts
    .command("deliveries")
    .description("a subscription's messages, newest first, with their tries")
    .argument("<id>", "subscription id (sub_…)")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--limit <n>", "messages to show", "20")
    .option("--json", "machine-readable")
    .action(async (id: string, o: { port: string; limit: string; json?: boolean }) => {
      const { port, timeZone } = portAndZone(o.port);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw new DomainError("validation", "--limit: an integer from 1 to 500");
      const store = await openStore();
      try {
        const sub = await portSubscription(store.operations.alerts, port, id);
        const list = (await store.operations.alerts.deliveries(sub.id, limit)).map(deliveryReply);
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ subscriptionId: sub.id, deliveries: list }, null, 2)}\n`);
          return;
        }
        if (list.length === 0) {
          process.stdout.write(`${alertMsg("noDeliveries", { id })}\n`);
          return;
        }
        process.stdout.write(
          formatTable(
            (["colCreated", "colType", "colStatus", "colAttempts", "colLastCode", "colNext"] as const).map(
              (c) => alertMsg(c, { zone: timeZone }),
            ),
            list.map((d) => {
              const last = d.attempts.at(-1);
              return [
                zoned(d.createdAt, timeZone),
                d.type,
                alertMsg(`st_${d.status}`),
                d.attempts.length,
                last === undefined ? "" : (last.statusCode ?? last.error ?? ""),
                d.nextAttemptAt ? zoned(d.nextAttemptAt, timeZone) : "",
              ];
            }),
          ),
        );
      } finally {
        await store.close();
      }
    });

  alerts
    .command("test")
    .description("send a signed ping to the subscription now")
    .argument("<id>", "subscription id (sub_…)")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (id: string, o: { port: string; json?: boolean }) => {
      const { port } = portAndZone(o.port);
      const store = await openStore();
      try {
        const sub = await portSubscription(store.operations.alerts, port, id);
        const d = await sendPing(store.operations.alerts, sub, {
          send: webhookTargets(store.alertTargets).send,
        });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
          return;
        }
        const a = d.attempts[0];
        process.stdout.write(
          `${alertMsg("ping", {
            id,
            status: alertMsg(`st_${d.status}`),
            code: a?.statusCode ?? a?.error ?? "",
            ms: a?.latencyMs ?? 0,
          })}\n`,
        );
      } finally {
        await store.close();
      }
    });
  return alerts;
}
