/**
 * `users add|list|disable`, `keys create|list|revoke`, `audit` — the access capability's commands.
 * The first admin is made here (`users add --name … --role admin`): a generated one-time password is
 * printed once, never a default. The CLI acts as the operator of the node: its actions are audited
 * with actor kind "cli" and the operating-system user.
 */
import os from "node:os";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { formatTable, printJson } from "../core/text-table.ts";
import { isInstant } from "../core/time.ts";
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, readAuditPage } from "./audit-page.ts";
import { accessMsg } from "./messages.ts";
import { formatPorts, parsePorts, ROLES } from "./policy.ts";
import { type Actor, addUser, createKey, disableUser, revokeKey } from "./service.ts";
import type { AccessStore } from "./store.ts";

interface AuditOptions {
  limit: string;
  before?: string;
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  since?: string;
  json?: boolean;
}

export type OpenAccessStore = () => Promise<{ access: AccessStore; close(): Promise<void> }>;

function cliActor(): Actor {
  let who = "unknown";
  try {
    who = os.userInfo().username;
  } catch {
    // no user entry (some containers): the audit says unknown
  }
  return { kind: "cli", id: who, ip: null };
}

const portsOf = (ports: string[] | undefined) =>
  ports && ports.length > 0 ? parsePorts(ports.join(",")) : "*";
const collect = (value: string, previous: string[] = []) => [...previous, value];

async function withStore<T>(open: OpenAccessStore, f: (access: AccessStore) => Promise<T>): Promise<T> {
  const { access, close } = await open();
  try {
    return await f(access);
  } finally {
    await close();
  }
}

