import { describe, expect, it } from "vitest";
import { decide, ownerReach, parsePorts, portInScope, terminalReach } from "./policy.ts";

describe("decide", () => {
  const analyst = { kind: "user" as const, id: "u1", role: "analyst" as const, ports: ["USLAX"] };
  it("opens public routes to anyone, signed in or not", () => {
    expect(decide(["public"], null)).toBe("allow");
    expect(decide(["public"], analyst, "JPNGO")).toBe("allow");
  });
  it("answers 401 to nobody and 403 to a role the route does not list", () => {
    expect(decide(["analyst", "admin"], null)).toBe(401);
    expect(decide(["analyst", "admin"], { kind: "key", id: "k1", role: "partner", ports: "*" })).toBe(403);
    expect(decide(["analyst", "admin"], analyst)).toBe("allow");
  });
  it("answers 403 outside the principal's ports", () => {
    expect(decide(["analyst"], analyst, "JPNGO")).toBe(403);
    expect(decide(["analyst"], analyst, "uslax")).toBe("allow");
    expect(decide(["analyst"], { ...analyst, ports: "*" }, "JPNGO")).toBe("allow");
    // A route that addresses no port (a call by id): only a principal of every port gets in.
    expect(decide(["analyst"], analyst, null)).toBe(403);
    expect(decide(["analyst"], { ...analyst, ports: "*" }, null)).toBe("allow");
    expect(decide(["public"], analyst, null)).toBe("allow");
  });
  it("gives admin only what a route lists", () => {
    expect(decide(["partner"], { kind: "user", id: "a", role: "admin", ports: "*" })).toBe(403);
  });
});

describe("port scope", () => {
  it("parses and matches", () => {
    expect(parsePorts("*")).toBe("*");
    expect(parsePorts("uslax, JPNGO")).toEqual(["USLAX", "JPNGO"]);
    expect(portInScope(["USLAX"], "JPNGO")).toBe(false);
  });
});

describe("terminalReach", () => {
  const yti = {
    kind: "key" as const,
    id: "k",
    role: "terminal" as const,
    ports: "*" as const,
    owner: "uslax-terminal-yti",
  };
  it("confines a terminal operator to its own terminal; another is not found", () => {
    expect(terminalReach(yti, undefined)).toBe("uslax-terminal-yti");
    expect(terminalReach(yti, "uslax-terminal-yti")).toBe("uslax-terminal-yti");
    expect(() => terminalReach(yti, "uslax-terminal-pier400")).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() => terminalReach({ ...yti, owner: undefined }, undefined)).toThrow(/no terminal/);
  });
  it("leaves other roles and nobody with what they asked", () => {
    expect(terminalReach({ ...yti, role: "analyst" }, undefined)).toBeUndefined();
    expect(terminalReach(null, "x")).toBe("x");
  });
});

describe("ownerReach", () => {
  it("confines partners and trucking companies to their owner; others reach every owner", () => {
    const key = { kind: "key" as const, id: "k", ports: "*" as const };
    expect(ownerReach({ ...key, role: "partner", owner: "ACME H2" })).toBe("ACME H2");
    expect(ownerReach({ ...key, role: "trucking", owner: "Harbor Dray" })).toBe("Harbor Dray");
    expect(ownerReach({ ...key, role: "partner" })).toBe("");
    expect(ownerReach({ ...key, role: "analyst" })).toBeUndefined();
    expect(ownerReach(null)).toBeUndefined();
  });
});
