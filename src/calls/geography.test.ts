import { describe, expect, it } from "vitest";
import { loadPortRegistry } from "../geo/index.ts";
import { compileCallGeography, fastContains, ZoneGrid } from "./geography.ts";

const registry = loadPortRegistry();

describe("compileCallGeography", () => {
  it("worked example: USLAX", () => {
    const g = compileCallGeography(registry.get("USLAX")!);
    // 8 POLA strips, then the 6 Long Beach terminals standing for their quays (no strips drawn).
    expect(g.berths).toHaveLength(14);
    expect(g.terminals).toHaveLength(13);
    expect(g.anchorages).toHaveLength(15);
    expect(g.portAreas).toHaveLength(1);
    expect(g.pilotAreas).toHaveLength(2);
    expect(g.innerApproach).toHaveLength(1);
    expect(g.speedZones.map((z) => [z.id, z.limitKn])).toEqual([
      ["uslax-vsr-20nm", 12],
      ["uslax-vsr-40nm", 12],
    ]);
  });

  it("JPNGO: the Irago Suido route (12 kn, unconfirmed) is its speed zone", () => {
    const g = compileCallGeography(registry.get("JPNGO")!);
    expect(g.speedZones.map((z) => [z.id, z.limitKn])).toEqual([["jpngo-irago-suido-route", 12]]);
    expect(g.outerApproach).toHaveLength(1);
    expect(g.innerApproach).toHaveLength(1);
  });

  it("the grid agrees with the exact test", () => {
    const g = compileCallGeography(registry.get("USLAX")!);
    const grid = new ZoneGrid(g);
    let checked = 0;
    for (let lon = -119.2; lon <= -117.6; lon += 0.0137)
      for (let lat = 33.0; lat <= 34.0; lat += 0.0113) {
        const x = lon * g.cosLat;
        const cell = grid.cell(x, lat);
        const viaGrid = new Set<number>(cell.sure);
        for (const k of cell.maybe) if (fastContains(grid.polys[k]!, x, lat)) viaGrid.add(k);
        const exact = new Set<number>();
        grid.polys.forEach((p, k) => {
          if (fastContains(p, x, lat)) exact.add(k);
        });
        expect([...viaGrid].sort()).toEqual([...exact].sort());
        checked++;
      }
    expect(checked).toBeGreaterThan(10_000);
  });
});
