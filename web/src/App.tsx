import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { api } from "./api.ts";
import { LanguageSwitch } from "./components/LanguageSwitch.tsx";
import { PortSwitcher } from "./components/PortSwitcher.tsx";
import { SignIn } from "./components/SignIn.tsx";
import { useAsync } from "./hooks.ts";
import { Link, usePathname } from "./router.tsx";
import { notFound, resolveRoute, routes } from "./routes.ts";

export function App() {
  const { t } = useTranslation();
  const pathname = usePathname();
  const { entry, params } = resolveRoute(pathname);
  const Page = entry?.component ?? notFound;

  return (
    <div className="app">
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand" aria-label={t("app.title")}>
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-text">
              <span className="brand-en" lang="en">
                Sister Ports Exchange
              </span>
              <span className="brand-ja" lang="ja">
                姉妹港エクスチェンジ
              </span>
            </span>
          </Link>
          <nav className="main-nav" aria-label={t("nav.label")}>
            {routes
              .filter((r) => r.labelKey)
              .map((r) => (
                <Link
                  key={r.path}
                  to={r.path}
                  className={entry === r || entry?.section === r.path ? "active" : ""}
                  aria-current={entry === r || entry?.section === r.path ? "page" : undefined}
                >
                  {t(r.labelKey ?? "")}
                </Link>
              ))}
          </nav>
          <SignIn />
          <LanguageSwitch />
        </div>
        <div className="header-ports">
          <PortSwitcher />
        </div>
      </header>
      <main className="content">
        <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
          <Page params={params} />
        </Suspense>
      </main>
      <Footer />
    </div>
  );
}

function Footer() {
  const { t } = useTranslation();
  const health = useAsync(api.health, "health");
  return (
    <footer className="site-footer">
      <span>{t("footer.tagline")}</span>
      <span>
        {health.status === "ready"
          ? t("footer.version", {
              version: health.data.version,
              database: t(`about.databases.${health.data.database}`, { defaultValue: health.data.database }),
            })
          : null}
      </span>
      <span>{t("footer.osm")}</span>
    </footer>
  );
}
