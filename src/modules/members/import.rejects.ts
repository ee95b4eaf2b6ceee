import type { ParsedFile } from './import.parse.ts';
import type { ImportProblem } from './import.validate.ts';

/** A cell as CSV writes it, unchanged (no formula guard: these are the user's own cells). */
const rawCell = (value: string, delimiter: string) =>
  value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * The refused lines of a partial import (CLI `--skip-invalid`, the web page's "Importer les
 * lignes valides"): their cells as read plus a "motif" column (every error of the line, with
 * its column), in the file's separator (`;` for an XLSX), UTF-8 with BOM. The user corrects
 * them and imports this file again.
 */
export function rejectsFile(parsed: ParsedFile, problems: readonly ImportProblem[]) {
  const delimiter = parsed.delimiter ?? ';';
  const reasons = new Map<number, string[]>();
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    reasons.set(p.line, [
      ...(reasons.get(p.line) ?? []),
      p.column ? `${p.column} : ${p.message}` : p.message,
    ]);
  }
  const out = [[...parsed.headers, 'motif'].map((c) => rawCell(c, delimiter)).join(delimiter)];
  for (const row of parsed.rows) {
    const why = reasons.get(row.line);
    if (why) out.push([...row.cells, why.join(' ; ')].map((c) => rawCell(c, delimiter)).join(delimiter));
  }
  return { text: `\uFEFF${out.join('\r\n')}\r\n`, lines: out.length - 1 };
}
