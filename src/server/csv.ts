// CSV as French Excel opens it as is: UTF-8 with BOM, `;`, CRLF, dates JJ/MM/AAAA,
// decimal comma. Shared by every export.

/** ISO date → JJ/MM/AAAA. */
export function frenchDate(iso: string | null): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** A number as French Excel reads it: decimal comma, no thousands separator. */
export function frenchNumber(value: number): string {
  return String(value).replace('.', ',');
}

export function csvCell(raw: string): string {
  // A cell Excel would run as a formula (=, @, or + / - not followed by a number) is
  // shown as text: an export must not execute what someone typed into a name.
  const value = /^[=@\t\r]|^[+-](?![\d\s().]*$)/.test(raw) ? `'${raw}` : raw;
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole file from a header line and rows of already formatted cells. */
export function toFrenchCsv(headers: string[], rows: string[][]): string {
  const lines = [headers, ...rows].map((cells) => cells.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
