/**
 * Words of the calls commands that concern neighbouring ports, in English and Japanese. The
 * language follows SP_LANG, then LC_ALL / LANG (ja… → Japanese), as the rest of the CLI.
 */
import { messages } from "../core/messages.ts";

const en = {
  neighbourTag: "[{port}]",
  neighbourNote:
    "[{port}] a call at a {port} terminal, seen in {of}'s AIS: kept under {port}, not counted as a {of} call ({n} listed).",
  neighbourShow:
    "neighbouring port: this is a {port} call seen in {of}'s AIS; it is not counted as a {of} call",
  berthDistance: "berth distance {m} m from the drawn berth (0 = inside)",
};

const ja: typeof en = {
  neighbourTag: "[{port}]",
  neighbourNote:
    "[{port}] {of} の AIS で検知した {port} のターミナルへの入港です。{port} の入港として別に記録し、{of} の入港には数えません（{n} 件）。",
  neighbourShow: "隣接港: {of} の AIS で検知した {port} の入港です。{of} の入港には数えません",
  berthDistance: "図示したバースからの距離 {m} m（0 = 内側）",
};

export type CallsMessageKey = keyof typeof en;
/** Example: callsMsg("neighbourTag", { port: "USLGB" }, "en") → "[USLGB]". */
export const callsMsg = messages({ en, ja });
