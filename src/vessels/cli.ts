/** `vessels import FILE…` (particulars registry) and `vessels show MMSI|IMO`. */
import path from "node:path";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { parseImoNumber, parseMmsi } from "../core/ids.ts";
import { readParticularsFile } from "./particulars-io.ts";
import { mergeVesselStatics } from "./registry.ts";
import type { VesselStore } from "./store.ts";

/** How the CLI gives a command its store (composed in src/cli/; the AIS store provides the registry). */
export type OpenVesselStore = () => Promise<{ ais: VesselStore; close(): Promise<void> }>;

export function registerVesselCommands(program: Command, openStore: OpenVesselStore): void {
  const vessels = program
    .command("vessels")
    .description("the vessel registry: particulars and AIS static data");

  vessels
    .command("import")
    .description(
      "import vessel particulars (CSV: IMO, name, type, DWT/TEU, build year, engine kW/type/stroke/rpm, speeds, aux kW, shore power); unknown values get defaults by type and size",
    )
    .argument("<files...>", "CSV files (plain, .gz or .zip)")
    .option("--json", "machine-readable summary")
    .action(async (files: string[], opts: { json?: boolean }) => {
      const store = await openStore();
      const summaries = [];
      try {
        for (const file of files) {
          const result = await readParticularsFile(file);
          const stored = await store.ais.upsertParticulars(result.rows, path.resolve(file));
          // Counts balance over the file: read = accepted + rejected + duplicates, where rows
          // identical to what is stored count as duplicates too (a re-import changes nothing).
          const counts = {
            read: result.counts.read,
            accepted: stored.added + stored.updated,
            rejected: result.counts.rejected,
            duplicates: result.counts.duplicates + stored.unchanged,
            added: stored.added,
            updated: stored.updated,
          };
          summaries.push({ file, counts, rejects: result.rejects, ignoredColumns: result.ignoredColumns });
          if (!opts.json) {
            process.stdout.write(
              `${file}: read ${counts.read}, accepted ${counts.accepted} (${counts.added} new, ${counts.updated} updated), rejected ${counts.rejected}, duplicates ${counts.duplicates}\n`,
            );
            for (const r of result.rejects)
              process.stderr.write(`  ${file}:${r.line}: ${r.field}: ${r.reason}\n`);
            if (result.ignoredColumns.length > 0)
              process.stderr.write(`  ignored columns: ${result.ignoredColumns.join(", ")}\n`);
          }
        }
      } finally {
        await store.close();
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
    });

  vessels
    .command("show")
    .description("a vessel by MMSI or IMO: AIS static data merged, particulars with their defaults")
    .argument("<id>", "MMSI (9 digits) or IMO number (IMO1234567 or 7 digits)")
    .option("--json", "machine-readable output")
    .action(async (id: string, opts: { json?: boolean }) => {
      const store = await openStore();
      try {
        const imo = parseImoNumber(id);
        const mmsi = !imo.ok ? parseMmsi(id) : undefined;
        if (!imo.ok && !mmsi?.ok)
          throw new DomainError("validation", `"${id}" is neither an IMO number nor an MMSI`, [
            { field: "id", reason: "not an IMO number or MMSI" },
          ]);
        let ais = mmsi?.ok
          ? mergeVesselStatics(await store.ais.staticHistory(mmsi.value)).get(mmsi.value)
          : undefined;
        const imoNumber = imo.ok ? imo.value : (ais?.imo ?? null);
        if (!ais && imoNumber !== null) {
          const merged = mergeVesselStatics(
            await store.ais.staticReports(await store.ais.mmsisWithImo(imoNumber)),
          );
          ais = [...merged.values()].find((v) => v.imo === imoNumber);
        }
        const [particulars] = imoNumber !== null ? await store.ais.particulars([imoNumber]) : [];
        const latestMmsi = ais?.mmsi ?? (mmsi?.ok ? mmsi.value : undefined);
        const latest = latestMmsi !== undefined ? await store.ais.latestPosition(latestMmsi) : undefined;
        if (!ais && !particulars && !latest) throw new DomainError("not_found", `no vessel ${id}`);
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ ais: ais ?? null, particulars: particulars ?? null, latest: latest ?? null }, null, 2)}\n`,
          );
          return;
        }
        if (ais) {
          process.stdout.write(
            `${ais.name ?? "(no name)"}  MMSI ${ais.mmsi}  IMO ${ais.imo ?? "-"}  ${ais.callsign ?? ""}  class ${ais.aisClass}  type ${ais.shipType ?? "-"} (${ais.shipTypeGroup})\n`,
          );
          process.stdout.write(
            `  ${ais.lengthM ?? "?"} m × ${ais.beamM ?? "?"} m, draught ${ais.draughtM ?? "?"} m, destination ${ais.destination ?? "-"}, ETA ${ais.eta ?? "-"} UTC\n`,
          );
        }
        if (latest) {
          if (!ais) process.stdout.write(`MMSI ${latest.mmsi} (no static data heard)\n`);
          process.stdout.write(
            `  last report ${new Date(latest.timeS * 1000).toISOString()} at ${latest.latDeg.toFixed(5)}, ${latest.lonDeg.toFixed(5)}, ${latest.sogKnots ?? "?"} kn\n`,
          );
        }
        if (particulars) {
          const defaulted = new Set<string>(particulars.defaulted.map((d) => d.field));
          const mark = (field: string) => (defaulted.has(field) ? " (default)" : "");
          process.stdout.write(
            `  particulars: ${particulars.shipType ?? "?"} / ${particulars.subType ?? "?"}; built ${particulars.buildYear ?? "?"}; main engine ${particulars.mainEngineKw ?? "?"} kW${mark("mainEngineKw")} ${particulars.engineType ?? "?"}${mark("engineType")}; service ${particulars.serviceSpeedKn ?? "?"} kn${mark("serviceSpeedKn")}; aux ${particulars.auxKw ?? "?"} kW; shore power ${particulars.shorePower === null ? "?" : particulars.shorePower ? "yes" : "no"}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
