/**
 * The report as one standalone HTML5 page: readable on screen, printable on A4 (each
 * section on a new page), no script, no external resource. Every text of the report is
 * escaped: titles and texts typed by staff are inert.
 */
import * as content from './report.content.ts';
import { type Block, parseMarkup, type Run } from './report.markup.ts';
import {
  CONTENTS_TITLE,
  coverTitle,
  generationNote,
  NOT_WRITTEN,
  reportSections,
  type SectionId,
} from './report.outline.ts';
import type { AnnualReport } from './report.types.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      let html = escapeHtml(r.text);
      if (r.italic) html = `<em>${html}</em>`;
      if (r.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function blocksHtml(blocks: Block[]): string {
  return blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? `<p>${runsHtml(b.runs)}</p>`
        : `<ul>${b.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</ul>`,
    )
    .join('\n');
}

/** A staff text, or the visible "non rédigé" note when it is empty. */
function textHtml(text: string): string {
  const blocks = parseMarkup(text);
  return blocks.length > 0 ? blocksHtml(blocks) : `<p class="missing">${escapeHtml(NOT_WRITTEN)}</p>`;
}

const e = escapeHtml;
const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function bars(items: { label: string; value: number; text: string }[]): string {
  const max = Math.max(1, ...items.map((i) => i.value));
  return `<div class="bars">${items
    .map(
      (i) =>
        `<div class="bar-row"><span class="bar-label">${e(i.label)}</span><span class="bar" style="width:${((i.value / max) * 60).toFixed(1)}%"></span><span class="bar-value">${e(i.text)}</span></div>`,
    )
    .join('')}</div>`;
}

function brief(report: AnnualReport): string {
  const d = report.delegation;
  const b = content.brief(report);
  // Objectives print as typed (no inline markup), the number in bold.
  const objectives = d.objectives.map(
    (o) => `<li>${o.number === null ? '' : `<strong>${o.number}</strong> `}${e(o.text)}</li>`,
  );
  return [
    `<p class="lead">${runsHtml(b.lead)}</p>`,
    `<h3>${e(b.typesHeading)}</h3>`,
    bars(b.types),
    `<h3>${e(b.departmentsHeading)}</h3>`,
    b.departments ? `<p>${e(b.departments)}</p>` : `<p class="missing">${e(content.NO_DEPARTMENT)}</p>`,
    b.objectivesHeading ? `<h3>${e(b.objectivesHeading)}</h3>` : '',
    ...b.objectives.map(
      ({ axis }) =>
        `<h4>${e(axis)}</h4><ul class="objectives">${d.objectives
          .map((o, i) => (o.axis === axis ? objectives[i] : ''))
          .join('')}</ul>`,
    ),
  ].join('\n');
}

const missing = (text: string) => `<p class="missing">${e(text)}</p>`;
const tableOf = (t: content.TableContent) =>
  table(
    t.head,
    t.rows.map((r) => r.map(e)),
  );

function organisation(report: AnnualReport): string {
  const board = content.board(report);
  const staff = content.staff(report);
  const missions = content.missions(report);
  return [
    `<h3>${e(board.heading)}</h3>`,
    board.table ? tableOf(board.table) : missing(content.NO_BOARD),
    board.representatives ? `<p>${e(board.representatives)}</p>` : '',
    `<h3>${e(content.STAFF_HEADING)}</h3>`,
    staff ? tableOf(staff) : missing(content.NO_STAFF),
    missions.length > 0 ? `<h3>${e(content.MISSIONS_HEADING)}</h3>` : '',
    missions.length > 0 ? `<ul>${missions.map((m) => `<li>${runsHtml(m)}</li>`).join('')}</ul>` : '',
  ].join('\n');
}

const LEGEND =
  '<p class="legend"><span class="swatch computed"></span> calculé à partir des fiches détaillées <span class="swatch declared"></span> déclaré par une source (total publié)</p>';

function keyFigures(report: AnnualReport): string {
  return `${LEGEND}\n${content
    .figureGroups(report)
    .map(
      (g) =>
        `<h3>${e(g.label)}</h3>\n<div class="cards">${g.figures
          .map(
            (f) =>
              `<div class="card ${f.kind}"><div class="value">${e(f.value)}</div><div class="label">${e(f.label)}</div>${f.detail ? `<div class="detail">${e(f.detail)}</div>` : ''}<div class="source">${e(f.source)}</div></div>`,
          )
          .join('')}</div>`,
    )
    .join('\n')}`;
}

function chronicle(report: AnnualReport): string {
  return content
    .chronicle(report)
    .map((m) => {
      const actions = m.actions.map((a) => {
        const partners = a.partners ? `<p class="meta">${e(a.partners)}</p>` : '';
        return `<article><h4>${e(a.title)}</h4><p class="meta">${e(a.meta)}</p>${blocksHtml(a.summary)}${partners}</article>`;
      });
      const body = m.empty ? `<p class="empty">${e(m.empty)}</p>` : actions.join('\n');
      return `<h3 class="month">${e(m.heading)}</h3>\n${body}`;
    })
    .join('\n');
}

