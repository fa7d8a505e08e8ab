/**
 * The shipped port registry (data/ports/) as PortRecords: validated by geo's loader, then each
 * port's GeoJSON kept as shipped (the API and portal serve it) with a hash that tells whether a
 * stored copy is current. Run once at start-up; the records are then synchronised into the store.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_PORTS_DIR, loadPortRegistry } from "../geo/index.ts";
import type { GeoJsonFeatureCollection, PortRecord } from "./model.ts";

export { DEFAULT_PORTS_DIR };

/**
 * Loads every port of the registry. Throws one DomainError("validation") listing every problem
 * (file, field, reason) when the shipped data is broken, so a bad edit fails at start-up.
 */
export function loadPortRecords(dir: string = DEFAULT_PORTS_DIR): PortRecord[] {
  const registry = loadPortRegistry(dir);
  return registry.list().map((info) => {
    const text = fs.readFileSync(path.join(dir, info.geographyFile), "utf8");
    return {
      locode: info.locode,
      name: info.name,
      country: info.country,
      timeZone: info.timeZone,
      currency: info.currency,
      sisterPort: info.sisterPort,
      center: info.center,
      zoom: info.zoom,
      bbox: info.bbox,
      attribution: info.attribution,
      geography: JSON.parse(text) as GeoJsonFeatureCollection,
      geographySha256: createHash("sha256").update(text).digest("hex"),
    };
  });
}
