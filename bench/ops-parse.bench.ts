/**
 * Parse speed of the operations inputs on one core, events per second, each beside a peer measured
 * in the same run on the same generated input:
 * - DCSA T&T 2.2.0: N EQUIPMENT events as one JSON array (the shape of DCSA's example event, with
 *   varied container numbers and times). Ours: `parseDcsaEvents` (JSON.parse + ajv validation of
 *   every event against the published schema + the rules the schema cannot state + mapping).
 *   Peers: `JSON.parse` alone, and `JSON.parse` + ajv alone (the same compiled validators, nothing
 *   else) — so the figure shows what mapping and rules cost on top of the schema check.
 * - EDIFACT: one COARRI interchange of N/1000 messages × 1000 EQD groups at a Los Angeles terminal
 *   (local times converted). Ours: `parseEdifact`. Peer: a naive reader that splits on `'`, `+` and
 *   `:` with no release character, envelope checks or mapping (what a hand-rolled reader does).
 *
 *   npm run bench -- ops-parse [--events 100000] [--runs 3]
 */
import { performance } from "node:perf_hooks";
import { iso6346CheckDigit } from "../src/core/ids.ts";
import {
  dcsaValidators,
  loadFacilityLookup,
  parseDcsaEvents,
  parseEdifact,
} from "../src/operations/index.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const n = Number(arg("events", "100000"));
const runs = Number(arg("runs", "3"));
const facilities = loadFacilityLookup();
const validators = dcsaValidators();

function containerNumber(i: number): string {
  const first = `MSCU${String(i % 1_000_000).padStart(6, "0")}`;
  return `${first}${iso6346CheckDigit(first)}`;
}

/** Best of `runs` (ms) after one warm-up. */
function best(fn: () => unknown): number {
  fn();
  let ms = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}
const rate = (count: number, ms: number) =>
  `${Math.round((count / ms) * 1000).toLocaleString("en-US")} events/s`;

// DCSA input.
const base = Date.parse("2026-11-01T00:00:00Z");
// Generated, stringified, then dropped: only the text stays live while timing.
const dcsaText = JSON.stringify(
  Array.from({ length: n }, (_, i) => ({
    eventID: `3cecb101-7a1a-43a4-9d62-${String(i).padStart(12, "0")}`,
    eventCreatedDateTime: new Date(base + i * 1000 + 60_000).toISOString(),
    eventType: "EQUIPMENT",
    eventClassifierCode: "ACT",
    eventDateTime: new Date(base + i * 1000).toISOString(),
    equipmentEventTypeCode: i % 2 === 0 ? "DISC" : "GTOT",
    equipmentReference: containerNumber(i),
    ISOEquipmentCode: "45G1",
    emptyIndicatorCode: "LADEN",
    eventLocation: { UNLocationCode: "USLAX", facilityCode: "YUSEN", facilityCodeListProvider: "SMDG" },
    transportCall: {
      transportCallID: "123e4567-e89b-12d3-a456-426614174000",
      carrierServiceCode: "FE1",
      exportVoyageNumber: "2103S",
      UNLocationCode: "USLAX",
      modeOfTransport: "VESSEL",
      vessel: { vesselIMONumber: "9321483", vesselName: "King of the Seas" },
    },
    documentReferences: [{ documentReferenceType: "BKG", documentReferenceValue: `BKG${i}` }],
  })),
);
const nowS = Date.now() / 1000;

/** Checks that the input goes through whole (no rejects), keeping nothing. */
function assertAccepted(name: string, r: { events: unknown[]; rejects: unknown[] }, expected: number): void {
  if (r.events.length !== expected)
    throw new Error(`${name}: ${r.rejects.length} rejects, first ${JSON.stringify(r.rejects[0])}`);
}
assertAccepted("DCSA", parseDcsaEvents(dcsaText, "bench.json", facilities, { nowS, validators }), n);
const dcsaOurs = best(() => parseDcsaEvents(dcsaText, "bench.json", facilities, { nowS, validators }));
const jsonOnly = best(() => JSON.parse(dcsaText));
const ajvOnly = best(() => {
  const arr = JSON.parse(dcsaText) as { eventType: "EQUIPMENT" }[];
  let ok = 0;
  for (const e of arr) if (validators.byType[e.eventType](e)) ok++;
  return ok;
});

