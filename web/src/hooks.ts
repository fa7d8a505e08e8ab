import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "./i18n/index.ts";

/** The current instant, refreshed every `intervalMs` (clocks of both ports tick together). */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

export type AsyncState<T> =
  | { status: "loading" }
  | { status: "error"; error: Error }
  | { status: "ready"; data: T };

/** Runs `load` when `key` changes; ignores results that arrive after the key moved on. */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies the request; `load` is a fresh closure each render.
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    load().then(
      (data) => live && setState({ status: "ready", data }),
      (error: unknown) =>
        live &&
        setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** The language as our typed union (i18next keeps it as a plain string). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : "en";
}
