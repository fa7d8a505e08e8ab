import { describe, expect, it } from "vitest";
import { BOX, event, YTI, ZONE } from "../../test/helpers/operations.ts";
import {
  type AlertSubscription,
  afterAttempt,
  boxMovedAlerts,
  dwellAlerts,
  emptyReturnAlerts,
  messageIdOf,
  RETRY_DELAYS_S,
  retryAfterSeconds,
  turnTimeAlerts,
  webhookBody,
} from "./alerts.ts";
import type { AlertKinds } from "./alerts-wire.ts";
import { emptyReturnBoard } from "./empty-return.ts";
import type { RailMove, TruckVisit } from "./model.ts";
import { clockFor } from "./rollup.ts";

const s = (iso: string) => Date.parse(iso) / 1000;
const PORT = "USLAX";

function sub(
  id: string,
  kinds: AlertKinds,
  createdAt = "2026-01-01T00:00:00Z",
  extra: Partial<AlertSubscription> = {},
) {
  return {
    id,
    port: PORT,
    url: "https://example.com/hook",
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    kinds,
    owner: "test",
    createdAtS: s(createdAt),
    sinceS: s(createdAt),
    active: true,
    disabledReason: null,
    ...extra,
  } as AlertSubscription;
}

describe("messageIdOf", () => {
  it("is the same for the same key and differs for another", () => {
    const a = messageIdOf("box.moved|sub_1|event:e1");
    expect(a).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(messageIdOf("box.moved|sub_1|event:e1")).toBe(a);
    expect(messageIdOf("box.moved|sub_1|event:e2")).not.toBe(a);
  });
});

describe("box.moved", () => {
  const disc = event({ eventCode: "DISC", eventAtS: s("2026-01-10T16:00:00Z"), containerNumber: BOX.A });
  const other = event({
    eventCode: "GTOT",
    eventAtS: s("2026-01-11T16:00:00Z"),
    containerNumber: BOX.B,
    mode: "TRUCK",
  });
  const visit: TruckVisit = {
    visitId: "V1",
    port: PORT,
    terminal: YTI,
    truckId: "T1",
    licencePlate: null,
    queueArrivalS: null,
    gateInS: s("2026-01-15T16:20:00Z"),
    gateOutS: s("2026-01-15T17:05:00Z"),
    appointmentId: null,
    troubleTicket: null,
    carrierScac: null,
    moves: [
      {
        containerNumber: BOX.A,
        direction: "out",
        isoEquipmentCode: "45G1",
        sizeFt: 40,
        emptyIndicator: "LADEN",
      },
      {
        containerNumber: BOX.C,
        direction: "in",
        isoEquipmentCode: "45G1",
        sizeFt: 40,
        emptyIndicator: "EMPTY",
      },
    ],
  };
  const rail: RailMove = {
    moveId: "R1",
    port: PORT,
    terminal: YTI,
    containerNumber: BOX.A,
    direction: "load",
    atS: s("2026-01-16T02:00:00Z"),
    trainId: "UP-1",
    railCarrier: "UP",
    inland: null,
    isoEquipmentCode: "45G1",
    sizeFt: 40,
    emptyIndicator: "LADEN",
  };

  it("raises one alert per new fact on a watched box: event, gate move, rail move", () => {
    const watching = sub("sub_1", { "box.moved": { containers: [BOX.A] } });
    const alerts = boxMovedAlerts([watching], PORT, {
      events: [disc, other],
      visits: [visit],
      railMoves: [rail],
    });
    // A's DISC, A's gate-out on V1 and A's rail load: 3; B's gate-out and C's gate-in are not watched.
    expect(alerts.map((a) => a.dedupeKey)).toEqual([
      `box.moved|sub_1|event:${disc.eventId}`,
      `box.moved|sub_1|gate:V1:${BOX.A}:out`,
      "box.moved|sub_1|rail:R1",
    ]);
    expect(alerts[0]?.data).toMatchObject({
      port: PORT,
      containerNumber: BOX.A,
      eventCode: "DISC",
      at: "2026-01-10T16:00:00Z",
      terminal: YTI,
    });
    expect(alerts[1]?.data).toMatchObject({ eventCode: "GTOT", at: "2026-01-15T17:05:00Z", truckId: "T1" });
  });

  it("two subscriptions watching the same box get one alert each", () => {
    const a = sub("a", { "box.moved": { containers: [BOX.A, BOX.B] } });
    const b = sub("b", { "box.moved": { containers: [BOX.A] } });
    const alerts = boxMovedAlerts([a, b], PORT, { events: [disc, other], visits: [], railMoves: [] });
    // A's DISC → a and b; B's GTOT → a only.
    expect(alerts.map((x) => x.dedupeKey)).toEqual([
      `box.moved|a|event:${disc.eventId}`,
      `box.moved|b|event:${disc.eventId}`,
      `box.moved|a|event:${other.eventId}`,
    ]);
  });

  it("raises nothing for another port's, an inactive or an unrelated subscription", () => {
    const fresh = { events: [disc], visits: [], railMoves: [] };
    expect(
      boxMovedAlerts(
        [
          sub("nagoya", { "box.moved": { containers: [BOX.A] } }, undefined, { port: "JPNGO" }),
          sub("off", { "box.moved": { containers: [BOX.A] } }, undefined, { active: false }),
          sub("dwell", { "dwell.exceeded": { thresholdDays: 4 } }),
          sub("others", { "box.moved": { containers: [BOX.B] } }),
        ],
        PORT,
        fresh,
      ),
    ).toEqual([]);
  });
});

