/**
 * Hostile uploads to a form: templates with any cell content, broken or bombed
 * workbooks, attachments disguised by their name, files over the limit. Never a 500;
 * every refusal is coded and French; a refused template leaves the draft as it was.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../i18n/messages.ts';
import { xlsxBomb } from '../../server/zip-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { observatoryDraft } from '../../test/observatory-draft.ts';
import { type caller, cookieOf, upload, type World } from './campaigns.fixtures.ts';

let t: TestApp;
let world: World;
let call: ReturnType<typeof caller>;
let submission: string;
let template: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  ({ world, call, submission } = await observatoryDraft(t, { persons: 40 }));
  const response = await call('regain', 'GET', `/api/observatory/submissions/${submission}/template.xlsx`);
  template = response.rawPayload;
});
afterAll(() => t?.close());

const prefill = (bytes: Buffer, name = 'observatoire.xlsx') =>
  upload(t, cookieOf(world, 'regain'), `/api/observatory/submissions/${submission}/prefill`, name, bytes);
const attach = (bytes: Buffer, name: string, type?: string) =>
  upload(
    t,
    cookieOf(world, 'regain'),
    `/api/observatory/submissions/${submission}/documents`,
    name,
    bytes,
    type,
  );

async function savedValues() {
  const response = await call('regain', 'GET', `/api/observatory/submissions/${submission}`);
  expect(response.statusCode).toBe(200);
  return response.json().values as Record<string, number>;
}

/** The one error shape: a code, a French message from the catalogue, and French field messages. */
function expectCodedRefusal(response: Awaited<ReturnType<typeof prefill>>) {
  const { error } = response.json();
  expect(typeof error.code, response.body).toBe('string');
  // The catalogue's message for the code, its {placeholders} filled in.
  const pattern = message(error.code)
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  expect(error.message).toMatch(new RegExp(`^${pattern}$`, 's'));
  expect(error.message).not.toBe(message('internal'));
  for (const field of error.fields ?? []) {
    expect(field.message.length).toBeGreaterThan(5);
    expect(field.message).not.toBe(field.code);
  }
}

/** A prefill with `bytes` never answers 500, and a refused one is coded and leaves the draft as it was. */
async function expectNoHarm(bytes: Buffer) {
  const before = await savedValues();
  const response = await prefill(bytes);
  expect(response.statusCode, response.body).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expectCodedRefusal(response);
    expect(await savedValues()).toEqual(before);
  }
}

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('1 234,5', '12,5', '-0', '1e400', '  ', '=1+1', '<script>x</script>', '١٢٣'),
  fc.date({ noInvalidDate: true, min: new Date('1900-03-01'), max: new Date('2100-01-01') }),
  fc.boolean(),
  fc.constant(null),
  fc.integer().map((n) => ({ formula: `${n}*2`, result: n * 2 })),
  fc.constant({ formula: '1/0', result: { error: '#DIV/0!' as const } }),
  fc.string({ maxLength: 20 }).map((text) => ({ richText: [{ text }] })),
);

describe('observatory template under hostile workbooks', () => {
  it('reads or refuses any cell content; a refusal leaves the draft unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 8 }), cellValue), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(template as unknown as ArrayBuffer);
          const sheet = workbook.getWorksheet('Formulaire')!;
          for (const [row, column, value] of edits) sheet.getRow(row).getCell(column).value = value;
          await expectNoHarm(Buffer.from(await workbook.xlsx.writeBuffer()));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('refuses truncated or mutated bytes without a 500, leaving the draft unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat({ max: template.length }).map((cut) => Buffer.from(template.subarray(0, cut))),
          fc
            .array(fc.tuple(fc.nat({ max: template.length - 1 }), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 8,
            })
            .map((edits) => {
              const copy = Buffer.from(template);
              for (const [at, byte] of edits) copy[at] = byte;
              return copy;
            }),
        ),
        expectNoHarm,
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('refuses a zip bomb before exceljs reads it', async () => {
    const before = await savedValues();
    for (const bomb of [await xlsxBomb(200 * 1024 * 1024), await xlsxBomb(200 * 1024 * 1024, 800_000)]) {
      const response = await prefill(Buffer.from(bomb));
      expect(response.statusCode).toBe(400);
      expectCodedRefusal(response);
      expect(response.json().error.fields[0].code).toMatch(/^upload\.zip_(ratio|too_large)$/);
      expect(response.json().error.fields[0].message).toMatch(/refusé/);
    }
    expect(await savedValues()).toEqual(before);
  }, 60_000);
});

describe('form attachments under hostile files', () => {
  it('answers a file over 10 MB with a coded 413 in French (attachment and template)', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x25);
    for (const response of [await attach(big, 'bilan.pdf'), await prefill(big)]) {
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('observatory.document_too_large');
      expect(response.json().error.message).toMatch(/10 Mo/);
    }
  });

  it('reads the type from the content: a renamed program or web page is refused', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200)]);
    const page = Buffer.from('<!doctype html><script>alert(1)</script>');
    const svg = Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    for (const [bytes, name] of [
      [exe, 'bilan.pdf'],
      [page, 'rapport.pdf'],
      [page, 'notes.txt'],
      [svg, 'logo.png'],
    ] as const) {
      const response = await attach(bytes, name, 'application/pdf');
      expect(response.statusCode, name).toBe(415);
      expect(response.json().error.code).toBe('observatory.document_type_refused');
      expectCodedRefusal(response);
    }
    const pdf = await attach(Buffer.from('%PDF-1.4\n%âãÏÓ\n'), 'bilan.exe');
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().mediaType).toBe('application/pdf');
  });
});
