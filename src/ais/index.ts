/** AIS capability: NMEA AIVDM/AIVDO decoding and encoding. Other capabilities import from here. */
export {
  AisDecoder,
  type AisDecoderOptions,
  type AisDecodeStats,
  type AisReject,
  decodeAisLines,
} from "./decoder.ts";
export { type AisEncodeOptions, encodeAis, nmeaChecksum } from "./encode.ts";
export * from "./messages.ts";
