import { inflateRawSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';

/**
 * What an uploaded document is, read from its bytes: the name and the type the browser
 * declares are the sender's word, and a page disguised as `rapport.pdf` must not be
 * kept. Returns the media type to store and serve, or null when the content is not one
 * of the accepted kinds (PDF, PNG, JPEG, OpenDocument, Office Open XML, UTF-8 text).
 */
export function detectDocumentType(bytes: Uint8Array, filename: string): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  if (isPlainText(bytes)) {
    return /\.csv$/i.test(filename) ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
  }
  return null;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

const OOXML_MAIN_PARTS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml':
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * A zip is accepted only as an office document: OpenDocument names its type in a
 * `mimetype` entry, Office Open XML in `[Content_Types].xml`. Macro-enabled variants
 * declare other main types (and carry a vbaProject.bin): they are refused.
 */
function officeType(bytes: Uint8Array): string | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) return null;
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const declared = readEntry(bytes, mimetype)?.toString('ascii').trim() ?? '';
    return /^application\/vnd\.oasis\.opendocument\.[a-z.-]+$/.test(declared) ? declared : null;
  }
  const contentTypes = entries.find((e) => e.name === '[Content_Types].xml');
  const xml = contentTypes ? readEntry(bytes, contentTypes)?.toString('utf8') : undefined;
  if (!xml) return null;
  for (const [main, mediaType] of Object.entries(OOXML_MAIN_PARTS)) {
    if (xml.includes(`ContentType="${main}"`)) return mediaType;
  }
  return null;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries listed in a zip's central directory, or null when it has none that reads. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
  const floor = Math.max(0, view.length - 22 - 0xffff);
  let end = -1;
  for (let i = view.length - 22; i >= floor; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = view.readUInt16LE(at + 28);
    const skip = nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    if (at + 46 + skip > view.length) return null;
    entries.push({
      name: view.toString('utf8', at + 46, at + 46 + nameLength),
      method: view.readUInt16LE(at + 10),
      compressedSize: view.readUInt32LE(at + 20),
      localOffset: view.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** One small entry's content (stored or deflated), capped so that a zip bomb cannot expand. */
function readEntry(bytes: Uint8Array, entry: ZipEntry): Buffer | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > view.length || view.readUInt32LE(local) !== 0x04034b50) return null;
  const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
  const data = view.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data;
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 });
  } catch {
    return null;
  }
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 text without NUL bytes (binaries have them), and not markup: an HTML or SVG
 * page is active content in a browser, whatever name it came with.
 */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return false;
  return !/<\s*(script|html|body|iframe|svg|object|embed)\b/i.test(text);
}

/** The name to keep: no directories, no control characters, a sensible length. */
export function cleanFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (!base) return 'document';
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - extension.length) + extension;
}

/**
 * `Content-Disposition: attachment` with the name in both forms of RFC 6266: an ASCII
 * fallback for old clients and the exact UTF-8 name in `filename*` (RFC 8187).
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored document: always a download, never rendered by the browser in our
 * origin, typed as stored. Shared by support files and observatory attachments.
 */
export function sendDocument(
  reply: FastifyReply,
  document: { filename: string; mediaType: string; sha256: string; content: Buffer },
): FastifyReply {
  return reply
    .header('content-disposition', attachmentDisposition(document.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('etag', `"${document.sha256}"`)
    .type(document.mediaType)
    .send(document.content);
}
