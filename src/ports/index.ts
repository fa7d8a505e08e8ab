export type {
  BilingualName,
  GeoJsonFeatureCollection,
  PortRecord,
  PortStore,
  UpsertCounts,
} from "./model.ts";
export { DEFAULT_PORTS_DIR, loadPortRecords } from "./registry.ts";
export { portRoutes } from "./routes.ts";
export { portDetail, portSummary, terminalsOfPort } from "./view.ts";
export type { BerthView, PortDetail, PortSummary, TerminalView } from "./wire.ts";
