/**
 * One AIS file (NMEA or MarineCadastre CSV, plain / .gz / .zip, recognised by content) streamed
 * into the store through AisIngest. Memory stays bounded: lines are cut from the read chunks and
 * facts are written in batches.
 */
import type { IngestCounts } from "../core/ingest.ts";
import { forEachLine, type OpenedInput } from "../core/input.ts";
import { AisDecoder } from "./decoder.ts";
import { AisIngest } from "./ingest.ts";
import {
  detectMarineCadastreLayout,
  MarineCadastreParser,
  type MarineCadastreRow,
} from "./marinecadastre.ts";
import type { AisStore } from "./track-store.ts";

export type AisInputFormat = "nmea" | "csv";

export interface IngestStreamOptions {
  /** Name under which rejects are stored (the file path). */
  source: string;
  flushEveryRecords?: number;
  /** Called after each batch is written. */
  onFlush?: (counts: IngestCounts) => void;
}

export interface IngestStreamResult {
  format: AisInputFormat | null;
  counts: IngestCounts;
}

/** NMEA starts with `!`, `$` or a tag block `\`; a known CSV header means MarineCadastre. */
export function detectFormat(firstLine: string): AisInputFormat {
  const c = firstLine.trimStart().charCodeAt(0);
  if (c === 33 || c === 36 || c === 92) return "nmea";
  return detectMarineCadastreLayout(firstLine) ? "csv" : "nmea";
}

function addCsvRow(ingest: AisIngest, row: MarineCadastreRow, line: number, text: () => string): void {
  const msgType = row.transceiverClass === "B" ? 18 : 1;
  const ok = ingest.addPosition(
    row.mmsi,
    row.timeS,
    row.latDeg,
    row.lonDeg,
    row.sogKnots,
    row.cogDeg,
    row.headingDeg,
    row.navStatus,
    msgType,
    line,
    row.latDeg === null || row.lonDeg === null ? text() : "",
  );
  if (!ok) return;
  if (
    row.vesselName === null &&
    row.imo === null &&
    row.callsign === null &&
    row.vesselType === null &&
    row.lengthM === null
  )
    return;
  ingest.addStatic(
    row.mmsi,
    row.timeS,
    row.transceiverClass === "B" ? "B" : "A",
    {
      imo: row.imo,
      name: row.vesselName,
      callsign: row.callsign,
      shipType: row.vesselType,
      toBowM: null,
      toSternM: null,
      toPortM: null,
      toStarboardM: null,
      lengthM: row.lengthM,
      beamM: row.widthM,
      draughtM: row.draughtM,
      destination: null,
      eta: null,
    },
    false,
  );
}

/** Streams one opened input into the store. */
export async function ingestStream(
  store: AisStore,
  input: OpenedInput,
  options: IngestStreamOptions,
): Promise<IngestStreamResult> {
  const ingest = new AisIngest(store, {
    source: options.source,
    flushEveryRecords: options.flushEveryRecords,
  });
  let format: AisInputFormat | null = null;
  let lineNo = 0;
  const decoder = new AisDecoder({ onReject: (r) => ingest.addReject(r.line, r.reason, r.text) });
  const csv = new MarineCadastreParser((r) => ingest.addReject(r.line, r.reason, r.text));

  const flushIfDue = async () => {
    if (!ingest.flushDue) return;
    await ingest.flush();
    options.onFlush?.(ingest.counts);
  };

  await forEachLine(input.stream, (b, start, end) => {
    lineNo++;
    if (format === null) {
      const text = b.toString("latin1", start, end);
      if (text.trim() === "") return;
      format = detectFormat(text);
    }
    if (format === "nmea") {
      const msg = decoder.pushBytes(b, start, end);
      if (msg !== null) {
        const timeS = msg.tagUnixTimeS ?? trailingUnixTimeS(b, start, end);
        ingest.addMessage(msg, timeS, timeS === undefined ? b.toString("latin1", start, end) : "");
      }
    } else {
      const row = csv.push(b.toString("latin1", start, end), lineNo);
      if (row !== null) addCsvRow(ingest, row, lineNo, () => b.toString("latin1", start, end));
    }
    return ingest.flushDue ? flushIfDue() : undefined;
  });
  decoder.end();
  await ingest.flush();
  options.onFlush?.(ingest.counts);
  return { format, counts: ingest.counts };
}

/**
 * The Unix time at the end of a USCG-style line (`…*hh,s1234,d-096,T12.3,x1,r003669945,1230000000`),
 * or undefined. Example: the line above → 1230000000.
 */
export function trailingUnixTimeS(b: Buffer, start: number, end: number): number | undefined {
  let e = end;
  if (e > start && b[e - 1] === 13) e--;
  let value = 0;
  let digits = 0;
  let i = e - 1;
  for (; i >= start; i--) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) break;
    value += d * 10 ** digits;
    digits++;
  }
  if (digits !== 10 || i < start || b[i] !== 44) return undefined;
  // Only after the checksum: the field must follow "*hh" somewhere before it.
  const star = b.lastIndexOf(42, i);
  return star >= start ? value : undefined;
}
