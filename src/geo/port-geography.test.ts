import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "../core/errors.ts";
import { berthsOf, featuresOfKind, parsePortGeography, terminalsOf } from "./port-geography.ts";
import { DEFAULT_PORTS_DIR, loadPortRegistry } from "./port-registry.ts";

const square = [
  [
    [0, 0],
    [0.01, 0],
    [0.01, 0.01],
    [0, 0.01],
    [0, 0],
  ],
];
const strip = [
  [
    [0, -0.001],
    [0.01, -0.001],
    [0.01, -0.0005],
    [0, -0.0005],
    [0, -0.001],
  ],
];

function feature(props: Record<string, unknown>, geometry: unknown) {
  return { type: "Feature", properties: props, geometry };
}

function good() {
  return {
    type: "FeatureCollection",
    features: [
      feature(
        {
          id: "t1",
          kind: "terminal",
          name_en: "Terminal",
          name_ja: "ターミナル",
          port: "USLAX",
          source: "test",
          confidence: "B",
        },
        { type: "Polygon", coordinates: square },
      ),
      feature(
        {
          id: "b1",
          kind: "berth",
          name_en: "Berth 1",
          name_ja: "1番バース",
          terminal: "t1",
          berth: "1",
          port: "USLAX",
          length_m: 1000,
          depth_m: 16,
          source: "test",
          confidence: "C",
        },
        { type: "Polygon", coordinates: strip },
      ),
      feature(
        {
          id: "p1",
          kind: "reference_point",
          name_en: "Light",
          name_ja: "灯台",
          source: "s",
          confidence: "A",
        },
        { type: "Point", coordinates: [0, 0] },
      ),
    ],
  };
}

function issuesOf(fn: () => unknown): { field?: string; reason: string; file?: string }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("validation");
    return (err as DomainError).issues;
  }
  throw new Error("expected a DomainError");
}

describe("parsePortGeography", () => {
  it("returns typed features and helpers find them", () => {
    const geo = parsePortGeography(good(), "test.geojson");
    expect(geo.features).toHaveLength(3);
    expect(terminalsOf(geo.features).map((t) => t.id)).toEqual(["t1"]);
    expect(terminalsOf(geo.features, "USLGB")).toEqual([]);
    const berths = berthsOf(geo.features, "t1");
    expect(berths).toHaveLength(1);
    expect(berths[0]?.lengthM).toBe(1000);
    expect(berths[0]?.depthM).toBe(16);
    expect(berths[0]?.name).toEqual({ en: "Berth 1", ja: "1番バース" });
    expect(featuresOfKind(geo.features, "reference_point")).toHaveLength(1);
    expect(geo.byId.get("t1")?.bbox).toEqual([0, 0, 0.01, 0.01]);
  });

  it("lists every problem with file, feature id and field", () => {
    const fc = good();
    const [t, b, p] = fc.features as [
      ReturnType<typeof feature>,
      ReturnType<typeof feature>,
      ReturnType<typeof feature>,
    ];
    t.properties.name_ja = "";
    b.properties.terminal = "nope";
    b.properties.depth_m = -3;
    p.properties.id = "t1";
    p.properties.confidence = "D";
    const bowTie = [
      [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    ];
    fc.features.push(
      feature(
        { id: "z", kind: "speed_zone", name_en: "Z", name_ja: "Z", source: "s", confidence: "A" },
        { type: "Polygon", coordinates: bowTie },
      ),
    );
    const issues = issuesOf(() => parsePortGeography(fc, "bad.geojson"));
    const fields = issues.map((i) => i.field);
    expect(issues.every((i) => i.file === "bad.geojson")).toBe(true);
    expect(fields).toContain("t1.name_ja");
    expect(fields).toContain("b1.depth_m");
    expect(fields).toContain("t1.id"); // duplicate id on the third feature
    expect(fields).toContain("t1.confidence");
    expect(fields).toContain("z.geometry.coordinates[0]");
    expect(fields).toContain("z.speed_limit_kn");
    expect(issues.find((i) => i.field === "z.geometry.coordinates[0]")?.reason).toMatch(/self_intersection/);
  });

  it("reports a berth whose terminal does not exist", () => {
    const fc = good();
    (fc.features[1] as ReturnType<typeof feature>).properties.terminal = "missing";
    const issues = issuesOf(() => parsePortGeography(fc, "x.geojson"));
    expect(issues).toEqual([
      { file: "x.geojson", field: "b1.terminal", reason: 'no terminal feature with id "missing"' },
    ]);
  });

  it("rejects what is not a FeatureCollection", () => {
    expect(issuesOf(() => parsePortGeography({ type: "Feature" }, "y.geojson"))[0]?.field).toBe("type");
    expect(issuesOf(() => parsePortGeography(null, "y.geojson"))).toHaveLength(1);
  });

  it("requires area geometry for terminals and berths", () => {
    const fc = good();
    (fc.features[0] as ReturnType<typeof feature>).geometry = { type: "Point", coordinates: [0, 0] };
    const fields = issuesOf(() => parsePortGeography(fc, "z.geojson")).map((i) => i.field);
    expect(fields).toContain("t1.geometry.type");
  });
});

describe("loadPortRegistry", () => {
  const dir = mkdtempSync(join(tmpdir(), "ports-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the shipped registry from the default directory", () => {
    const reg = loadPortRegistry();
    expect(reg.list()).toHaveLength(2);
    expect(reg.get("JPNGO")?.features.length).toBeGreaterThan(10);
    expect(DEFAULT_PORTS_DIR.endsWith(`${join("data", "ports")}/`)).toBe(true);
  });

  it("collects problems across ports.json and the GeoJSON files", () => {
    const ports = JSON.parse(readFileSync(join(DEFAULT_PORTS_DIR, "ports.json"), "utf8")) as Record<
      string,
      unknown
    >[];
    const [la, ngo] = ports as [Record<string, unknown>, Record<string, unknown>];
    la.timeZone = "Mars/Olympus";
    ngo.geographyFile = "broken.geojson";
    writeFileSync(join(dir, "ports.json"), JSON.stringify([la, ngo]));
    writeFileSync(join(dir, "broken.geojson"), "{ not json");
    writeFileSync(join(dir, "USLAX.geojson"), readFileSync(join(DEFAULT_PORTS_DIR, "USLAX.geojson")));
    const issues = issuesOf(() => loadPortRegistry(dir));
    expect(issues.map((i) => `${i.file}:${i.field ?? ""}`)).toEqual([
      "ports.json:[0].timeZone",
      "broken.geojson:",
      "ports.json:JPNGO.sisterPort",
    ]);
  });
});
