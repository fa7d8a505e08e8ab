/** HTTP routes of the port registry (mounted by server/). */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { defineRoute, RequestInvalid, type RouteDef } from "../core/http.ts";
import { parseUnLocode } from "../core/ids.ts";
import type { PortStore } from "./model.ts";
import { portDetail, portSummary } from "./view.ts";
import { portDetailSchema, portSummarySchema } from "./wire.ts";

export function portRoutes(ports: PortStore): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports",
      operationId: "listPorts",
      summary: "List the ports this node knows",
      tags: ["ports"],
      access: ["public"],
      cache: () => "data",
      response: z.object({ ports: z.array(portSummarySchema) }),
      handler: async () => ({ ports: (await ports.listPorts()).map(portSummary) }),
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode",
      operationId: "getPort",
      summary: "One port with its terminals, berths and geography (GeoJSON)",
      tags: ["ports"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string().describe("UN/LOCODE, e.g. USLAX") }),
      response: portDetailSchema,
      handler: async ({ params }) => {
        const parsed = parseUnLocode(params.locode);
        if (!parsed.ok) throw new RequestInvalid("locode", params.locode, { rule: "locode" });
        const port = await ports.getPort(parsed.value);
        if (!port) throw new DomainError("not_found", `no port ${parsed.value} on this node`);
        return portDetail(port);
      },
    }),
  ];
}
