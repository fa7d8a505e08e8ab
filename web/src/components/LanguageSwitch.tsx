import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n/index.ts";

// Each language is labelled in itself, so a reader finds theirs whatever is on screen.
const SELF_NAMES = { en: "English", ja: "日本語" } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="lang-switch" aria-label={t("language.label")}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={i18n.language === lang}
          className={i18n.language === lang ? "active" : ""}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {SELF_NAMES[lang]}
        </button>
      ))}
    </fieldset>
  );
}