function members(report: AnnualReport): string {
  return content
    .directory(report)
    .map((d) => {
      const orgs = d.organisations.map(
        (o) => `<li><strong>${e(o.name)}</strong>${o.details.map((x) => `<br>${e(x)}`).join('')}</li>`,
      );
      return `<h3>${e(d.title)} <small>${d.count}</small></h3>\n<ul class="directory">${orgs.join('')}</ul>`;
    })
    .join('\n');
}

function partners(report: AnnualReport): string {
  const p = content.partners(report);
  if (p.items.length === 0) return missing(content.NO_PARTNER);
  return `<ul class="partners">${p.items.map((i) => `<li>${e(i.name)}${i.kind ? ` <small>(${e(i.kind)})</small>` : ''}</li>`).join('')}</ul>\n<address><strong>${e(p.delegation)}</strong><br>${p.contact.map(e).join('<br>')}</address>`;
}

function sectionBody(report: AnnualReport, id: SectionId): string {
  switch (id) {
    case 'presidentWord':
      return `${textHtml(report.texts.presidentWord)}${report.texts.presidentSignature ? `<p class="signature">${e(report.texts.presidentSignature)}</p>` : ''}`;
    case 'brief':
      return brief(report);
    case 'delegations':
      return tableOf(content.delegations(report));
    case 'organisation':
      return organisation(report);
    case 'keyFigures':
      return keyFigures(report);
    case 'chronicle':
      return chronicle(report);
    case 'members':
      return members(report);
    case 'priorities':
      return textHtml(report.texts.priorities);
    case 'partners':
      return partners(report);
  }
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d2433; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; font-size: 11pt; }
h1, h2, h3, h4 { line-height: 1.25; color: #0b4f6c; }
h2 { border-bottom: 3px solid #e07a1f; padding-bottom: .2em; margin-top: 2.5rem; }
.cover { padding: 3rem 0; text-align: center; border-bottom: 6px solid #0b4f6c; }
.cover h1 { font-size: 2.6rem; margin: 0 0 1rem; }
.cover .delegation { font-size: 1.6rem; font-weight: bold; }
.toc ol { padding-left: 1.2rem; } .toc a { color: inherit; }
.missing, .empty { font-style: italic; color: #8a5a00; background: #fff6e0; padding: .3em .6em; border-left: 3px solid #e0a01f; }
.empty { color: #555; background: none; border: 0; padding: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95em; }
th, td { border: 1px solid #c8d1dc; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eef3f7; }
.bars { margin: .5rem 0 1rem; } .bar-row { display: flex; align-items: center; gap: .5rem; margin: .2rem 0; }
.bar-label { flex: 0 0 22rem; } .bar { display: inline-block; height: .9rem; background: #0b4f6c; } .bar-value { font-weight: bold; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .6rem; }
.card { border: 1px solid #c8d1dc; border-top: 4px solid #0b4f6c; padding: .5rem .7rem; break-inside: avoid; }
.card.declared { border-top-color: #e07a1f; }
.legend { font-size: .85em; color: #555; } .swatch { display: inline-block; width: 1.2em; height: .6em; background: #0b4f6c; margin-left: .8em; } .swatch.declared { background: #e07a1f; }
.card .value { font-size: 1.5rem; font-weight: bold; } .card .detail { font-size: .85em; } .card .source { font-size: .8em; color: #555; }
article { break-inside: avoid; margin-bottom: 1rem; } .meta { color: #555; font-size: .9em; margin: 0; }
.directory { columns: 2; list-style: none; padding: 0; } .directory li { break-inside: avoid; margin-bottom: .7rem; }
.signature { text-align: right; font-weight: bold; } footer { color: #666; font-size: .85em; margin-top: 3rem; }
@media print {
  body { max-width: none; padding: 0; }
  .cover { min-height: 250mm; display: flex; flex-direction: column; justify-content: center; border: 0; }
  .cover, .toc, section { break-after: page; }
  section:last-of-type { break-after: auto; }
  h2, h3, h4 { break-after: avoid; }
  a { text-decoration: none; }
}
`;

export function renderReportHtml(report: AnnualReport): string {
  const sections = reportSections(report);
  const title = `${coverTitle(report)} – ${report.delegation.name}`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Maillage">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="cover">
<h1>${e(coverTitle(report))}</h1>
<p class="delegation">${e(report.delegation.name)}</p>
${report.delegation.network ? `<p>${e(report.delegation.network)}</p>` : ''}
${report.delegation.tagline ? `<p class="tagline">${e(report.delegation.tagline)}</p>` : ''}
<p>${e(generationNote(report))}</p>
</header>
<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">${e(CONTENTS_TITLE)}</h2>
<ol>${sections.map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`).join('')}</ol>
</nav>
<main>
${sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-title">\n<h2 id="${s.id}-title">${e(s.title)}</h2>\n${sectionBody(report, s.id)}\n</section>`).join('\n')}
</main>
<footer>${e(generationNote(report))}</footer>
</body>
</html>
`;
}