describe("dwell.exceeded", () => {
  // Subscription made 2026-01-14T00:00Z, threshold 4 days; now 2026-01-15T00:00Z.
  const nowS = s("2026-01-15T00:00:00Z");
  const yard = [
    // Discharged 01-10 16:00Z → crosses 01-14 16:00Z: after the subscription, before now → alert,
    // dwell at now 4 d 8 h = 104 h.
    { containerNumber: BOX.A, terminal: YTI, dischargeS: s("2026-01-10T16:00:00Z"), sizeFt: 40 as const },
    // Crossed 01-09 18:40Z, before the subscription existed → none.
    { containerNumber: BOX.B, terminal: YTI, dischargeS: s("2026-01-05T18:40:00Z"), sizeFt: 40 as const },
    // Crosses 01-16 00:00Z, after now → none yet.
    { containerNumber: BOX.D, terminal: YTI, dischargeS: s("2026-01-12T00:00:00Z"), sizeFt: 20 as const },
  ];

  it("alerts once per box and discharge whose dwell crossed the threshold while subscribed", () => {
    const a = dwellAlerts(
      [sub("s", { "dwell.exceeded": { thresholdDays: 4 } }, "2026-01-14T00:00:00Z")],
      PORT,
      yard,
      nowS,
    );
    expect(a).toHaveLength(1);
    expect(a[0]?.dedupeKey).toBe(`dwell.exceeded|s|${BOX.A}|${s("2026-01-10T16:00:00Z")}`);
    expect(a[0]?.data).toMatchObject({ crossedAt: "2026-01-14T16:00:00Z", dwellH: 104, thresholdDays: 4 });
  });

  it("looks back no further than sinceS (the tick's 7 days)", () => {
    const four = sub("s", { "dwell.exceeded": { thresholdDays: 4 } }, "2026-01-14T00:00:00Z");
    // A crossed at 01-14 16:00Z: a look-back starting one second later leaves it out.
    expect(dwellAlerts([four], PORT, yard, nowS, s("2026-01-14T16:00:01Z"))).toEqual([]);
    expect(dwellAlerts([four], PORT, yard, nowS, s("2026-01-14T16:00:00Z"))).toHaveLength(1);
  });

  it("a re-enabled subscription is not told what crossed while it was disabled", () => {
    // Made 01-01, disabled, re-enabled 01-14 17:00Z: A crossed at 01-14 16:00Z, one hour before.
    const reEnabled = sub("s", { "dwell.exceeded": { thresholdDays: 4 } }, "2026-01-01T00:00:00Z", {
      sinceS: s("2026-01-14T17:00:00Z"),
    });
    expect(dwellAlerts([reEnabled], PORT, yard, nowS)).toEqual([]);
    // Re-enabled at 15:00Z instead: A's crossing came after → announced.
    expect(dwellAlerts([{ ...reEnabled, sinceS: s("2026-01-14T15:00:00Z") }], PORT, yard, nowS)).toHaveLength(
      1,
    );
  });

  it("keeps to its terminal", () => {
    const other = sub(
      "t",
      { "dwell.exceeded": { thresholdDays: 4, terminal: "uslax-terminal-apm" } },
      "2026-01-14T00:00:00Z",
    );
    expect(dwellAlerts([other], PORT, yard, nowS)).toEqual([]);
  });
});

