import { describe, expect, it } from 'vitest';
import type { ImportAnalysis } from './import.service.ts';
import { PREVIEW_LIMIT, presentPreview, problemsCsv } from './import.service.ts';
import type { ImportProblem } from './import.validate.ts';

const problem = (line: number, severity: 'error' | 'warning'): ImportProblem => ({
  line,
  column: 'SIRET',
  code: 'members.siret_checksum',
  message: 'Le SIRET est invalide ; vérifiez-le.',
  severity,
});

function analysis(creates: number, problems: number): ImportAnalysis {
  return {
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ';',
    headers: ['Nom', 'SIRET'],
    mapping: { Nom: 'name', SIRET: 'siret' },
    columns: [
      { header: 'Nom', field: 'name' },
      { header: 'SIRET', field: 'siret' },
    ],
    rows: creates + problems,
    plan: {
      create: Array.from({ length: creates }, (_, i) => ({ line: i + 2, name: `S${i}`, siret: null })),
      update: [],
    },
    problems: Array.from({ length: problems }, (_, i) => problem(i + 2, i % 3 ? 'error' : 'warning')),
    entries: [],
    registry: {
      bySiret: new Map(),
      byNamePostcode: new Map(),
      bySiren: new Map(),
      placeByNamePostcode: new Map(),
      organisationsWithSiren: new Set(),
    },
  };
}

describe('import preview', () => {
  it('answers exact counts and only the first problems and plan lines', () => {
    const preview = presentPreview(analysis(5_000, 30_000));
    expect(preview.counts).toEqual({ create: 5_000, update: 0, errors: 20_000, warnings: 10_000 });
    expect(preview.problems).toHaveLength(PREVIEW_LIMIT);
    expect(preview.problems[0]?.line).toBe(2);
    expect(preview.plan.create).toHaveLength(PREVIEW_LIMIT);
    expect(preview.truncated).toBe(true);
    expect(preview).not.toHaveProperty('entries');
    expect(preview).not.toHaveProperty('registry');
    // Small enough to send and show: a few tens of kilobytes, whatever the file.
    expect(JSON.stringify(preview).length).toBeLessThan(100_000);
  });

  it('answers everything when it fits', () => {
    const preview = presentPreview(analysis(3, 2));
    expect(preview.problems).toHaveLength(2);
    expect(preview.plan.create).toHaveLength(3);
    expect(preview.truncated).toBe(false);
  });

  it('writes every problem to the CSV download, one line each, quoted where needed', () => {
    const csv = problemsCsv(analysis(0, 1_000).problems);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(1_001);
    expect(lines[1]).toBe(
      '2;SIRET;avertissement;members.siret_checksum;"Le SIRET est invalide ; vérifiez-le."',
    );
  });
});
