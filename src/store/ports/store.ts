/** PortStore on Kysely: the same code for SQLite and PostgreSQL. */
import type { Kysely, Selectable } from "kysely";
import type { PortRecord, PortStore, UpsertCounts } from "../../ports/model.ts";
import type { PortsDatabase, PortsTable } from "./schema.ts";

function toRow(port: PortRecord, displayOrder: number, updatedAt: string): PortsTable {
  return {
    locode: port.locode,
    display_order: displayOrder,
    name_en: port.name.en,
    name_ja: port.name.ja,
    country: port.country,
    time_zone: port.timeZone,
    currency: port.currency,
    sister_port: port.sisterPort,
    center_lon: port.center[0],
    center_lat: port.center[1],
    zoom: port.zoom,
    bbox_json: JSON.stringify(port.bbox),
    attribution_json: JSON.stringify(port.attribution),
    geography_json: JSON.stringify(port.geography),
    geography_sha256: port.geographySha256,
    updated_at: updatedAt,
  };
}

function fromRow(row: Selectable<PortsTable>): PortRecord {
  return {
    locode: row.locode,
    name: { en: row.name_en, ja: row.name_ja },
    country: row.country,
    timeZone: row.time_zone,
    currency: row.currency,
    sisterPort: row.sister_port,
    center: [Number(row.center_lon), Number(row.center_lat)],
    zoom: Number(row.zoom),
    bbox: JSON.parse(row.bbox_json),
    attribution: JSON.parse(row.attribution_json),
    geography: JSON.parse(row.geography_json),
    geographySha256: row.geography_sha256,
  };
}

/** Fields whose change makes a stored port out of date (everything but the timestamp). */
function sameContent(a: PortsTable, b: Selectable<PortsTable>): boolean {
  return (Object.keys(a) as (keyof PortsTable)[]).every(
    (key) => key === "updated_at" || String(a[key]) === String(b[key]),
  );
}

export function createPortStore(db: Kysely<PortsDatabase>, now: () => Date = () => new Date()): PortStore {
  return {
    async upsertPorts(ports) {
      const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
      const updatedAt = now().toISOString();
      // One transaction: either every port is current afterwards or none changed.
      await db.transaction().execute(async (trx) => {
        for (const [index, port] of ports.entries()) {
          const row = toRow(port, index, updatedAt);
          const existing = await trx
            .selectFrom("ports")
            .selectAll()
            .where("locode", "=", port.locode)
            .executeTakeFirst();
          if (!existing) {
            await trx.insertInto("ports").values(row).execute();
            counts.inserted++;
          } else if (sameContent(row, existing)) {
            counts.unchanged++;
          } else {
            await trx.updateTable("ports").set(row).where("locode", "=", port.locode).execute();
            counts.updated++;
          }
        }
      });
      return counts;
    },
    async listPorts() {
      const rows = await db
        .selectFrom("ports")
        .selectAll()
        .orderBy("display_order")
        .orderBy("locode")
        .execute();
      return rows.map(fromRow);
    },
    async getPort(locode) {
      const row = await db.selectFrom("ports").selectAll().where("locode", "=", locode).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
  };
}
