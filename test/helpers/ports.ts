/** A small but real-shaped port record for tests that must not depend on the shipped data. */
import type { PortRecord } from "../../src/ports/model.ts";

export function samplePort(overrides: Partial<PortRecord> = {}): PortRecord {
  return {
    locode: "USLAX",
    name: { en: "Port of Los Angeles", ja: "ロサンゼルス港" },
    country: "US",
    timeZone: "America/Los_Angeles",
    currency: "USD",
    sisterPort: "JPNGO",
    center: [-118.26, 33.73],
    zoom: 12,
    bbox: [-118.3, 33.7, -118.2, 33.78],
    attribution: ["© OpenStreetMap contributors (ODbL)"],
    geography: {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [-118.27, 33.74],
                [-118.26, 33.74],
                [-118.26, 33.75],
                [-118.27, 33.75],
                [-118.27, 33.74],
              ],
            ],
          },
          properties: {
            id: "uslax-terminal-yti",
            kind: "terminal",
            name_en: "Yusen Terminals (YTI)",
            name_ja: "ユセン・ターミナルズ",
            operator: "Yusen Terminals LLC",
            berths: "212-225",
            port: "USLAX",
          },
        },
        {
          type: "Feature",
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [-118.2705, 33.74],
                [-118.2701, 33.74],
                [-118.2701, 33.745],
                [-118.2705, 33.745],
                [-118.2705, 33.74],
              ],
            ],
          },
          properties: {
            id: "uslax-berth-212",
            kind: "berth",
            terminal: "uslax-terminal-yti",
            berth: "212",
            length_m: 300,
          },
        },
      ],
    },
    geographySha256: "0".repeat(64),
    ...overrides,
  };
}