// EDIFACT input.
const perMessage = 1000;
const messages = Math.max(1, Math.round(n / perMessage));
const seg: string[] = ["UNA:+.? '", "UNB+UNOA:2+YTI+CARRIER+261101:1030+BENCH1'"];
let k = 0;
for (let m = 0; m < messages; m++) {
  const body = [
    `UNH+M${m}+COARRI:D:95B:UN:ITG13'`,
    `BGM+${m % 2 === 0 ? 44 : 46}+DOC${m}+9'`,
    "TDT+20+031W+1+13+COS:172:20+++9321483:146::KING OF THE SEAS'",
    `LOC+${m % 2 === 0 ? 11 : 9}+USLAX:139:6+YUSEN:TER:ZZZ'`,
    "NAD+CF+COE:172:20'",
  ];
  for (let g = 0; g < perMessage; g++, k++) {
    const minute = k % 60;
    const hour = Math.floor(k / 60) % 24;
    const day = 1 + (Math.floor(k / 1440) % 28);
    const stamp = `202611${String(day).padStart(2, "0")}${String(hour).padStart(2, "0")}${String(minute).padStart(2, "0")}`;
    body.push(
      `EQD+CN+${containerNumber(k)}+45G1:102:5++3+5'`,
      `RFF+BN:BKG${k}'`,
      `DTM+203:${stamp}:203'`,
      "LOC+9+CNSHA:139:6'",
      `LOC+147+0${String(k % 1000).padStart(6, "0")}::5'`,
      "MEA+AAE+VGM+KGM:24000'",
      "FTX+AAA+++GENERAL CARGO?: FAK'",
    );
  }
  body.push(`CNT+16:${perMessage}'`);
  body.push(`UNT+${body.length + 1}+M${m}'`);
  seg.push(...body);
}
seg.push(`UNZ+${messages}+BENCH1'`);
const ediText = seg.join("\n");
assertAccepted("EDIFACT", parseEdifact(ediText, "bench.edi", facilities), messages * perMessage);
const ediOurs = best(() => parseEdifact(ediText, "bench.edi", facilities));
const naive = best(() => {
  let groups = 0;
  for (const s of ediText.split("'")) {
    const parts = s
      .trim()
      .split("+")
      .map((e) => e.split(":"));
    if (parts[0]![0] === "EQD") groups++;
  }
  return groups;
});

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
process.stdout.write(
  [
    `input: ${n.toLocaleString("en-US")} DCSA events (${mb(dcsaText.length)} JSON); ${(messages * perMessage).toLocaleString("en-US")} EDIFACT equipment groups in ${messages} COARRI messages (${mb(ediText.length)}); best of ${runs} runs after a warm-up, one core`,
    `DCSA    ours parseDcsaEvents        ${rate(n, dcsaOurs).padStart(20)}  (${dcsaOurs.toFixed(0)} ms)`,
    `DCSA    peer JSON.parse + ajv only   ${rate(n, ajvOnly).padStart(20)}  (${ajvOnly.toFixed(0)} ms)  ours/peer ${(ajvOnly / dcsaOurs).toFixed(2)}`,
    `DCSA    peer JSON.parse only         ${rate(n, jsonOnly).padStart(20)}  (${jsonOnly.toFixed(0)} ms)`,
    `EDIFACT ours parseEdifact           ${rate(messages * perMessage, ediOurs).padStart(20)}  (${ediOurs.toFixed(0)} ms)`,
    `EDIFACT peer naive split (no release, no checks, no mapping) ${rate(messages * perMessage, naive).padStart(16)}  (${naive.toFixed(0)} ms)  ours/peer ${(naive / ediOurs).toFixed(2)}`,
    `heap after: ${mb(process.memoryUsage().heapUsed)}`,
    "",
  ].join("\n"),
);
