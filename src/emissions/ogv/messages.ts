/**
 * The OGV calculator's warnings in English and Japanese (the calculator returns codes; the CLI words
 * them here, the portal from its i18n catalogs under emissions.warning.*).
 */
import type { Language } from "../../core/language.ts";
import { messages } from "../../core/messages.ts";
import type { OgvWarning, OgvWarningCode } from "./call.ts";

const en: Record<OgvWarningCode, string> = {
  ogv_aux_loads_fallback: "auxiliary / boiler loads: {source}",
  ogv_no_propulsion: "no propulsion emissions for {mode} segments: {missing} unknown",
  ogv_admiralty_without_draft: "Admiralty law without segment draftM / vessel maxDraftM: propeller law used",
  ogv_shore_power_no_grid_factor: "shore power used but no grid factor given: grid CO2e not computed",
};

const ja: Record<OgvWarningCode, string> = {
  ogv_aux_loads_fallback: "補機・ボイラーの負荷: {source}",
  ogv_no_propulsion: "{mode} 区間の推進機関の排出量は計算していません: {missing} が不明です",
  ogv_admiralty_without_draft:
    "区間の draftM または船舶の maxDraftM がないため、アドミラルティ則ではなくプロペラ則を使いました",
  ogv_shore_power_no_grid_factor:
    "陸上電力を使用していますが系統電力の係数がないため、系統の CO2e は計算していません",
};

export const OGV_WARNING_CATALOGS = { en, ja };
const ogvMessage = messages(OGV_WARNING_CATALOGS);

/** Example: ogvWarningText({ code: "ogv_admiralty_without_draft", params: {} }, "en") → "Admiralty law …". */
export function ogvWarningText(w: OgvWarning, lang?: Language): string {
  return ogvMessage(w.code, w.params, lang);
}
