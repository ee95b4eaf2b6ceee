/**
 * The bodies of the PDF report's sections, in the seed report's order and wording, drawn
 * with the primitives of report.pdf.draw.ts.
 */
import type PDFDocument from 'pdfkit';
import {
  formatActionDate,
  formatFigure,
  formatNumber,
  formatParticipants,
  formatSource,
} from './report.format.ts';
import { isBlank, parseInline, parseMarkup } from './report.markup.ts';
import {
  boardAffiliation,
  boardHeading,
  figuresByGroup,
  membersByType,
  monthHeading,
  NO_ACTION,
  NOT_WRITTEN,
  nationalRepresentatives,
  organisationLine,
  type SectionId,
  staffTable,
} from './report.outline.ts';
import {
  COLORS,
  drawBars,
  drawBlocks,
  drawCardLegend,
  drawCards,
  drawHeading2,
  drawLine,
  drawRuns,
  drawTable,
  ensureSpace,
  FONTS,
} from './report.pdf.draw.ts';
import type { AnnualReport } from './report.types.ts';

type Doc = InstanceType<typeof PDFDocument>;

function text(doc: Doc, body: string) {
  if (isBlank(body)) drawLine(doc, NOT_WRITTEN, { font: FONTS.oblique, color: COLORS.warm, gap: 0.5 });
  else drawBlocks(doc, parseMarkup(body));
}

function brief(doc: Doc, report: AnnualReport) {
  const d = report.delegation;
  drawRuns(doc, [
    { text: `${d.name} rassemble `, bold: false, italic: false },
    { text: formatNumber(report.members.total), bold: true, italic: false },
    {
      text: ` adhérents (${formatNumber(report.members.organisations)} structures)${d.region ? ` en ${d.region}` : ''}.`,
      bold: false,
      italic: false,
    },
  ]);
  drawHeading2(doc, `Nos adhérents en ${report.year}`);
  drawBars(
    doc,
    membersByType(report).map((t) => ({ label: t.label, value: t.count, text: formatNumber(t.count) })),
  );
  drawHeading2(doc, 'Départements couverts');
  drawLine(
    doc,
    d.departmentsCovered.map((c) => `${c.code} ${c.name}`).join(' · ') || 'Aucun département renseigné.',
    { gap: 0.5 },
  );
  if (d.objectives.length === 0) return;
  drawHeading2(doc, `Les objectifs du réseau${d.network ? ` ${d.network}` : ''}`);
  for (const axis of new Set(d.objectives.map((o) => o.axis))) {
    drawLine(doc, axis, { font: FONTS.bold, size: 10, gap: 0.2 });
    const items = d.objectives
      .filter((o) => o.axis === axis)
      .map((o) => parseInline(o.number === null ? o.text : `**${o.number}** ${o.text}`));
    drawBlocks(doc, [{ kind: 'list', items }], 9.5);
  }
}

function organisation(doc: Doc, report: AnnualReport) {
  drawHeading2(doc, boardHeading(report));
  if (report.board.length === 0) drawLine(doc, 'Aucun mandat en cours.', { font: FONTS.oblique, gap: 0.5 });
  else
    drawTable(
      doc,
      ['Nom', 'Fonction', 'Structure'],
      report.board.map((b) => [b.person, b.role, boardAffiliation(b)]),
      [3, 2, 4],
    );
  const representatives = nationalRepresentatives(report);
  if (representatives) drawLine(doc, representatives, { gap: 0.5 });
  drawHeading2(doc, 'L’équipe salariée');
  if (report.staff.length === 0) drawLine(doc, 'Aucun salarié renseigné.', { font: FONTS.oblique, gap: 0.5 });
  else {
    const staff = staffTable(report);
    drawTable(doc, staff.head, staff.rows, staff.widths);
  }
  if (report.delegation.missions.length === 0) return;
  drawHeading2(doc, 'Nos missions');
  drawBlocks(doc, [{ kind: 'list', items: report.delegation.missions.map((m) => parseInline(m.label)) }]);
}

