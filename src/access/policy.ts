/**
 * Who may use what (issue 14): the roles, the principal a request acts as, and the one decision the
 * server applies to every route from the route's own `access` list (RouteDef.access — the single
 * table of who may use what; the OpenAPI document publishes it as `x-access`). Pure: no framework.
 */
import { DomainError } from "../core/errors.ts";
import type { Audience, Principal } from "../core/http.ts";

export type { Audience, Principal } from "../core/http.ts";

/** A role an account or key can hold (every audience but "public", which is nobody signed in). */
export type Role = Exclude<Audience, "public">;

/** Every role, in the order lists show them. */
export const ROLES: readonly Role[] = [
  "analyst",
  "terminal",
  "trucking",
  "partner",
  "sister_port",
  "admin",
] as const;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The answer to "may this principal use this route (for this port)?". */
export type Decision = "allow" | 401 | 403;

/**
 * Decides one request. A public route is open to anyone; otherwise nobody signed in gets 401 and a
 * principal whose role the route does not list gets 403; so does one whose port scope does not
 * include the route's port. Admin gets only what the route lists (every route lists it today).
 *
 * Example: `decide(["analyst", "admin"], null)` → 401;
 * `decide(["analyst", "admin"], { kind: "key", id: "k1", role: "partner", ports: "*" })` → 403;
 * `decide(["analyst"], { kind: "user", id: "u1", role: "analyst", ports: ["USLAX"] }, "JPNGO")` → 403.
 *
 * `port`: the port the request addresses (its `{locode}`); `null` when the route addresses none (a
 * call or a vessel by id), which a principal scoped to some ports is refused: its port cannot be
 * known before the data is read, so nothing outside the scope may leak. Undefined: not checked.
 */
export function decide(
  routeAccess: readonly Audience[],
  principal: Principal | null,
  port?: string | null,
): Decision {
  if (routeAccess.includes("public")) return "allow";
  if (!principal) return 401;
  if (!routeAccess.includes(principal.role)) return 403;
  if (port === null) return principal.ports === "*" ? "allow" : 403;
  if (port !== undefined && !portInScope(principal.ports, port)) return 403;
  return "allow";
}

/** Whether a port scope ("*" or a list of UN/LOCODEs) covers a port (case-insensitive). */
export function portInScope(ports: readonly string[] | "*", port: string): boolean {
  return ports === "*" || ports.includes(port.toUpperCase());
}

/** Port scope as stored: "*" or comma-separated UN/LOCODEs. */
export function formatPorts(ports: readonly string[] | "*"): string {
  return ports === "*" ? "*" : ports.join(",");
}

export function parsePorts(text: string): string[] | "*" {
  if (text.trim() === "*" || text.trim() === "") return "*";
  return text
    .split(",")
    .map((p) => p.trim().toUpperCase())
    .filter((p) => p !== "");
}

/**
 * Data reach of a terminal operator (issue 14): its data is its own terminal's. Given the terminal a
 * request asks for (undefined: every terminal), returns the terminal the answer must be confined to;
 * another terminal's data is not found (404), not forbidden, so its existence is not revealed.
 * Other roles reach what they asked for.
 *
 * Example: a terminal principal with owner "uslax-terminal-yti": asked undefined → "uslax-terminal-yti";
 * asked "uslax-terminal-pier400" → DomainError not_found; an analyst asked undefined → undefined.
 */
export function terminalReach(
  principal: Principal | null | undefined,
  asked: string | undefined,
): string | undefined {
  if (principal?.role !== "terminal") return asked;
  const own = principal.owner;
  if (own === undefined || (asked !== undefined && asked !== own))
    throw new DomainError("not_found", `no terminal ${asked ?? "(none)"} in your reach`);
  return own;
}

/**
 * Data reach of a partner (a pilot's company or research body) and a trucking company (issue 14):
 * its own equipment, telemetry, trucks and boxes. Returns the owner the answer must be confined to,
 * or undefined when the principal's role reaches every owner. A partner with no owner on record
 * reaches nothing ("" matches no owner).
 *
 * Example: a partner key with owner "ACME H2" → "ACME H2"; an analyst → undefined; a partner with
 * no owner → "".
 */
export function ownerReach(principal: Principal | null | undefined): string | undefined {
  if (principal?.role !== "partner" && principal?.role !== "trucking") return undefined;
  return principal.owner ?? "";
}
