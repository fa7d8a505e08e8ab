/**
 * The equipment registry as the emissions inventory reads it (emissions/nonship/registry.ts): the
 * cargo-handling units with their category as the CHE equipment type (the same ids) and their
 * powertrain in the CHE vocabulary. Pure.
 */
import type { ChePowertrain, RegistryUnit } from "../emissions/index.ts";
import { CHE_CATEGORIES, type Equipment, type Powertrain } from "./wire.ts";

/** Registry powertrain → the inventory's; null where the inventory has no such CHE powertrain. */
const CHE_POWERTRAIN: Record<Powertrain, ChePowertrain | null> = {
  diesel: "diesel",
  renewable_diesel: "diesel",
  hybrid: "hybrid",
  battery: "battery_electric",
  fuel_cell: "fuel_cell",
  hydrogen_ice: null,
  lng: null,
};

/** Example: a battery yard tractor → { unitId, equipmentType: "yard_tractor", powertrain: "battery_electric" }. */
export function registryUnitsForInventory(units: readonly Equipment[]): RegistryUnit[] {
  return units
    .filter((u) => CHE_CATEGORIES.includes(u.category))
    .map((u) => ({
      unitId: u.unitId,
      equipmentType: u.category,
      powertrain: CHE_POWERTRAIN[u.powertrain],
    }));
}
