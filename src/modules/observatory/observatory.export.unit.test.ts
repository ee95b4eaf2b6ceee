import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExportRow, roundToUnit, toCsv, toXlsx } from './observatory.export.ts';

const row = (unit: ExportRow['unit'], value: number, median: number | null = null): ExportRow => ({
  year: 2024,
  conventionType: 'AI',
  department: '09',
  code: `x_${unit}`,
  label: unit,
  unit,
  value,
  answers: 3,
  median,
  source: 'computed',
  qualifier: null,
  synthetic: false,
});

// Averages and sums as the database returns them, floating-point noise included.
const noisy = [
  row('percent', 32.894999999999996, 32.894999999999996),
  row('euros', 1234.5600000000002, 0.1 + 0.2),
  row('etp', 12.340000000000002),
  row('hours', 1858940.0000000002),
  row('count', 5199, 2.5),
];

describe('observatory exports round each figure to its unit', () => {
  it('rounds: a tenth of a percent, cents, hundredths of an FTE or hour, a half for counts', () => {
    expect(roundToUnit(32.894999999999996, 'percent')).toBe(32.9);
    expect(roundToUnit(1.005, 'euros')).toBe(1.01);
    expect(roundToUnit(-1.005, 'euros')).toBe(-1.01);
    expect(roundToUnit(12.340000000000002, 'etp')).toBe(12.34);
    expect(roundToUnit(2.5, 'count')).toBe(2.5);
  });

  it('prints no floating-point noise in the CSV', () => {
    const lines = toCsv(noisy).slice(1).trim().split('\r\n');
    const cells = lines.slice(1).map((line) => line.split(';'));
    expect(cells.map((c) => [c[6], c[8]])).toEqual([
      ['32,9', '32,9'],
      ['1234,56', '0,3'],
      ['12,34', ''],
      ['1858940', ''],
      ['5199', '2,5'],
    ]);
  });

  it('stores rounded numbers in the XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(noisy, [])) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Observatoire');
    const values = [2, 3, 4, 5, 6].map((r) => [
      sheet?.getRow(r).getCell(7).value,
      sheet?.getRow(r).getCell(9).value,
    ]);
    expect(values).toEqual([
      [32.9, 32.9],
      [1234.56, 0.3],
      [12.34, null],
      [1858940, null],
      [5199, 2.5],
    ]);
  });
});
