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
import { accessMsg } from "./messages.ts";
import { formatPorts, parsePorts, ROLES } from "./policy.ts";
import { type Actor, addUser, createKey, disableUser, revokeKey } from "./service.ts";
import type { AccessStore } from "./store.ts";

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
      .option("--since <instant>", "entries at or after this date-time (e.g. 2026-12-05T00:00:00Z)")
      .option("--limit <n>", "entries at most", "200")
      .option("--json", "machine-readable output")
      .action(async (opts: { since?: string; limit: string; json?: boolean }) => {
        if (opts.since !== undefined && !isInstant(opts.since))
          throw new DomainError(
            "validation",
            `--since: a date-time with an offset (2026-12-05T00:00:00Z), not ${opts.since}`,
          );
        const limit = Number(opts.limit);
        if (!(Number.isInteger(limit) && limit >= 1 && limit <= 100_000))
          throw new DomainError("validation", `--limit: 1 to 100000, not ${opts.limit}`);
        const entries = await withStore(open, (access) =>
          access.listAudit({
            ...(opts.since ? { since: new Date(opts.since).toISOString() } : {}),
            limit,
          }),
        );
        if (opts.json) return printJson(entries);
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
      });
  }
}
