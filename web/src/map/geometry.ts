import type { PortFeature } from "../api.ts";

export type Bounds = [number, number, number, number];

/** Bounding box of any GeoJSON geometry's coordinates (walks nested arrays). */
export function featureBounds(features: PortFeature[]): Bounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number" && typeof c[1] === "number") {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]);
      maxY = Math.max(maxY, c[1]);
      return;
    }
    for (const child of c) visit(child);
  };
  for (const f of features) visit(f.geometry?.coordinates);
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

// The harbour itself, not the 40 nm speed zone around it: what a port page opens on.
const HARBOUR_KINDS = new Set(["port_area", "terminal", "berth", "entrance", "breakwater"]);

export function harbourBounds(features: PortFeature[]): Bounds | null {
  return featureBounds(features.filter((f) => HARBOUR_KINDS.has(f.properties.kind)));
}
