import { describe, expect, it } from "vitest";
import { EQUIPMENT_CSV_COLUMNS, parseEquipmentCsv } from "./equipment.ts";

const HEADER = EQUIPMENT_CSV_COLUMNS.join(",");

describe("parseEquipmentCsv", () => {
  it("reads units, normalises the usual words and keeps optional fields null", () => {
    const text = `${HEADER}
USLAX,UTR-H2-01,UTR,FCEV,2019,,,"Toyota / Fenix Marine",demo,Toyota UNO,YT-D-117
jp ngo,TH-01,top pick,battery-electric,2024,120.5,,,in service,,
`;
    const p = parseEquipmentCsv(text, "fleet.csv");
    expect(p.rejects).toEqual([]);
    expect(p.read).toBe(2);
    expect(p.records.map((r) => r.equipment)).toEqual([
      {
        port: "USLAX",
        unitId: "UTR-H2-01",
        category: "yard_tractor",
        powertrain: "fuel_cell",
        modelYear: 2019,
        ratedPowerKw: null,
        engineTier: null,
        owner: "Toyota / Fenix Marine",
        status: "pilot",
        programme: "Toyota UNO",
        replaces: "YT-D-117",
      },
      {
        port: "JPNGO",
        unitId: "TH-01",
        category: "top_handler",
        powertrain: "battery",
        modelYear: 2024,
        ratedPowerKw: 120.5,
        engineTier: null,
        owner: null,
        status: "in_service",
        programme: null,
        replaces: null,
      },
    ]);
  });

  it("rejects each bad field with file, line, field and reason; the rest goes through; counts add up", () => {
    const text = `${HEADER}
USLAX,A1,yard_tractor,diesel,2015,150,T4F,,in_service,,
USLAX,A2,spaceship,diesel,2015,150,,,in_service,,
XX,A3,rtg,warp,20x5,-4,,,in_service,,
USLAX,A4,rtg,diesel,2015,150,,,in_service,,A4
USLAX,A1,yard_tractor,diesel,2015,150,T4F,,in_service,,
USLAX,A1,yard_tractor,diesel,2016,150,T4F,,in_service,,
USLAX,A5,rtg,diesel
`;
    const p = parseEquipmentCsv(text, "f.csv");
    expect(p.read).toBe(7);
    expect(p.records.map((r) => r.equipment.unitId)).toEqual(["A1"]);
    expect(p.duplicateRows).toBe(1);
    expect(p.rejectedRows).toBe(5);
    expect(p.records.length + p.duplicateRows + p.rejectedRows).toBe(p.read);
    const by = (line: number) => p.rejects.filter((r) => r.line === line).map((r) => r.field);
    expect(by(3)).toEqual(["category"]);
    expect(by(4)).toEqual(["port", "powertrain", "model_year", "rated_power_kw"]);
    expect(by(5)).toEqual(["replaces"]);
    expect(by(7)).toEqual(["unit_id"]);
    expect(by(8)).toEqual(["line"]);
    expect(p.rejects.every((r) => r.file === "f.csv" && r.reason.length > 0)).toBe(true);
  });

  it("rejects a file without the required columns at line 1", () => {
    const p = parseEquipmentCsv("port,unit\nUSLAX,A\n", "x.csv");
    expect(p.records).toEqual([]);
    expect(p.rejectedRows).toBe(1);
    expect(p.rejects[0]).toMatchObject({ line: 1, field: "unit_id" });
  });
});
