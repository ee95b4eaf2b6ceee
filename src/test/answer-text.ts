import { inflateRawSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { readZipDirectory } from '../server/zip-guard.ts';

/** The text of every entry of a zip archive (XLSX, DOCX), one after the other. */
export function zipText(bytes: Buffer): string {
  const entries = readZipDirectory(bytes);
  if (!entries) return bytes.toString('latin1');
  const parts: string[] = [];
  for (const entry of entries) {
    const at = entry.localOffset;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    parts.push(xmlUnescaped((entry.method === 8 ? inflateRawSync(data) : data).toString('utf8')));
  }
  return parts.join('\n');
}

// What a reader sees of a cell: "AD'OC" is written AD&apos;OC in the sheet's XML.
const ENTITIES: Record<string, string> = { amp: '&', apos: "'", quot: '"', lt: '<', gt: '>' };
function xmlUnescaped(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|amp|apos|quot|lt|gt);/gi, (_, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? _),
  );
}

/**
 * What a reader of an answer gets to read, as text: JSON, CSV, HTML as they are, an
 * iCalendar feed with its folded lines joined, the XML inside XLSX and DOCX files.
 * (A PDF report is drawn from the same data as its JSON and HTML forms, which are read.)
 */
export function answerText(response: LightMyRequestResponse): string {
  const type = String(response.headers['content-type'] ?? '');
  const bytes = response.rawPayload;
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return zipText(bytes);
  if (type.includes('text/calendar')) return response.body.replace(/\r\n[ \t]/g, '');
  return response.body;
}

/** How many results an answer lists: items of a JSON list, lines of a CSV, rows of an XLSX. */
export function resultCount(response: LightMyRequestResponse): number {
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('json')) {
    const body = response.json();
    if (Array.isArray(body)) return body.length;
    if (typeof body?.total === 'number') return body.total;
    if (Array.isArray(body?.items)) return body.items.length;
    return 0;
  }
  if (type.includes('csv')) return response.body.split('\n').filter((line) => line.trim()).length;
  return (answerText(response).match(/<row[ >]/g) ?? []).length;
}
