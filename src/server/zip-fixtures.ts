/**
 * Hand-built zip archives for tests of hostile uploads: bombs (an entry that inflates to
 * hundreds of megabytes from a few hundred kilobytes) and archives that lie about sizes.
 */
import { createDeflateRaw } from 'node:zlib';

export interface FixtureEntry {
  name: string;
  /** Bytes as stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the directory declares. */
  declaredSize: number;
}

/** A zip with local headers, a central directory and its end record (CRCs left at zero). */
export function buildZip(entries: FixtureEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, entry.method, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.declaredSize, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, entry.method, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.declaredSize, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** `size` zero bytes deflated, written by streaming a 1 MB buffer so the test itself stays small. */
export async function deflatedZeros(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += block.length) {
    const part = written + block.length <= size ? block : block.subarray(0, size - written);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** An XLSX-looking bomb: the sheet entry inflates to `size` bytes and declares `declaredSize`. */
export async function xlsxBomb(size: number, declaredSize = size): Promise<Uint8Array> {
  const sheet = await deflatedZeros(size);
  const types = new TextEncoder().encode('<?xml version="1.0"?><Types/>');
  return buildZip([
    { name: '[Content_Types].xml', data: types, method: 0, declaredSize: types.length },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, method: 8, declaredSize },
  ]);
}
