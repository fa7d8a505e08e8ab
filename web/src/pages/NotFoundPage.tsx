import { useTranslation } from "react-i18next";
import { Link } from "../router.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </section>
  );
}
