// Sign-in in the header (issue 14): the public portal needs none; signing in shows what the
// user's role may see. The session cookie is HttpOnly: who is signed in comes from GET /api/session.
// After signing in or out the page reloads, so every panel asks again with the new rights.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, sessionApi } from "../api.ts";
import { useAsync } from "../hooks.ts";
import { Link } from "../router.tsx";

export function SignIn() {
  const { t } = useTranslation();
  const session = useAsync(() => sessionApi.current(), "session");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.status !== "ready") return null;
  const principal = session.data.principal;
  if (principal)
    return (
      <div className="sign-in signed-in">
        <span className="who" data-role={principal.role}>
          {principal.name ?? principal.id} · {t(`signIn.roles.${principal.role}`)}
        </span>
        {principal.role === "admin" ? <Link to="/admin">{t("admin.link")}</Link> : null}
        <button
          type="button"
          onClick={() => {
            void sessionApi.signOut().finally(() => window.location.reload());
          }}
        >
          {t("signIn.signOut")}
        </button>
      </div>
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await sessionApi.signIn(String(form.get("name") ?? ""), String(form.get("password") ?? ""));
      window.location.reload();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t("signIn.tooMany") : t("signIn.failed"));
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      {open ? (
        <form onSubmit={(e) => void submit(e)} aria-label={t("signIn.title")}>
          <label>
            <span>{t("signIn.name")}</span>
            <input name="name" autoComplete="username" required />
          </label>
          <label>
            <span>{t("signIn.password")}</span>
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" disabled={busy}>
            {t("signIn.submit")}
          </button>
          {error ? (
            <span className="sign-in-error" role="alert">
              {error}
            </span>
          ) : null}
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t("signIn.open")}
        </button>
      )}
    </div>
  );
}