describe("turn_time.exceeded", () => {
  const clock = clockFor(ZONE);
  // 2026-01-15 in Los Angeles is local day 20468 (2026-01-01 is 20454, rollup.ts); PST = UTC−8.
  const DAY = 20468;
  // Hour 08 local: three visits of 65, 90 and 40 min (queue arrival → gate-out).
  const h08 = {
    terminal: YTI,
    day: DAY,
    hour: 8,
    turnCount: 3,
    turnSumS: (65 + 90 + 40) * 60,
    turnsS: [3900, 5400, 2400],
  };
  // Hour 06 local: before the subscription (made 07:00 local = 15:00Z).
  const h06 = { ...h08, hour: 6 };
  // Hour 11 local: the hour `now` (11:30 local = 19:30Z) is in, not complete.
  const h11 = { ...h08, hour: 11 };
  const nowS = s("2026-01-15T19:30:00Z");
  const created = "2026-01-15T15:00:00Z";

  it("the port's clock puts 15:00Z on 2026-01-15 07:00 local", () => {
    expect(clock(s(created))).toEqual({ day: DAY, hour: 7 });
  });

  it("mean: (65 + 90 + 40) / 3 = 65 min > 60 → one alert for the completed hour 08", () => {
    const mean = sub(
      "m",
      { "turn_time.exceeded": { thresholdMin: 60, statistic: "mean", minVisits: 3 } },
      created,
    );
    const a = turnTimeAlerts([mean], PORT, [h06, h08, h11], clock, nowS);
    expect(a.map((x) => x.dedupeKey)).toEqual([`turn_time.exceeded|m|${YTI}|2026-01-15T08`]);
    expect(a[0]?.data).toMatchObject({ valueMin: 65, thresholdMin: 60, visits: 3, statistic: "mean" });
  });

  it("p90: nearest rank ceil(0.9 × 3) = 3rd of 40, 65, 90 → 90 min > 80; mean 65 would not be", () => {
    const p90 = sub(
      "p",
      { "turn_time.exceeded": { thresholdMin: 80, statistic: "p90", minVisits: 3 } },
      created,
    );
    const a = turnTimeAlerts([p90], PORT, [h08], clock, nowS);
    expect(a[0]?.data).toMatchObject({ valueMin: 90, meanMin: 65, statistic: "p90" });
    const meanOver80 = sub(
      "m",
      { "turn_time.exceeded": { thresholdMin: 80, statistic: "mean", minVisits: 3 } },
      created,
    );
    expect(turnTimeAlerts([meanOver80], PORT, [h08], clock, nowS)).toEqual([]);
  });

  it("raises nothing under minVisits, at the threshold, or for another terminal", () => {
    const kinds = (f: Partial<NonNullable<AlertKinds["turn_time.exceeded"]>>) =>
      sub(
        "x",
        { "turn_time.exceeded": { thresholdMin: 60, statistic: "mean", minVisits: 3, ...f } },
        created,
      );
    expect(turnTimeAlerts([kinds({ minVisits: 5 })], PORT, [h08], clock, nowS)).toEqual([]);
    expect(turnTimeAlerts([kinds({ thresholdMin: 65 })], PORT, [h08], clock, nowS)).toEqual([]);
    expect(turnTimeAlerts([kinds({ terminal: "uslax-terminal-apm" })], PORT, [h08], clock, nowS)).toEqual([]);
  });
});

describe("empty_return.closed", () => {
  // The board's own example (empty-return.ts): YTI publishes for 2026-11-20 "all open" at 15:00 the
  // day before (PST), then at 10:40 "40 ft closed for every line"; the board at 11:00 has one
  // stopped_accepting alert (40 ft, "*").
  const day = "2026-11-20";
  const history = [
    {
      port: PORT,
      terminal: YTI,
      day,
      publishedAtS: s("2026-11-19T23:00:00Z"),
      rules: [
        { sizeFt: 40 as const, line: "*", accepting: true },
        { sizeFt: 20 as const, line: "*", accepting: true },
      ],
    },
    {
      port: PORT,
      terminal: YTI,
      day,
      publishedAtS: s("2026-11-20T18:40:00Z"),
      rules: [
        { sizeFt: 40 as const, line: "*", accepting: false },
        { sizeFt: 20 as const, line: "*", accepting: true },
      ],
    },
  ];
  const board = emptyReturnBoard(history, s("2026-11-20T19:00:00Z"), -8);

  it("one alert per new closure matching the filter", () => {
    expect(board.alerts).toHaveLength(1);
    const forty = sub("e", { "empty_return.closed": { sizeFt: 40 } }, "2026-11-20T00:00:00Z");
    const a = emptyReturnAlerts([forty], PORT, board.alerts);
    expect(a.map((x) => x.dedupeKey)).toEqual([
      `empty_return.closed|e|${YTI}|${day}|40|*|${s("2026-11-20T18:40:00Z")}`,
    ]);
    expect(a[0]?.data).toMatchObject({
      terminal: YTI,
      sizeFt: 40,
      line: "*",
      publishedAt: "2026-11-20T18:40:00Z",
    });
  });

  it("nothing for another size, line or terminal, a resumption, or a closure before the subscription", () => {
    const none = (f: AlertKinds["empty_return.closed"], created = "2026-11-20T00:00:00Z") =>
      emptyReturnAlerts([sub("e", { "empty_return.closed": f }, created)], PORT, board.alerts);
    expect(none({ sizeFt: 20 })).toEqual([]);
    expect(none({ line: "MSCU" })).toEqual([]);
    expect(none({ terminal: "uslax-terminal-apm" })).toEqual([]);
    expect(none({}, "2026-11-20T18:41:00Z")).toEqual([]);
    const resumed = board.alerts.map((x) => ({ ...x, kind: "resumed_accepting" as const }));
    expect(emptyReturnAlerts([sub("e", { "empty_return.closed": {} })], PORT, resumed)).toEqual([]);
  });
});

