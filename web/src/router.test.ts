import { describe, expect, it } from "vitest";
import { matchPath } from "./router.tsx";

describe("matchPath", () => {
  it("matches static and parameter segments, ignoring a trailing slash", () => {
    expect(matchPath("/", "/")).toEqual({});
    expect(matchPath("/about", "/about/")).toEqual({});
    expect(matchPath("/ports/:locode", "/ports/USLAX")).toEqual({ locode: "USLAX" });
    expect(matchPath("/ports/:locode", "/ports/JP%20NGO")).toEqual({ locode: "JP NGO" });
  });

  it("rejects other paths", () => {
    expect(matchPath("/ports/:locode", "/ports")).toBeNull();
    expect(matchPath("/ports/:locode", "/ports/USLAX/berths")).toBeNull();
    expect(matchPath("/about", "/")).toBeNull();
  });
});
