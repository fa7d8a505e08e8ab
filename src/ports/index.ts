export type {
  GeoJsonFeatureCollection,
  LocalizedName,
  PortRecord,
  PortStore,
  UpsertCounts,
} from "./model.ts";
export { DEFAULT_PORTS_DIR, loadPortRecords } from "./registry.ts";
export { portRoutes } from "./routes.ts";
export { type PortDetail, type PortSummary, portDetail, portSummary, terminalsOfPort } from "./view.ts";
