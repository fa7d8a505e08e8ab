// The administrator's page (issue 14): accounts (add with a one-time password shown once, disable),
// API keys (create — the key shown once —, revoke) and the audit log, a page at a time. The server
// refuses these calls to anyone but an admin; the page then says sign-in required / not allowed.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditEntryWire, type AuditQuery, adminApi } from "../api.ts";
import { Status } from "../components/Status.tsx";
import { formatDateTime, fromZonedInput } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";

const ROLES = ["analyst", "terminal", "trucking", "partner", "sister_port", "admin"] as const;

const portsOf = (text: string) =>
  text
    .split(",")
    .map((p) => p.trim().toUpperCase())
    .filter((p) => p !== "");

function ScopeFields() {
  const { t } = useTranslation();
  return (
    <>
      <label>
        <span>{t("admin.name")}</span>
        <input name="name" required />
      </label>
      <label>
        <span>{t("admin.role")}</span>
        <select name="role" defaultValue="analyst">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`signIn.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t("admin.ports")}</span>
        <input name="ports" placeholder="USLAX, JPNGO" />
      </label>
      <label>
        <span>{t("admin.owner")}</span>
        <input name="owner" />
      </label>
    </>
  );
}

function scopeOf(form: FormData) {
  const ports = portsOf(String(form.get("ports") ?? ""));
  const owner = String(form.get("owner") ?? "").trim();
  return {
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    ...(ports.length > 0 ? { ports } : {}),
    ...(owner ? { owner } : {}),
  };
}

export function AdminPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const users = useAsync(() => adminApi.users(), `users-${version}`);
  const keys = useAsync(() => adminApi.keys(), `keys-${version}`);

  const act = (f: () => Promise<void>) => {
    setError(null);
    f()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setVersion((v) => v + 1));
  };
  const addUser = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = scopeOf(new FormData(form));
    act(async () => {
      const r = await adminApi.addUser(body);
      setSecret({ label: t("admin.oneTimePassword", { name: r.user.name }), value: r.oneTimePassword });
      form.reset();
    });
  };
  const createKey = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = scopeOf(new FormData(form));
    act(async () => {
      const r = await adminApi.createKey(body);
      setSecret({ label: t("admin.keyToken", { name: r.key.name }), value: r.token });
      form.reset();
    });
  };

  return (
    <div className="admin-page">
      <h1>{t("admin.title")}</h1>
      {secret ? (
        <div className="admin-secret" role="status">
          <p>{secret.label}</p>
          <code>{secret.value}</code>
        </div>
      ) : null}
      {error ? (
        <p className="admin-error" role="alert">
          {error}
        </p>
      ) : null}

      <section className="admin-users">
        <h2>{t("admin.users")}</h2>
        <Status state={users} />
        {users.status === "ready" ? (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("admin.name")}</th>
                <th>{t("admin.role")}</th>
                <th>{t("admin.ports")}</th>
                <th>{t("admin.owner")}</th>
                <th>{t("admin.created")}</th>
                <th>{t("admin.state")}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} data-user={u.name}>
                  <td>{u.name}</td>
                  <td>{t(`signIn.roles.${u.role}`)}</td>
                  <td>{u.ports === "*" ? t("admin.allPorts") : u.ports.join(", ")}</td>
                  <td>{u.owner ?? ""}</td>
                  <td>{u.createdAt.slice(0, 16).replace("T", " ")} UTC</td>
                  <td>
                    {u.disabledAt ? (
                      t("admin.disabled")
                    ) : (
                      <button
                        type="button"
                        onClick={() => act(async () => void (await adminApi.disableUser(u.id)))}
                      >
                        {t("admin.disable")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <form className="admin-form add-user" onSubmit={addUser}>
          <ScopeFields />
          <button type="submit">{t("admin.addUser")}</button>
        </form>
      </section>

      <section className="admin-keys">
        <h2>{t("admin.keys")}</h2>
        <Status state={keys} />
        {keys.status === "ready" ? (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("admin.keyId")}</th>
                <th>{t("admin.name")}</th>
                <th>{t("admin.role")}</th>
                <th>{t("admin.ports")}</th>
                <th>{t("admin.owner")}</th>
                <th>{t("admin.lastUsed")}</th>
                <th>{t("admin.state")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id} data-key={k.id}>
                  <td>
                    <code>{k.id}</code>
                  </td>
                  <td>{k.name}</td>
                  <td>{t(`signIn.roles.${k.role}`)}</td>
                  <td>{k.ports === "*" ? t("admin.allPorts") : k.ports.join(", ")}</td>
                  <td>{k.owner ?? ""}</td>
                  <td>{k.lastUsedAt ? `${k.lastUsedAt.slice(0, 16).replace("T", " ")} UTC` : ""}</td>
                  <td>
                    {k.revokedAt ? (
                      t("admin.revoked")
                    ) : (
                      <button
                        type="button"
                        onClick={() => act(async () => void (await adminApi.revokeKey(k.id)))}
                      >
                        {t("admin.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <form className="admin-form create-key" onSubmit={createKey}>
          <ScopeFields />
          <button type="submit">{t("admin.createKey")}</button>
        </form>
      </section>

      <AuditSection version={version} />
    </div>
  );
}

type AuditFilters = Omit<AuditQuery, "before">;

// The page serves every port, so the time filter and the entries' times are in the reader's own zone
// (the browser's), and the labels name it; the server gets ISO instants.
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A datetime-local value ("2026-12-01T09:00") read in the browser's zone, as an ISO instant ("" when empty). */
const instantOfLocal = (value: string) => fromZonedInput(value, browserZone)?.toISOString() ?? "";

/**
 * The audit log, newest first, a page at a time: "Older entries" reads the next page with the
 * cursor the last one gave (the server pages by keyset, so entries written meanwhile do not shift
 * the pages). Filters start over from the newest entry.
 */
function AuditSection({ version }: { version: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [filters, setFilters] = useState<AuditFilters>({});
  const key = `audit-${version}-${JSON.stringify(filters)}`;
  const first = useAsync(() => adminApi.audit(filters), key);
  // Older pages read so far, for the list `key` names (a new key starts from the first page again).
  const [older, setOlder] = useState<{ key: string; entries: AuditEntryWire[]; nextCursor: string | null }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const more = older?.key === key ? older : undefined;
  const entries = first.status === "ready" ? [...first.data.entries, ...(more?.entries ?? [])] : [];
  const nextCursor = more ? more.nextCursor : first.status === "ready" ? first.data.nextCursor : null;

  const loadOlder = () => {
    if (!nextCursor) return;
    setLoading(true);
    setError(null);
    adminApi
      .audit({ ...filters, before: nextCursor })
      .then(
        (page) =>
          setOlder({
            key,
            entries: [...(more?.entries ?? []), ...page.entries],
            nextCursor: page.nextCursor,
          }),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setLoading(false));
  };
  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    setFilters({
      actor: value("actor"),
      action: value("action"),
      outcome: value("outcome"),
      from: instantOfLocal(value("from")),
      to: instantOfLocal(value("to")),
    });
  };

  return (
    <section className="admin-audit">
      <h2>{t("admin.audit")}</h2>
      <form className="admin-form audit-filter" onSubmit={filter}>
        <label>
          <span>{t("admin.actor")}</span>
          <input name="actor" autoComplete="off" />
        </label>
        <label>
          <span>{t("admin.action")}</span>
          <input name="action" autoComplete="off" placeholder="login, denied, key.use…" />
        </label>
        <label>
          <span>{t("admin.outcome")}</span>
          <input name="outcome" autoComplete="off" placeholder="ok, failed, denied_403…" />
        </label>
        <label>
          <span>{t("admin.since", { zone: browserZone })}</span>
          <input name="from" type="datetime-local" />
        </label>
        <label>
          <span>{t("admin.until", { zone: browserZone })}</span>
          <input name="to" type="datetime-local" />
        </label>
        <button type="submit">{t("admin.filter")}</button>
      </form>
      <Status state={first} />
      {first.status === "ready" ? (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("admin.at")}</th>
                <th>{t("admin.actor")}</th>
                <th>{t("admin.action")}</th>
                <th>{t("admin.target")}</th>
                <th>{t("admin.outcome")}</th>
                <th>{t("admin.from")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action} data-id={e.id}>
                  <td>{formatDateTime(new Date(e.at), browserZone, lang, { seconds: true })}</td>
                  <td>{`${e.actorKind}${e.actorId ? `:${e.actorId.slice(0, 16)}` : ""}`}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td>{e.outcome}</td>
                  <td>{e.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="audit-paging">
            <span className="audit-count">{t("admin.auditShown", { count: entries.length })}</span>{" "}
            {nextCursor ? (
              <button type="button" className="audit-older" onClick={loadOlder} disabled={loading}>
                {t("admin.older")}
              </button>
            ) : (
              <span className="audit-end">{t("admin.auditEnd")}</span>
            )}
          </p>
          {error ? (
            <p className="admin-error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
