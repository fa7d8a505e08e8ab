import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors.ts";
import { EMISSIONS_REFERENCE_DIR } from "../reference-io.ts";
import { OGV_TABLE_FILES, type OgvTableName, type OgvTableTexts, parseOgvTables } from "./tables.ts";
import { loadOgvTables } from "./tables-io.ts";

function shippedTexts(): OgvTableTexts {
  const texts = {} as OgvTableTexts;
  for (const [name, file] of Object.entries(OGV_TABLE_FILES) as [OgvTableName, string][])
    texts[name] = fs.readFileSync(path.join(EMISSIONS_REFERENCE_DIR, file), "utf8");
  return texts;
}

function parseError(texts: OgvTableTexts): DomainError {
  try {
    parseOgvTables(texts);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("parsed without error");
}

describe("loadOgvTables", () => {
  it("parses every shipped table with a digest per file", () => {
    const t = loadOgvTables();
    expect(t.files).toHaveLength(Object.keys(OGV_TABLE_FILES).length);
    for (const f of t.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(t.nox.get("main|SSD|MGO/MDO|Tier 2")?.value).toBe(14.4);
    expect(t.fuelByLocation.get("main|OutsideECA|ST")?.value).toBe("MGO/MDO");
    expect(t.llafTable[2]?.nox).toBe(4.63);
    expect(t.loads.imo3.bySubType.get("container.ship.8000")?.auxKw.Berth).toBe(970);
    expect(t.gwp.get("AR5")).toMatchObject({ ch4: 28, n2o: 265 });
    expect(t.ch4N2o.get("main|LNG|LNG")).toMatchObject({ ch4: null, n2o: null });
    expect(t.sulfurPct.get("RM/HFO")?.value).toBe(0.5);
  });
});

describe("parseOgvTables on a malformed table", () => {
  it("names file, line and column of a bad number", () => {
    const texts = shippedTexts();
    texts.nox = texts.nox.replace("main,SSD,MGO/MDO,Tier 2,14.4", "main,SSD,MGO/MDO,Tier 2,fourteen");
    const e = parseError(texts);
    expect(e.code).toBe("internal");
    expect(e.message).toMatch(/^ogv_nox_ef\.csv: line 11, column nox_g_per_kwh: "fourteen" is not a number/);
    expect(e.issues[0]).toMatchObject({ file: "ogv_nox_ef.csv", line: 11, field: "nox_g_per_kwh" });
  });

  it("names an unknown engine type, a wrong cell count and a duplicate key", () => {
    let texts = shippedTexts();
    texts.hcCo = texts.hcCo.replace("main,SSD,0.6", "main,XSD,0.6");
    expect(parseError(texts).message).toMatch(
      /ogv_hc_co_ef\.csv: line 2, column engine_type: "XSD" is not one of/,
    );
    texts = shippedTexts();
    texts.bsfc = texts.bsfc.replace("main,SSD,MGO/MDO,185.0,", "main,SSD,MGO/MDO,185.0");
    expect(parseError(texts).message).toMatch(/ogv_bsfc\.csv: line 2: 4 cells where the header has 5/);
    texts = shippedTexts();
    texts.methaneSlip = `${texts.methaneSlip.trimEnd()}\nLNG-Diesel,0.3,B\n`;
    expect(parseError(texts).message).toMatch(
      /imo4_methane_slip\.csv: line 6, column engine_type: duplicate/,
    );
  });

  it("rejects fuel mixes and shares that do not add up", () => {
    const texts = shippedTexts();
    texts.fuelByLocation = texts.fuelByLocation
      .replace("main,ECA,SSD,RM/HFO,0.0", "main,ECA,SSD,RM/HFO,0.5")
      .replace("main,ECA,SSD,MGO/MDO,1.0", "main,ECA,SSD,MGO/MDO,0.5");
    expect(parseError(texts).message).toMatch(
      /ogv_default_fuel_by_location\.csv: line 2, column proportion: 0\.5: fuel mixes are not supported/,
    );
  });

  it("checks cross-references: a load-map row naming an unknown load-table row", () => {
    const texts = shippedTexts();
    texts.loadShipTypes = texts.loadShipTypes.replace(
      "imo3,Container Ship,container.ship,container.ship.8000",
      "imo3,Container Ship,container.ship,container.ship.9000",
    );
    expect(parseError(texts).message).toMatch(
      /ogv_load_ship_type_map\.csv: line 4, column fallback_sub_type: "container\.ship\.9000" is not a container\.ship sub_type/,
    );
  });

  it("requires CH4 and N2O for every fuel but LNG", () => {
    const texts = shippedTexts();
    texts.ch4N2o = texts.ch4N2o.replace("main,SSD,MGO/MDO,0.012,0.029", "main,SSD,MGO/MDO,,0.029");
    expect(parseError(texts).message).toMatch(/ogv_ch4_n2o_ef\.csv: line 2, column ch4_g_per_kwh: empty/);
  });
});
