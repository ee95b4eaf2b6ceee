import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFigure, formatNumber } from './report.format.ts';
import { coverTitle, reportSections } from './report.outline.ts';
import { renderReport } from './report.render.ts';
import { INJECTION, sampleReport } from './report.sample.ts';
import type { AnnualReport, ReportProgress } from './report.types.ts';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maillage-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pdfTool(tool: 'pdftotext' | 'pdffonts', body: Buffer, name: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, body);
  const args = tool === 'pdftotext' ? ['-layout', file, '-'] : [file];
  return (await run(tool, args, { maxBuffer: 20 * 2 ** 20 })).stdout;
}

// pdftotext lays text out in columns: compare with runs of spaces made single.
const squeeze = (text: string) => text.replace(/[ \u00a0]+/g, ' ');

describe('PDF', () => {
  it('has the cover, the contents with page numbers, every section, the figures as formatted and numbered pages', async () => {
    const report = sampleReport();
    const progress: ReportProgress[] = [];
    const { body, contentType, filename } = await renderReport(report, 'pdf', (p) => progress.push(p));
    expect(contentType).toBe('application/pdf');
    expect(filename).toBe('rapport-activite-hautes-terres-2023.pdf');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfTool('pdftotext', body, 'report.pdf');
    const pages = text.split('\f').filter((p) => p.trim() !== '');

    expect(pages[0]).toContain(coverTitle(report));
    expect(pages[0]).toContain('Réseau Solidaire des Hautes-Terres');
    expect(pages[1]).toContain('Sommaire');
    const lines = squeeze(text).split('\n');
    for (const section of reportSections(report)) {
      // In the contents with the page it starts on, and that page begins with its title.
      const entry = lines.find((l) => l.trim().startsWith(section.title) && /\s\d+$/.test(l));
      expect(entry, section.title).toBeDefined();
      const page = Number(entry?.trim().split(' ').at(-1));
      expect(pages[page - 1]?.trimStart().startsWith(section.title), `${section.title} on page ${page}`).toBe(
        true,
      );
    }
    const flat = squeeze(text);
    for (const [id, figure] of Object.entries(report.keyFigures)) {
      expect(flat, id).toContain(squeeze(formatFigure(figure)));
    }
    expect(flat).toContain('1 761 h');
    expect(flat).toContain('4,3 M€');
    expect(flat).toContain('près de 4 950 personnes');
    expect(flat).toContain('non renseigné');
    expect(flat).toContain('Calculé : 4 sessions de formation de');
    expect(flat).toContain('Déclaré : Observatoire régional 2023');
    expect(flat).toContain(`Page 2 sur ${pages.length}`);
    expect(flat).toContain(`Page ${pages.length} sur ${pages.length}`);
    expect(flat).toContain(INJECTION);
    expect(flat).toContain('Aucune action publique ce mois-ci.');
    expect(flat).toContain('Texte non rédigé'); // the priorities are empty in the sample
    expect(flat).toContain("Le conseil d'administration élu le 15 juin 2023 à Brioude");
    expect(flat).toContain('Maëlle Côté');
    expect(flat).toContain('ÉCO-RESSOURCERIE DU MÉZENC');
    expect(flat).toContain('bonjour@mezenc.example');
    expect(progress.at(-1)).toMatchObject({ step: 'pdf', done: progress.at(-1)?.total });
  });

  it('embeds DejaVu Sans (regular, bold, oblique) and no other font', async () => {
    const { body } = await renderReport(sampleReport(), 'pdf');
    const fonts = (await pdfTool('pdffonts', body, 'fonts.pdf')).trim().split('\n').slice(2);
    const names = fonts.map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort();
    expect(names).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']);
    for (const line of fonts) expect(line.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
  });

  it('gives the same bytes for the same frozen report, and dates the document by its freeze', async () => {
    const first = await renderReport(sampleReport(), 'pdf');
    const second = await renderReport(sampleReport(), 'pdf');
    expect(second.body.equals(first.body)).toBe(true);
    // As read back from a jsonb column: same values, object keys in another order.
    const stored = JSON.parse(JSON.stringify(sampleReport())) as AnnualReport;
    stored.keyFigures = Object.fromEntries(Object.entries(stored.keyFigures).reverse());
    stored.members.byType = Object.fromEntries(Object.entries(stored.members.byType).reverse());
    expect((await renderReport(stored, 'pdf')).body.equals(first.body)).toBe(true);
    // Not a constant: another freeze date gives other bytes.
    const refrozen = { ...sampleReport(), frozen: { at: '2024-03-05T16:00:00.000Z', by: null } };
    expect((await renderReport(refrozen, 'pdf')).body.equals(first.body)).toBe(false);
    const info = (await run('pdfinfo', [await save(first.body, 'info.pdf')])).stdout;
    expect(info).toContain("Title:           Rapport d'activité 2023 – Réseau Solidaire des Hautes-Terres");
    expect(info).toContain('Author:          Réseau Solidaire des Hautes-Terres');
    expect(info).toMatch(/CreationDate:\s+Mon Mar\s+4 \d\d:00:00 2024/);
  });

  it('prints the national table of delegations for a national report', async () => {
    const report = { ...sampleReport(), scope: 'national' as const };
    report.delegations = [
      { slug: 'nord', name: 'Délégation du Nord', membersTotal: 1234, actions: 56 },
      { slug: 'sud', name: 'Délégation du Sud', membersTotal: 87, actions: 9 },
    ];
    const text = squeeze(
      await pdfTool('pdftotext', (await renderReport(report, 'pdf')).body, 'national.pdf'),
    );
    expect(text).toContain('Les délégations');
    expect(text).toContain('Le réseau en bref');
    expect(text).toMatch(/Délégation du Nord\s+1 234\s+56/);
  });
});

async function save(body: Buffer, name: string) {
  const file = join(dir, name);
  await writeFile(file, body);
  return file;
}

describe('DOCX', () => {
  it('has a title, a contents field, Heading 1 per section, Heading 2 inside, real tables and lists', async () => {
    const report = sampleReport();
    const { body, contentType, filename } = await renderReport(report, 'docx');
    expect(contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(filename).toBe('rapport-activite-hautes-terres-2023.docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: body });
    const h1 = [...html.matchAll(/<h1>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h1>/g)].map((m) => m[1]);
    expect(h1).toEqual(reportSections(report).map((s) => s.title));
    expect(html).toContain("<h2>Le conseil d'administration élu le 15 juin 2023 à Brioude</h2>");
    expect(html).toContain('<h2>Observatoire</h2>');
    expect(html).toContain('<h2>Février 2023</h2>');
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('<li><strong>REPRÉSENTER</strong> les intérêts des adhérents</li>');
    expect(html).toContain(
      `<td><p>${formatFigure(report.keyFigures.trainingHours ?? { value: 0, unit: 'count' })}</p></td>`,
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Texte non rédigé');
    // The contents lists the sections before Word has even updated the field.
    expect(html.indexOf('Sommaire')).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toMatch(/<a href="#_Toc\d+">Rapport moral de la présidence/);
  });
});

describe('HTML', () => {
  it('is a standalone printable page, every text escaped, no script', async () => {
    const report = sampleReport();
    report.texts.priorities = '- **Zest’** pour <b>tous</b>';
    report.texts.presidentWord = '  \n';
    const { body, contentType, filename } = await renderReport(report, 'html');
    const html = body.toString('utf8');
    expect(contentType).toBe('text/html; charset=utf-8');
    expect(filename).toBe('rapport-activite-hautes-terres-2023.html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain('Atelier « coopérations » &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<li><strong>Zest’</strong> pour &lt;b&gt;tous&lt;/b&gt;</li>');
    for (const section of reportSections(report))
      expect(html).toContain(section.title.replaceAll("'", '&#39;'));
    expect(html).toContain(formatNumber(1761));
    expect(html).toContain('class="missing"');
  });
});

describe('JSON', () => {
  it('is the report itself, pretty-printed', async () => {
    const report = sampleReport();
    const { body, contentType, filename } = await renderReport(report, 'json');
    expect(contentType).toBe('application/json; charset=utf-8');
    expect(filename).toBe('rapport-activite-hautes-terres-2023.json');
    expect(JSON.parse(body.toString('utf8'))).toEqual(report);
    expect(body.toString('utf8')).toContain('\n  "year": 2023,');
  });
});
