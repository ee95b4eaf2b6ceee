/**
 * Checks an uploaded zip (an XLSX) before a library inflates it. exceljs hands the
 * bytes to JSZip, which inflates every entry in memory: a 100 kB file can expand to
 * gigabytes. The central directory is read by hand (no inflation) and refused when it
 * declares too much data, too many entries or an absurd compression ratio; then every
 * entry is inflated once as a stream, counting the bytes and keeping none, so that an
 * archive lying about its sizes is refused too, in constant memory.
 */
import { createInflateRaw } from 'node:zlib';
import { AppError } from './errors.ts';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed size of one entry (deflate reaches ~1,000 on zeros, XML ~10–50). */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 2_000,
};

// Below this an entry's ratio says nothing (an empty sheet of 2 kB compresses 20 times).
const RATIO_FLOOR_BYTES = 1024 * 1024;

export type ZipProblem = 'unreadable' | 'too_large' | 'ratio' | 'too_many_entries';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;

/** The central directory's entries, or null when the bytes hold no readable one. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, followed by a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + skip > bytes.length) return null;
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/** What is wrong with the archive as its directory declares it, without inflating anything. */
export function declaredZipProblem(
  entries: ZipEntry[] | null,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipProblem | null {
  if (!entries || entries.length === 0) return 'unreadable';
  if (entries.length > limits.maxEntries) return 'too_many_entries';
  let total = 0;
  for (const entry of entries) {
    // ZIP64 sizes (over 4 GB) are absurd for a spreadsheet typed by hand.
    if (entry.uncompressedSize === ZIP64_MARKER || entry.compressedSize === ZIP64_MARKER) return 'too_large';
    if (entry.method !== 0 && entry.method !== 8) return 'unreadable';
    total += entry.uncompressedSize;
    if (
      entry.uncompressedSize > RATIO_FLOOR_BYTES &&
      entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)
    )
      return 'ratio';
  }
  return total > limits.maxUncompressedBytes ? 'too_large' : null;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) return null;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates as a stream and stops as soon as more than `limit` bytes come out; keeps nothing. */
function inflatesWithin(data: Uint8Array, limit: number): Promise<'ok' | 'over' | 'corrupt'> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let settled = false;
    const finish = (outcome: 'ok' | 'over' | 'corrupt') => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(outcome);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) finish('over');
    });
    inflate.on('end', () => finish('ok'));
    inflate.on('error', () => finish('corrupt'));
    inflate.end(data);
  });
}

/** The first problem of the archive, checking the directory first and then the real sizes. */
export async function zipProblem(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipProblem | null> {
  const entries = readZipDirectory(bytes);
  const declared = declaredZipProblem(entries, limits);
  if (declared || !entries) return declared ?? 'unreadable';
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (!data) return 'unreadable';
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return 'unreadable';
      continue;
    }
    // An entry inflating to more than it declares is lying about its size: a bomb.
    const outcome = await inflatesWithin(data, entry.uncompressedSize);
    if (outcome === 'over') return 'too_large';
    if (outcome === 'corrupt') return 'unreadable';
  }
  return null;
}

/** Generic refusals (`upload.zip_*`, French messages in upload.messages.ts). */
export function zipRefusal(problem: ZipProblem): AppError {
  return new AppError(`upload.zip_${problem}`);
}

/** Throws the caller's refusal for the archive's first problem; returns when it is safe to inflate. */
export async function guardZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  refuse: (problem: ZipProblem) => Error = zipRefusal,
): Promise<void> {
  const problem = await zipProblem(bytes, limits);
  if (problem) throw refuse(problem);
}
