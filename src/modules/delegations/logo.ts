/**
 * A delegation's logo, checked by its content (never by a name or a declared type):
 * a PNG by its signature and header, or an SVG that is a plain drawing. An SVG is a
 * document that can carry scripts, event handlers, external references and entity
 * tricks; any of them refuses the file rather than trying to clean it.
 */
export const LOGO_MAX_BYTES = 256 * 1024;

export type LogoType = 'image/png' | 'image/svg+xml';

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; code: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// Anything that runs code, loads something from elsewhere, or expands entities.
const SVG_FORBIDDEN = [
  /<\s*script\b/i,
  /<\s*foreignObject\b/i,
  /<\s*(iframe|object|embed|audio|video|image|use|a|animate|set|handler|listener)\b/i,
  /\son[a-z]+\s*=/i,
  /javascript\s*:/i,
  /<!ENTITY/i,
  /<!DOCTYPE/i,
  /@import/i,
  /url\s*\(\s*['"]?\s*(?!#)/i,
  /\bhref\s*=/i,
];

export function checkLogo(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return { ok: false, code: 'delegations.logo_empty' };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, code: 'delegations.logo_too_large' };
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // The first chunk of a PNG is its header (IHDR, 13 bytes).
    const ihdr = bytes.subarray(12, 16).toString('latin1');
    return ihdr === 'IHDR' && bytes.readUInt32BE(8) === 13
      ? { ok: true, type: 'image/png' }
      : { ok: false, code: 'delegations.logo_type' };
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') || text.includes('\0')) return { ok: false, code: 'delegations.logo_type' };
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const root = start.replace(/^<\?xml[^>]*\?>\s*/i, '').replace(/^(<!--[\s\S]*?-->\s*)*/, '');
  if (!/^<svg[\s>]/i.test(root)) return { ok: false, code: 'delegations.logo_type' };
  if (SVG_FORBIDDEN.some((pattern) => pattern.test(text)))
    return { ok: false, code: 'delegations.logo_scripted' };
  return { ok: true, type: 'image/svg+xml' };
}
