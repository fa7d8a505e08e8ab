/**
 * One rule for words shown to people: each room keeps its catalog (English and Japanese, the same
 * keys), and every message is filled from it here. A value the template names but the caller did
 * not give stays visible as `{name}`, so a missing parameter is seen, not silently blank.
 */
import { type Language, terminalLanguage } from "./language.ts";

export type MessageValues = Readonly<Record<string, string | number>>;

/** Both languages of one catalog: Japanese must have every English key. */
export interface Catalogs<C extends Readonly<Record<string, string>>> {
  readonly en: C;
  readonly ja: { readonly [K in keyof C]: string };
}

/** Example: fillTemplate("{n} calls", { n: 3 }) → "3 calls". */
export function fillTemplate(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/**
 * A catalog's message function; the language defaults to the terminal's (SP_LANG, then the locale).
 * Example: messages({ en: { hi: "Hi {who}" }, ja: { hi: "{who} さん" } })("hi", { who: "Ann" }, "ja")
 * → "Ann さん".
 */
export function messages<C extends Readonly<Record<string, string>>>(catalogs: Catalogs<C>) {
  return (key: keyof C & string, values: MessageValues = {}, lang: Language = terminalLanguage()): string =>
    fillTemplate(catalogs[lang][key] as string, values);
}
