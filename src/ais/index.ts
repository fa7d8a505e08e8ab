/**
 * AIS capability: NMEA AIVDM/AIVDO decoding and encoding. Other capabilities import from here.
 *
 * - `new AisDecoder({ onReject })`, then per line `push(text)` or `pushBytes(buf, start, end)`:
 *   returns the message that line completed or null; `end()` at end of input; `stats` balances
 *   lines = blankLines + linesInMessages + rejected (+ pendingLines before `end()`).
 * - Messages (`AisMessage`) carry `line`, `channel`, optional `tagSource` / `tagUnixTimeS` /
 *   `tagGroupId`, and per-type fields with units in their names; "not available" is `null`.
 * - Rejects are `{ line, reason, text }` with `reason` one of `AIS_REJECT_REASONS`.
 * - `encodeAis(payload, { channel, seqId, tag })` gives the sentences for one message.
 * - The `ais decode` command lives in `./cli.ts` (it imports commander, so it is not re-exported).
 */
export {
  AisDecoder,
  type AisDecoderOptions,
  type AisDecodeStats,
  type AisReject,
  decodeAisLines,
} from "./decoder.ts";
export { type AisEncodeOptions, encodeAis, nmeaChecksum } from "./encode.ts";
export { AisIngest, type AisIngestOptions } from "./ingest.ts";
export { type FeedSpec, parseFeedSpec, type RunningListener, startListener } from "./listen.ts";
export * from "./messages.ts";
export { type AisRouteDeps, aisRoutes } from "./routes.ts";
export { SOG_NOT_AVAILABLE, TrackReports } from "./track-block.ts";
export type {
  AisFixedStation,
  AisStore,
  LatestPosition,
  StoredTrackBlock,
  VesselStaticReport,
} from "./track-store.ts";
// calls/ reads tracks as stored through readTrackReports; the block encoding stays inside ais/.
export { readTrack, readTrackReports, type TrackColumns, trackInRange } from "./tracks.ts";
