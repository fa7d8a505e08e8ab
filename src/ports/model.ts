/**
 * The port registry as the rest of the system sees it: one record per port with its names, zone,
 * currency, map framing and geography. Built from data/ports/ at start-up and kept in the store so
 * that other records (calls, inventories, datasets) can refer to a port by its UN/LOCODE.
 */
import type { BilingualName } from "../core/language.ts";

export type { BilingualName };

export interface PortRecord {
  locode: string;
  name: BilingualName;
  country: string;
  timeZone: string;
  currency: string;
  sisterPort: string | null;
  /** [lon, lat] in degrees, WGS84. */
  center: [number, number];
  zoom: number;
  bbox: [number, number, number, number];
  attribution: string[];
  /** The port's GeoJSON FeatureCollection, as shipped in data/ports/. */
  geography: GeoJsonFeatureCollection;
  /** SHA-256 of the geography text: tells whether a stored copy is current. */
  geographySha256: string;
}

export interface GeoJsonFeature {
  type: "Feature";
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

export interface GeoJsonFeatureCollection {
  type: "FeatureCollection";
  features: GeoJsonFeature[];
  [key: string]: unknown;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What the ports capability needs from storage; `store/` implements it. */
export interface PortStore {
  upsertPorts(ports: PortRecord[]): Promise<UpsertCounts>;
  listPorts(): Promise<PortRecord[]>;
  getPort(locode: string): Promise<PortRecord | undefined>;
}
