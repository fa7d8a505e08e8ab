/**
 * Reading input files the same way in every importer (AIS, particulars, activity files): plain,
 * gzip (.gz) or zip (.zip, as NOAA MarineCadastre publishes its daily files) — recognised by their
 * first bytes, not their names — streamed line by line. The one place in core/ that does I/O.
 */
import fs from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip, createInflateRaw } from "node:zlib";
import { DomainError } from "./errors.ts";

export interface OpenedInput {
  stream: Readable;
  /** Bytes of the file on disk (compressed size for .gz / .zip); progress is measured against it. */
  sizeBytes: number;
  /** Bytes of the file read so far. */
  bytesRead(): number;
  /** The entry read inside a zip file. */
  zipEntry?: string;
}

const ZIP_EOCD = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_LOCAL = 0x04034b50;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

/** Finds the first data entry (.csv, .nmea, .txt, .log, .ais) of a zip file from its central directory. */
function findZipEntry(fd: number, sizeBytes: number, file: string): ZipEntry {
  const tailLength = Math.min(sizeBytes, 65_557);
  const tail = Buffer.alloc(tailLength);
  fs.readSync(fd, tail, 0, tailLength, sizeBytes - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === ZIP_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new DomainError("validation", `${file}: not a readable zip file (no end of central directory)`, [
      { file, reason: "bad_zip" },
    ]);
  const entries = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset === 0xffffffff)
    throw new DomainError("unsupported", `${file}: zip64 archives are not supported; unzip it first`, [
      { file, reason: "zip64" },
    ]);
  const dir = Buffer.alloc(dirSize);
  fs.readSync(fd, dir, 0, dirSize, dirOffset);
  let o = 0;
  for (let n = 0; n < entries && o + 46 <= dir.length; n++) {
    if (dir.readUInt32LE(o) !== ZIP_CENTRAL) break;
    const method = dir.readUInt16LE(o + 10);
    const compressedSize = dir.readUInt32LE(o + 20);
    const nameLength = dir.readUInt16LE(o + 28);
    const extraLength = dir.readUInt16LE(o + 30);
    const commentLength = dir.readUInt16LE(o + 32);
    const localOffset = dir.readUInt32LE(o + 42);
    const name = dir.toString("utf8", o + 46, o + 46 + nameLength);
    o += 46 + nameLength + extraLength + commentLength;
    if (!/\.(csv|nmea|txt|log|ais)$/i.test(name) || name.startsWith("__MACOSX/")) continue;
    if (method !== 0 && method !== 8) {
      throw new DomainError("unsupported", `${file}: entry ${name} uses zip compression method ${method}`, [
        { file, field: name, reason: "zip_method" },
      ]);
    }
    const local = Buffer.alloc(30);
    fs.readSync(fd, local, 0, 30, localOffset);
    if (local.readUInt32LE(0) !== ZIP_LOCAL) break;
    const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    return { name, method, compressedSize, dataStart };
  }
  throw new DomainError("validation", `${file}: the zip file holds no .csv, .nmea or .txt entry`, [
    { file, reason: "empty_zip" },
  ]);
}

/** Opens a file (or "-" for standard input), uncompressing gzip and zip transparently. */
export function openInput(file: string): OpenedInput {
  if (file === "-") {
    let read = 0;
    process.stdin.on("data", (chunk: Buffer) => {
      read += chunk.length;
    });
    return { stream: process.stdin, sizeBytes: 0, bytesRead: () => read };
  }
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DomainError("not_found", `cannot read ${file}: ${code}`, [{ file, reason: code }]);
  }
  const sizeBytes = fs.fstatSync(fd).size;
  const magic = Buffer.alloc(4);
  fs.readSync(fd, magic, 0, 4, 0);
  let entry: ZipEntry | undefined;
  try {
    if (magic.readUInt32LE(0) === ZIP_LOCAL) entry = findZipEntry(fd, sizeBytes, file);
  } finally {
    fs.closeSync(fd);
  }
  const raw = entry
    ? fs.createReadStream(file, {
        start: entry.dataStart,
        end: entry.dataStart + entry.compressedSize - 1,
        highWaterMark: 1 << 20,
      })
    : fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const bytesRead = () => raw.bytesRead;
  const through = (transform: NodeJS.ReadWriteStream): Readable => {
    raw.on("error", (err) => (transform as unknown as Readable).destroy(err));
    return raw.pipe(transform) as unknown as Readable;
  };
  if (entry) {
    const stream = entry.method === 8 ? through(createInflateRaw()) : raw;
    return { stream, sizeBytes: entry.compressedSize, bytesRead, zipEntry: entry.name };
  }
  if (magic[0] === 0x1f && magic[1] === 0x8b)
    return { stream: through(createGunzip()), sizeBytes, bytesRead };
  return { stream: raw, sizeBytes, bytesRead };
}

/**
 * Calls `onLine(buffer, start, end)` for every line of a byte stream (LF or CRLF; the CR is left
 * in place for the parser, which tolerates it). Lines are cut from the chunks as they come, so
 * memory stays bounded whatever the input size. `onLine` may return a promise (a flush): reading
 * waits for it; when `stop()` turns true reading ends (the output went away).
 */
export async function forEachLine(
  input: AsyncIterable<Buffer | string>,
  onLine: (buffer: Buffer, start: number, end: number) => void | Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let carry: Buffer | null = null;
  for await (const piece of input) {
    const chunk: Buffer = typeof piece === "string" ? Buffer.from(piece, "latin1") : piece;
    let from = 0;
    let nl = chunk.indexOf(10, from);
    if (carry !== null) {
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      // Only the line that crosses the chunk boundary is copied, not the whole chunk.
      const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
      carry = null;
      const pending = onLine(line, 0, line.length);
      if (pending) await pending;
      if (stop()) return;
      from = nl + 1;
      nl = chunk.indexOf(10, from);
    }
    while (nl >= 0) {
      const pending = onLine(chunk, from, nl);
      if (pending) await pending;
      if (stop()) return;
      from = nl + 1;
      nl = chunk.indexOf(10, from);
    }
    if (from < chunk.length) carry = chunk.subarray(from);
  }
  if (carry !== null && carry.length > 0 && !stop()) {
    const pending = onLine(carry, 0, carry.length);
    if (pending) await pending;
  }
}

/**
 * Calls `onLine(text, line)` for every line of a file (plain, .gz or .zip; UTF-8), lines numbered
 * from 1. Throws only when the file cannot be opened (DomainError "not_found" from openInput).
 */
export async function forEachTextLine(
  file: string,
  onLine: (text: string, line: number) => void,
): Promise<void> {
  let line = 0;
  await forEachLine(openInput(file).stream, (buffer, start, end) => {
    line++;
    onLine(buffer.toString("utf8", start, end), line);
  });
}
