/** The languages every user-facing string exists in (DESIGN.md, Conventions). */
export type Language = "en" | "ja";

/** A name (of a port, terminal, berth, zone …) in every language. */
export interface BilingualName {
  en: string;
  ja: string;
}

/**
 * The language of a terminal session: SP_LANG, else the POSIX locale variables; Japanese for any
 * `ja…` tag, English otherwise. Example: terminalLanguage({ LANG: "ja_JP.UTF-8" }) → "ja";
 * terminalLanguage({}) → "en".
 */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const tag = env.SP_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "";
  return tag.toLowerCase().startsWith("ja") ? "ja" : "en";
}
