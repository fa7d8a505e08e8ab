import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";
import type { AsyncState } from "../hooks.ts";
import { Link } from "../router.tsx";

/** Loading and error states shared by every page; renders nothing once the data is ready. */
export function Status({ state }: { state: AsyncState<unknown> }) {
  const { t } = useTranslation();
  if (state.status === "loading") return <p className="loading">{t("common.loading")}</p>;
  if (state.status === "error") {
    const e = state.error;
    // A part closed to the reader (401: nobody signed in; 403: a role or port it does not cover)
    // says so in words: the rest of the page stays usable (issue 14).
    if (e instanceof ApiError && (e.status === 401 || e.status === 403))
      return (
        <p className="muted restricted" data-status={e.status}>
          {e.status === 401 ? t("errors.signInRequired") : t("errors.notAllowed")}
        </p>
      );
    const notFound = e instanceof ApiError && e.status === 404;
    return (
      <div className="error-box" role="alert">
        <strong>{notFound ? t("errors.notFound") : t("errors.loadFailed")}</strong>
        {/* The server's detail is English and technical: useful for a failure, noise for a wrong address. */}
        {notFound ? (
          <p>
            <Link to="/">{t("notFound.back")}</Link>
          </p>
        ) : (
          <p className="small">{e.message}</p>
        )}
      </div>
    );
  }
  return null;
}
