import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import ja from "./ja.json";

export const LANGUAGES = ["en", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "sisterports.lang";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    // Storage can be disabled (private mode, sandboxed frames): fall back to detection.
    return null;
  }
}

/** `?lang=ja` in the address wins (shareable links), then the remembered choice, then the browser. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = storedLanguage();
  if (stored) return stored;
  return navigator.language.toLowerCase().startsWith("ja") ? "ja" : "en";
}

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.title = i18next.t("app.title");
}

export async function initI18n(): Promise<void> {
  i18next.on("languageChanged", (lang) => {
    applyToDocument(lang);
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Remembering is a convenience; the switch still works without storage.
    }
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: initialLanguage(),
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  applyToDocument(i18next.language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : "en";
}

export { i18next };
