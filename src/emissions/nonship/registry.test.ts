import { describe, expect, it } from "vitest";
import { computeNonshipLines } from "./compute.ts";
import { parseActivityText } from "./csv.ts";
import { cheSpec } from "./input-che.ts";
import { emptyActivity } from "./model.ts";
import { withRegistry } from "./registry.ts";
import { loadNonshipTables, portGridFactor } from "./tables-io.ts";

const tables = loadNonshipTables();
const HEADER =
  "unit_id,terminal,equipment_type,powertrain,rated_hp,model_year,year,month,hours,energy_kwh,hydrogen_kg,cumulative_hours,hydrogen_pathway";

describe("CHE activity against the equipment registry", () => {
  // YT-1: the registry says hybrid; TH-1: the registry says it is a yard tractor; YT-2: agrees;
  // YT-9: not in the registry.
  const parsed = parseActivityText(
    cheSpec(),
    [
      HEADER,
      "YT-1,uslax-terminal-yti,yard tractor,diesel,200,2018,2024,1,100,,,,",
      "YT-1,uslax-terminal-yti,yard tractor,diesel,200,2018,2024,2,120,,,,",
      "TH-1,uslax-terminal-yti,top handler,diesel,250,2018,2024,1,100,,,,",
      "YT-2,uslax-terminal-yti,yard tractor,diesel,200,2018,2024,1,100,,,,",
      "YT-9,uslax-terminal-yti,yard tractor,diesel,200,2018,2024,1,100,,,,",
    ].join("\n"),
    "che.csv",
  );
  const rows = parsed.records.map((r) => ({ ...r.record, ref: { file: "che.csv", line: r.line } }));
  const registry = [
    { unitId: "YT-1", equipmentType: "yard_tractor", powertrain: "hybrid" as const },
    { unitId: "TH-1", equipmentType: "yard_tractor", powertrain: "diesel" as const },
    { unitId: "YT-2", equipmentType: "yard_tractor", powertrain: "diesel" as const },
  ];

  it("marks the units the registry holds with the fields that disagree", () => {
    expect(parsed.rejects).toEqual([]);
    const out = withRegistry(rows, registry);
    expect(out.map((r) => [r.unitId, r.registry?.mismatches.map((m) => `${m.field}=${m.registry}`)])).toEqual(
      [
        ["YT-1", ["powertrain=hybrid"]],
        ["YT-1", ["powertrain=hybrid"]],
        ["TH-1", ["equipmentType=yard_tractor"]],
        ["YT-2", []],
        ["YT-9", undefined],
      ],
    );
  });

  it("warns once per unit and field, notes the coverage, and computes the lines as before", () => {
    const options = {
      port: "USLAX",
      gwp: "AR5" as const,
      wellToWheel: false,
      gridFactor: portGridFactor("USLAX", tables),
    };
    const before = computeNonshipLines(tables, { ...emptyActivity(), che: rows }, options);
    const after = computeNonshipLines(
      tables,
      { ...emptyActivity(), che: withRegistry(rows, registry) },
      options,
    );
    expect(after.lines).toEqual(before.lines);
    const warned = after.warnings
      .filter((w) => w.code.startsWith("che_registry"))
      .map((w) => [w.code, w.sourceId, w.params.registry, w.params.activity]);
    expect(warned).toEqual([
      ["che_registry_powertrain", "che:YT-1", "hybrid", "diesel"],
      ["che_registry_type", "che:TH-1", "yard_tractor", "top_handler"],
    ]);
    expect(after.notes.find((n) => n.code === "che_registry")?.params).toEqual({ matched: 3, units: 4 });
    expect(before.notes.some((n) => n.code === "che_registry")).toBe(false);
  });
});
