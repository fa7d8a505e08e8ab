/**
 * CHE activity against the port's equipment registry (transition capability): where the registry
 * holds a unit of the activity, the two must describe the same machine — a unit whose equipment
 * type or powertrain differs is warned about (the activity's values are used: they are what the
 * hours were logged against), and the inventory notes how many of its units the registry holds. Pure.
 */
import type { ChePowertrain, CheRecord } from "./model.ts";

/** A registry unit as the CHE lines read it (vocabularies already mapped to the CHE ones). */
export interface RegistryUnit {
  unitId: string;
  equipmentType: string;
  /** Null when the registry's powertrain has no CHE counterpart (hydrogen ICE, LNG). */
  powertrain: ChePowertrain | null;
}

/**
 * The activity's CHE rows with the registry's word on each unit it holds (`registry` on the row:
 * the fields where the two disagree; computeChe warns once per unit and field).
 * Example: rows of YT-1 (yard tractor, diesel) and YT-9 (not registered); registry YT-1 yard
 * tractor, hybrid → YT-1's rows carry registry { mismatches: [{ field: "powertrain", registry:
 * "hybrid" }] }; YT-9's rows are unchanged.
 */
export function withRegistry(records: readonly CheRecord[], registry: readonly RegistryUnit[]): CheRecord[] {
  const byId = new Map(registry.map((u) => [u.unitId, u]));
  return records.map((r) => {
    const u = byId.get(r.unitId);
    if (!u) return r;
    const mismatches: { field: "equipmentType" | "powertrain"; registry: string }[] = [];
    if (u.equipmentType !== r.equipmentType)
      mismatches.push({ field: "equipmentType", registry: u.equipmentType });
    if (u.powertrain !== null && u.powertrain !== r.powertrain)
      mismatches.push({ field: "powertrain", registry: u.powertrain });
    return { ...r, registry: { mismatches } };
  });
}
