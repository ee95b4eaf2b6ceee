import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { observatoryDraft } from '../../test/observatory-draft.ts';
import { expectFieldError } from '../../test/route-world.ts';
import { type caller, cookieOf, openCampaign, upload, type World } from './campaigns.fixtures.ts';

let t: TestApp;
let world: World;
let call: ReturnType<typeof caller>;
let submission: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ world, call, submission } = await observatoryDraft(t, { persons: 40, netResult: -500 }));
});
afterAll(() => t.close());

async function template(who = 'regain') {
  const response = await call(who, 'GET', `/api/observatory/submissions/${submission}/template.xlsx`);
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return { response, workbook, sheet: workbook.getWorksheet('Formulaire')! };
}

/** The row of an indicator in the template, found by its code in column A. */
function rowOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell(1).value === code) return sheet.getRow(r);
  throw new Error(`no row for ${code}`);
}

const send = async (workbook: ExcelJS.Workbook, who = 'regain') =>
  upload(
    t,
    cookieOf(world, who),
    `/api/observatory/submissions/${submission}/prefill`,
    'observatoire.xlsx',
    Buffer.from(await workbook.xlsx.writeBuffer()),
  );

describe('XLSX template', () => {
  it('has one row per indicator of the form, values editable and checked, the rest locked', async () => {
    const { response, sheet } = await template();
    expect(response.headers['content-disposition']).toContain('observatoire-2024-REGAIN-ACI.xlsx');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Code',
      'Section',
      'Indicateur',
      'Unité',
      'Définition',
      'Valeur 2024',
      'Valeur 2023',
    ]);
    const persons = rowOf(sheet, 'persons');
    expect(persons.getCell(3).value).toBe('Personnes en parcours');
    expect(persons.getCell(6).value).toBe(40);
    expect(persons.getCell(6).protection).toMatchObject({ locked: false });
    expect(persons.getCell(6).dataValidation).toMatchObject({
      type: 'whole',
      formulae: [0, 99_999_999_999_999],
    });
    expect(rowOf(sheet, 'etpPathway').getCell(6).dataValidation).toMatchObject({ type: 'decimal' });
    expect(rowOf(sheet, 'revenue').getCell(4).value).toBe('euros');
    // Only the ACI form's indicators: no "clients" (AI, ETTI).
    expect(() => rowOf(sheet, 'clients')).toThrow();
    // Someone else's form: no template.
    expect(
      (await call('chorus', 'GET', `/api/observatory/submissions/${submission}/template.xlsx`)).statusCode,
    ).toBe(404);
  });

  it('reads back a filled template as a draft save', async () => {
    const { workbook, sheet } = await template();
    rowOf(sheet, 'hoursPaid').getCell(6).value = 16_070;
    rowOf(sheet, 'etpPathway').getCell(6).value = '12,5';
    rowOf(sheet, 'revenue').getCell(6).value = { formula: '100000+23456', result: 123_456 };
    rowOf(sheet, 'netResult').getCell(6).value = null;
    const response = await send(workbook);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().values).toEqual({
      persons: 40,
      hoursPaid: 16_070,
      etpPathway: 12.5,
      revenue: 123_456,
    });
    expect(response.json().status).toBe('draft');
    expect(response.json().check.warnings.map((w: { code: string }) => w.code)).toContain('etpPathway');
  });

  it('refuses bad cells naming the row and the indicator, and writes nothing', async () => {
    const { workbook, sheet } = await template();
    const persons = rowOf(sheet, 'persons');
    persons.getCell(6).value = 'une quarantaine';
    rowOf(sheet, 'revenue').getCell(6).value = 1;
    const extra = sheet.addRow(['ghost', '', 'Fantôme', '', '', 3]);
    const response = await send(workbook);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('observatory.prefill_invalid');
    expect(response.json().error.fields).toEqual([
      {
        field: 'values.persons',
        code: 'observatory.prefill_not_number',
        message: `Ligne ${persons.number}, Personnes en parcours (persons) : « une quarantaine » n’est pas un nombre.`,
      },
      {
        field: 'file',
        code: 'observatory.prefill_unknown_code',
        message: `Ligne ${extra.number} : l’indicateur « ghost » ne fait pas partie de ce formulaire.`,
      },
    ]);
    const after = await call('regain', 'GET', `/api/observatory/submissions/${submission}`);
    expect(after.json().values.revenue).toBe(123_456);
  });

  it('refuses a file that is not this form’s template', async () => {
    const other = (
      await call('regain', 'POST', `/api/observatory/campaigns/${await openCampaign(t, world, 2019)}/forms`, {
        conventionType: 'ACI',
      })
    ).json().id;
    const response = await call('regain', 'GET', `/api/observatory/submissions/${other}/template.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const wrongForm = await send(workbook);
    expect(wrongForm.statusCode).toBe(400);
    expect(wrongForm.json().error.fields[0].code).toBe('observatory.prefill_other_form');
    const notXlsx = await upload(
      t,
      cookieOf(world, 'regain'),
      `/api/observatory/submissions/${submission}/prefill`,
      'a.xlsx',
      Buffer.from('pas un classeur'),
    );
    expectFieldError(notXlsx, 400, {
      field: 'file',
      message: 'Ce fichier n’est pas un classeur XLSX lisible.',
    });
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Feuil1').addRow(['rien']);
    const noHeader = await send(blank);
    expect(noHeader.json().error.fields[0].code).toBe('observatory.prefill_no_header');
  });
});