describe("retry schedule", () => {
  it("1 min, 5 min, 30 min, 2 h, 6 h after each failed try, then failed: 6 tries over 8.6 h", () => {
    // Each retry counts from its own try: t = 1000 → 1060; a try at 1060 → 1360; …
    expect(afterAttempt(1, 500, 1000)).toEqual({ status: "pending", nextAttemptS: 1060 });
    expect(afterAttempt(2, 500, 1060)).toEqual({ status: "pending", nextAttemptS: 1360 });
    expect(afterAttempt(3, null, 1360)).toEqual({ status: "pending", nextAttemptS: 3160 });
    expect(afterAttempt(4, 302, 3160)).toEqual({ status: "pending", nextAttemptS: 10_360 });
    expect(afterAttempt(5, 429, 10_360)).toEqual({ status: "pending", nextAttemptS: 31_960 });
    expect(afterAttempt(6, 503, 31_960)).toEqual({ status: "failed", disable: false });
    // 60 + 300 + 1800 + 7200 + 21600 = 30 960 s = 8.6 h from the first try to the last.
    expect(RETRY_DELAYS_S.reduce((a, b) => a + b, 0) / 3600).toBe(8.6);
  });

  it("waits longer when the receiver's Retry-After asks for it (at most 24 h)", () => {
    // 503 with Retry-After 600 at t = 1000: 600 > 60 → 1600; Retry-After 30 < 60 → the schedule's 1060.
    expect(afterAttempt(1, 503, 1000, 600)).toEqual({ status: "pending", nextAttemptS: 1600 });
    expect(afterAttempt(1, 429, 1000, 30)).toEqual({ status: "pending", nextAttemptS: 1060 });
    expect(afterAttempt(1, 503, 1000, 2 * 86_400)).toEqual({ status: "pending", nextAttemptS: 1060 });
    expect(retryAfterSeconds("120", 0)).toBe(120);
    expect(retryAfterSeconds("Thu, 01 Jan 1970 00:10:00 GMT", 0)).toBe(600);
    expect(retryAfterSeconds("soon", 0)).toBeNull();
    expect(retryAfterSeconds(null, 0)).toBeNull();
  });

  it("jitter lengthens a wait by up to 10 %: 60 s → 66 s at most", () => {
    expect(afterAttempt(1, 500, 1000, null, 1)).toEqual({ status: "pending", nextAttemptS: 1066 });
    expect(afterAttempt(1, 500, 1000, null, 0.5)).toEqual({ status: "pending", nextAttemptS: 1063 });
    // 5 min + 10 % = 330 s.
    expect(afterAttempt(2, 500, 1000, null, 1)).toEqual({ status: "pending", nextAttemptS: 1330 });
  });

  it("2xx delivers; 410 Gone fails and disables", () => {
    expect(afterAttempt(1, 200, 0)).toEqual({ status: "delivered" });
    expect(afterAttempt(3, 204, 0)).toEqual({ status: "delivered" });
    expect(afterAttempt(1, 410, 0)).toEqual({ status: "failed", disable: true });
  });
});

describe("webhookBody", () => {
  it("is the Standard Webhooks payload {type, timestamp, data}", () => {
    expect(webhookBody("ping", 0, { a: 1 })).toBe(
      '{"type":"ping","timestamp":"1970-01-01T00:00:00Z","data":{"a":1}}',
    );
  });
});
