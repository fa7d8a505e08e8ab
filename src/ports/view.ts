/**
 * What the API and portal show of a port: a summary for lists and a detail with its terminals and
 * berths, derived from the stored geography (pure).
 */
import type { BilingualName, GeoJsonFeature, PortRecord } from "./model.ts";
import type { BerthView, PortDetail, PortSummary, TerminalView } from "./wire.ts";

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

function featureName(feature: GeoJsonFeature): BilingualName {
  const en = text(feature.properties.name_en) ?? String(feature.properties.id);
  return { en, ja: text(feature.properties.name_ja) ?? en };
}

/**
 * Terminals that belong to this port (features of kind `terminal` whose `port` is the port's code
 * or absent), each with its berths sorted by berth name. The Los Angeles file also draws the
 * neighbouring Long Beach terminals (port USLGB) for berth detection; they are not listed here.
 */
export function terminalsOfPort(port: PortRecord): TerminalView[] {
  const features = port.geography.features;
  const berthsByTerminal = new Map<string, BerthView[]>();
  for (const f of features) {
    if (f.properties.kind !== "berth") continue;
    const terminalId = text(f.properties.terminal);
    if (!terminalId) continue;
    const list = berthsByTerminal.get(terminalId) ?? [];
    list.push({
      id: String(f.properties.id),
      berth: text(f.properties.berth) ?? String(f.properties.id),
      name: featureName(f),
      lengthM: num(f.properties.length_m),
      depthM: num(f.properties.depth_m),
    });
    berthsByTerminal.set(terminalId, list);
  }
  const collator = new Intl.Collator("en", { numeric: true });
  return features
    .filter((f) => f.properties.kind === "terminal")
    .filter((f) => {
      const owner = text(f.properties.port);
      return owner === null || owner === port.locode;
    })
    .map((f) => {
      const id = String(f.properties.id);
      const berths = (berthsByTerminal.get(id) ?? []).sort((a, b) => collator.compare(a.berth, b.berth));
      return {
        id,
        name: featureName(f),
        operator: text(f.properties.operator),
        berthRange: text(f.properties.berths),
        berths,
      };
    });
}

export function portSummary(port: PortRecord): PortSummary {
  const terminals = terminalsOfPort(port);
  return {
    locode: port.locode,
    name: port.name,
    country: port.country,
    timeZone: port.timeZone,
    currency: port.currency,
    sisterPort: port.sisterPort,
    center: port.center,
    zoom: port.zoom,
    bbox: port.bbox,
    terminalCount: terminals.length,
    berthCount: terminals.reduce((n, t) => n + t.berths.length, 0),
  };
}

export function portDetail(port: PortRecord): PortDetail {
  return {
    ...portSummary(port),
    attribution: port.attribution,
    terminals: terminalsOfPort(port),
    geojson: port.geography,
  };
}