export function registerAccessCommands(program: Command, group: string, open: OpenAccessStore): void {
  const roles = ROLES.join(", ");
  if (group === "users") {
    const users = program.command("users").description("accounts of this node: add, list, disable");
    users
      .command("add")
      .description("add an account; prints its one-time password once (the first admin: --role admin)")
      .requiredOption("--name <name>", "user name used to sign in")
      .requiredOption("--role <role>", roles)
      .option(
        "--port <locode>",
        "a port the account may reach (repeat or comma-separate; default every port)",
        collect,
      )
      .option("--owner <owner>", "terminal id or company the account belongs to")
      .option("--json", "machine-readable output")
      .action(
        async (opts: { name: string; role: string; port?: string[]; owner?: string; json?: boolean }) => {
          const { user, oneTimePassword } = await withStore(open, (access) =>
            addUser(
              access,
              { name: opts.name, role: opts.role, ports: portsOf(opts.port), owner: opts.owner ?? null },
              cliActor(),
              Date.now(),
            ),
          );
          if (opts.json) return printJson({ user: { ...user, passwordHash: undefined }, oneTimePassword });
          process.stdout.write(
            `${accessMsg("userAdded", { name: user.name, role: user.role, ports: formatPorts(user.ports) })}\n${oneTimePassword}\n`,
          );
        },
      );
    users
      .command("list")
      .description("every account (never a password)")
      .option("--json", "machine-readable output")
      .action(async (opts: { json?: boolean }) => {
        const list = await withStore(open, (access) => access.listUsers());
        if (opts.json) return printJson(list.map(({ passwordHash: _hidden, ...u }) => u));
        process.stdout.write(
          formatTable(
            ["colName", "colRole", "colPorts", "colOwner", "colCreated", "colDisabled"].map((k) =>
              accessMsg(k as "colName"),
            ),
            list.map((u) => [u.name, u.role, formatPorts(u.ports), u.owner, u.createdAt, u.disabledAt]),
          ),
        );
      });
    users
      .command("disable")
      .description("disable an account and end its sessions")
      .argument("<name>", "user name")
      .action(async (name: string) => {
        await withStore(open, async (access) => {
          const user = await access.findUserByName(name);
          if (!user) throw new DomainError("not_found", accessMsg("noUser", { id: name }));
          await disableUser(access, user.id, cliActor(), Date.now());
        });
        process.stdout.write(`${accessMsg("userDisabled", { name })}\n`);
      });
  }
  if (group === "keys") {
    const keys = program
      .command("keys")
      .description("API keys for machines and partners: create, list, revoke");
    keys
      .command("create")
      .description("create an API key; prints it once (only its hash is kept)")
      .requiredOption("--name <name>", "what the key is for, e.g. the partner's name")
      .requiredOption("--role <role>", roles)
      .option(
        "--port <locode>",
        "a port the key may reach (repeat or comma-separate; default every port)",
        collect,
      )
      .option("--owner <owner>", "terminal id or company whose data the key is for")
      .option("--expires-days <n>", "days until the key stops working (default: until revoked)")
      .option("--json", "machine-readable output")
      .action(
        async (opts: {
          name: string;
          role: string;
          port?: string[];
          owner?: string;
          expiresDays?: string;
          json?: boolean;
        }) => {
          const days = opts.expiresDays === undefined ? undefined : Number(opts.expiresDays);
          if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650))
            throw new DomainError("validation", `--expires-days: 1 to 3650, not ${opts.expiresDays}`);
          const { key, token } = await withStore(open, (access) =>
            createKey(
              access,
              {
                name: opts.name,
                role: opts.role,
                ports: portsOf(opts.port),
                owner: opts.owner ?? null,
                ...(days !== undefined ? { expiresInDays: days } : {}),
              },
              cliActor(),
              Date.now(),
            ),
          );
          if (opts.json) return printJson({ key: { ...key, secretHash: undefined }, token });
          process.stdout.write(
            `${accessMsg("keyCreated", { id: key.id, name: key.name, role: key.role, ports: formatPorts(key.ports) })}\n${token}\n`,
          );
        },
      );
    keys
      .command("list")
      .description("every key: scope, expiry, revocation, last use (never the key)")
      .option("--json", "machine-readable output")
      .action(async (opts: { json?: boolean }) => {
        const list = await withStore(open, (access) => access.listKeys());
        if (opts.json) return printJson(list.map(({ secretHash: _hidden, ...k }) => k));
        process.stdout.write(
          formatTable(
            [
              "colId",
              "colName",
              "colRole",
              "colPorts",
              "colOwner",
              "colExpires",
              "colRevoked",
              "colLastUsed",
            ].map((k) => accessMsg(k as "colId")),
            list.map((k) => [
              k.id,
              k.name,
              k.role,
              formatPorts(k.ports),
              k.owner,
              k.expiresAt,
              k.revokedAt,
              k.lastUsedAt,
            ]),
          ),
        );
      });
    keys
      .command("revoke")
      .description("revoke a key: it stops working at once")
      .argument("<id>", "key id (the part after spx_)")
      .action(async (id: string) => {
        const done = await withStore(open, (access) => revokeKey(access, id, cliActor(), Date.now()));
        if (!done) throw new DomainError("not_found", accessMsg("keyNotRevoked", { id }));
        process.stdout.write(`${accessMsg("keyRevoked", { id })}\n`);
      });
  }
  if (group === "audit") {
    program
      .command("audit")
      .description("the audit log, newest first: sign-ins, key use, changes, denied requests")
      .option("--limit <n>", `entries a page, 1 to ${AUDIT_PAGE_MAX}`, String(AUDIT_PAGE_DEFAULT))
      .option("--before <cursor>", "the next, older page: the cursor the previous page printed")
      .option("--actor <id>", "only this actor: a user id, a key id, or the OS user of a CLI action")
      .option("--action <action>", "only this action (login, denied, key.use, change, user.add, key.revoke…)")
      .option(
        "--outcome <outcome>",
        "only this outcome (ok, failed, denied_401, denied_403, rate_limited, 201…)",
      )
      .option("--from <instant>", "entries at or after this date-time (e.g. 2026-12-05T00:00:00Z)")
      .option("--to <instant>", "entries before this date-time")
      .option("--since <instant>", "the same as --from")
      .option("--json", "machine-readable output: { entries, nextCursor }")
      .action(async (opts: AuditOptions) => {
        const from = opts.from ?? opts.since;
        for (const [flag, value] of [
          ["--from", from],
          ["--to", opts.to],
        ] as const)
          if (value !== undefined && !isInstant(value))
            throw new DomainError(
              "validation",
              `${flag}: a date-time with an offset (2026-12-05T00:00:00Z), not ${value}`,
            );
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit))
          throw new DomainError(
            "validation",
            accessMsg("auditBadLimit", { max: AUDIT_PAGE_MAX, limit: opts.limit }),
          );
        const page = await withStore(open, (access) =>
          readAuditPage(access, {
            limit,
            ...(opts.before !== undefined ? { before: opts.before } : {}),
            ...(opts.actor !== undefined ? { actorId: opts.actor } : {}),
            ...(opts.action !== undefined ? { action: opts.action } : {}),
            ...(opts.outcome !== undefined ? { outcome: opts.outcome } : {}),
            ...(from !== undefined ? { since: new Date(from).toISOString() } : {}),
            ...(opts.to !== undefined ? { until: new Date(opts.to).toISOString() } : {}),
          }),
        );
        const entries = page.entries;
        if (opts.json) return printJson(page);
        process.stdout.write(
          formatTable(
            ["colAt", "colActor", "colAction", "colTarget", "colOutcome", "colIp"].map((k) =>
              accessMsg(k as "colAt"),
            ),
            entries.map((e) => [
              e.at,
              `${e.actorKind}${e.actorId ? `:${e.actorId}` : ""}`,
              e.action,
              e.target,
              e.outcome,
              e.ip,
            ]),
          ),
        );
        process.stdout.write(
          `${page.nextCursor ? accessMsg("auditNextPage", { cursor: page.nextCursor }) : accessMsg("auditLastPage")}\n`,
        );
      });
  }
}