function keyFigures(doc: Doc, report: AnnualReport) {
  drawCardLegend(doc);
  for (const group of figuresByGroup(report)) {
    drawHeading2(doc, group.label, 150);
    drawCards(
      doc,
      group.figures.map((f) => ({
        value: formatFigure(f),
        label: f.label,
        source: `${formatSource(f)}${f.synthetic ? ' (données de démonstration)' : ''}`,
        declared: f.source === 'declared',
      })),
    );
  }
}

function chronicle(doc: Doc, report: AnnualReport) {
  for (const month of report.chronicle) {
    drawHeading2(doc, monthHeading(month.month, report.year));
    if (month.actions.length === 0)
      drawLine(doc, NO_ACTION, { font: FONTS.oblique, color: COLORS.muted, gap: 0.4 });
    for (const action of month.actions) {
      ensureSpace(doc, 50);
      drawLine(doc, action.title, { font: FONTS.bold, size: 10.5 });
      const meta = [
        formatActionDate(action),
        action.place,
        action.participants ? formatParticipants(action.participants) : null,
      ];
      drawLine(doc, meta.filter(Boolean).join(' · '), { size: 8.5, color: COLORS.muted, gap: 0.2 });
      if (action.summary) drawBlocks(doc, parseMarkup(action.summary), 9.5);
      if (action.partners.length > 0)
        drawLine(doc, `Avec : ${action.partners.join(', ')}`, { size: 8.5, color: COLORS.muted });
      doc.moveDown(0.5);
    }
  }
}

function members(doc: Doc, report: AnnualReport) {
  for (const department of report.members.byDepartment) {
    drawHeading2(doc, `${department.code}. ${department.name} (${formatNumber(department.count)})`);
    const rows = department.organisations.map((o) => {
      const line = organisationLine(o);
      return [
        line.name,
        [o.address, [o.postcode, o.city].filter(Boolean).join(' ')].filter(Boolean).join('\n'),
        [o.phone, o.email].filter(Boolean).join('\n'),
      ];
    });
    drawTable(doc, ['Structure', 'Adresse', 'Contact'], rows, [4, 3.6, 4.4]);
  }
}

function partners(doc: Doc, report: AnnualReport) {
  if (report.partners.length === 0)
    drawLine(doc, 'Aucun partenaire enregistré.', { font: FONTS.oblique, gap: 0.5 });
  else
    drawBlocks(doc, [
      {
        kind: 'list',
        items: report.partners.map((p) => [
          { text: p.kind ? `${p.name} (${p.kind})` : p.name, bold: false, italic: false },
        ]),
      },
    ]);
  const d = report.delegation;
  doc.moveDown(1);
  drawLine(doc, d.name, { font: FONTS.bold });
  for (const line of [
    ...d.addresses.map((a) => `${a.line}, ${a.postcode} ${a.city}`),
    d.phone,
    d.email,
    d.website,
  ]) {
    if (line) drawLine(doc, line, { size: 9.5 });
  }
}

/** Draws the body of one section (its title is drawn by the caller). */
export function drawSection(doc: Doc, report: AnnualReport, id: SectionId) {
  switch (id) {
    case 'presidentWord':
      text(doc, report.texts.presidentWord);
      if (report.texts.presidentSignature)
        drawLine(doc, report.texts.presidentSignature, { font: FONTS.bold });
      return;
    case 'brief':
      return brief(doc, report);
    case 'delegations':
      return drawTable(
        doc,
        ['Délégation', 'Adhérents', 'Actions'],
        (report.delegations ?? []).map((d) => [
          d.name,
          formatNumber(d.membersTotal),
          formatNumber(d.actions),
        ]),
        [6, 2, 2],
      );
    case 'organisation':
      return organisation(doc, report);
    case 'keyFigures':
      return keyFigures(doc, report);
    case 'chronicle':
      return chronicle(doc, report);
    case 'members':
      return members(doc, report);
    case 'priorities':
      return text(doc, report.texts.priorities);
    case 'partners':
      return partners(doc, report);
  }
}
