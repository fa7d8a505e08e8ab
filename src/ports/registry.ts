/**
 * Reads the shipped port registry (data/ports/ports.json and each port's GeoJSON) into
 * PortRecords. Run once at start-up; the records are then synchronised into the store.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DomainError, type FieldIssue } from "../core/errors.ts";
import { parseUnLocode } from "../core/ids.ts";
import { isValidTimeZone } from "../core/time.ts";
import type { GeoJsonFeatureCollection, PortRecord } from "./model.ts";

export const DEFAULT_PORTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../data/ports",
);

const portEntrySchema = z.object({
  locode: z.string().refine((v) => parseUnLocode(v).ok, "not a UN/LOCODE"),
  name: z.object({ en: z.string().min(1), ja: z.string().min(1) }),
  country: z.string().regex(/^[A-Z]{2}$/),
  timeZone: z.string().refine(isValidTimeZone, "not an IANA time zone"),
  currency: z.string().regex(/^[A-Z]{3}$/),
  sisterPort: z.string().nullable().optional(),
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  zoom: z.number().min(0).max(22),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  geographyFile: z.string().min(1),
  attribution: z.array(z.string()).default([]),
});

const featureCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
      properties: z.object({ id: z.string(), kind: z.string() }).loose(),
    }),
  ),
});

function zodIssues(error: z.ZodError, file: string): FieldIssue[] {
  return error.issues.map((issue) => ({ file, field: issue.path.join("."), reason: issue.message }));
}

/**
 * Loads every port of the registry. Throws one DomainError("validation") listing every problem
 * (file, field, reason) when the shipped data is broken, so a bad edit fails at start-up.
 */
export function loadPortRecords(dir: string = DEFAULT_PORTS_DIR): PortRecord[] {
  const registryFile = path.join(dir, "ports.json");
  const issues: FieldIssue[] = [];
  const entries = z.array(portEntrySchema).safeParse(JSON.parse(fs.readFileSync(registryFile, "utf8")));
  if (!entries.success)
    throw new DomainError("validation", "invalid port registry", zodIssues(entries.error, registryFile));

  const records: PortRecord[] = [];
  for (const entry of entries.data) {
    const file = path.join(dir, entry.geographyFile);
    const text = fs.readFileSync(file, "utf8");
    const parsed = featureCollectionSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, file));
      continue;
    }
    records.push({
      locode: entry.locode,
      name: entry.name,
      country: entry.country,
      timeZone: entry.timeZone,
      currency: entry.currency,
      sisterPort: entry.sisterPort ?? null,
      center: entry.center,
      zoom: entry.zoom,
      bbox: entry.bbox,
      attribution: entry.attribution,
      geography: JSON.parse(text) as GeoJsonFeatureCollection,
      geographySha256: createHash("sha256").update(text).digest("hex"),
    });
  }
  if (issues.length > 0) throw new DomainError("validation", "invalid port geography", issues);
  return records;
}
