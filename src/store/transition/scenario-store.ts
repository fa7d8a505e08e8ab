/** ScenarioStore on Kysely: one code path for SQLite and PostgreSQL. */
import type { Kysely } from "kysely";
import type { ScenarioStore, StoredScenarioRow } from "../../transition/scenario-store.ts";
import type { TransitionDatabase, TransitionScenariosTable } from "./schema.ts";

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toRow(s: StoredScenarioRow): TransitionScenariosTable {
  const y2030 = s.result.years.find((y) => y.year === 2030);
  const last = s.result.years.at(-1);
  return {
    port: s.port,
    name: s.name,
    description: s.description,
    base_year: s.result.baseYear,
    horizon_year: s.result.horizonYear,
    input_json: JSON.stringify(s.input),
    result_json: JSON.stringify(s.result),
    gap_json: JSON.stringify(s.targetsGap),
    ze_share_che_pct_2030: y2030?.zeShareChePct ?? null,
    wtw_co2e_t_horizon: last?.emissions.wtwCo2eT ?? null,
    saved_at: s.savedAt,
  };
}

export function createScenarioStore(db: Kysely<TransitionDatabase>): ScenarioStore {
  return {
    async saveScenario(s) {
      const row = toRow(s);
      return db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("transition_scenarios")
          .select("name")
          .where("port", "=", s.port)
          .where("name", "=", s.name)
          .executeTakeFirst();
        await trx
          .insertInto("transition_scenarios")
          .values(row)
          .onConflict((oc) =>
            oc.columns(["port", "name"]).doUpdateSet({
              description: row.description,
              base_year: row.base_year,
              horizon_year: row.horizon_year,
              input_json: row.input_json,
              result_json: row.result_json,
              gap_json: row.gap_json,
              ze_share_che_pct_2030: row.ze_share_che_pct_2030,
              wtw_co2e_t_horizon: row.wtw_co2e_t_horizon,
              saved_at: row.saved_at,
            }),
          )
          .execute();
        return { replaced: before !== undefined };
      });
    },

    async listScenarios(port) {
      const rows = await db
        .selectFrom("transition_scenarios")
        .select([
          "port",
          "name",
          "description",
          "base_year",
          "horizon_year",
          "saved_at",
          "ze_share_che_pct_2030",
          "wtw_co2e_t_horizon",
        ])
        .where("port", "=", port)
        .orderBy("name")
        .execute();
      return rows.map((r) => ({
        port: r.port,
        name: r.name,
        description: r.description,
        baseYear: Number(r.base_year),
        horizonYear: Number(r.horizon_year),
        savedAt: r.saved_at,
        zeShareChePctAt2030: num(r.ze_share_che_pct_2030),
        wtwCo2eTAtHorizon: num(r.wtw_co2e_t_horizon),
      }));
    },

    async scenario(port, name) {
      const r = await db
        .selectFrom("transition_scenarios")
        .selectAll()
        .where("port", "=", port)
        .where("name", "=", name)
        .executeTakeFirst();
      if (r === undefined) return undefined;
      return {
        port: r.port,
        name: r.name,
        description: r.description,
        input: JSON.parse(r.input_json) as Record<string, unknown>,
        result: JSON.parse(r.result_json) as StoredScenarioRow["result"],
        targetsGap: JSON.parse(r.gap_json) as StoredScenarioRow["targetsGap"],
        savedAt: r.saved_at,
      };
    },

    async deleteScenario(port, name) {
      const r = await db
        .deleteFrom("transition_scenarios")
        .where("port", "=", port)
        .where("name", "=", name)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
