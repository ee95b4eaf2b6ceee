import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_AUDIENCES, SHARED_FREE_TEXT } from '../db/audiences.ts';
import { queryRows, withTenant } from '../db/client.ts';
import { answerText, resultCount } from '../test/answer-text.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../test/app.ts';
import { buildWorld, type Caller, type World } from '../test/authorization-world.ts';
import { sampleUrl } from '../test/route-samples.ts';
import type { RegisteredRoute } from './access.ts';
import type { Audience } from './audiences.ts';

/*
 * Every route, called as a member user and as the board, never answers a field outside
 * its audience (src/server/audiences.ts): the matrix's world (delegation X, the demo plus
 * one record of each kind) gets a recognisable marker in every text column declared
 * "team" or "member", then each answer — JSON, CSV, HTML, iCalendar, the text inside
 * XLSX and DOCX files — is searched for them. Searches must not match them either.
 */

let t: TestApp;
let w: World;
interface Marked {
  table: string;
  column: string;
  audience: Audience;
  marker: string;
}
let marked: Marked[] = [];

// Letters only, so that a search (which drops punctuation) looks for the whole marker.
const markerOf = (audience: Audience, table: string, column: string) =>
  `${audience === 'team' ? 'EQUIPESEULE' : 'ADHERENTSEUL'}${table}${column}`.replace(/_/g, '').toUpperCase();

beforeAll(async () => {
  // The world loads the demo (fixed accounts and names): a database of its own, or a second
  // world in the same worker would find the demo already there.
  t = await createTestApp({ own: true });
  w = await buildWorld(t);
  const textColumns = await queryRows<{ table: string; column: string }>(
    t.database.db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
        where table_schema = 'public' and data_type = 'text'`,
  );
  const isText = (table: string, column: string) =>
    textColumns.some((c) => c.table === table && c.column === column);
  marked = Object.entries(COLUMN_AUDIENCES).flatMap(([table, columns]) =>
    Object.entries(columns)
      .filter(([column, audience]) => audience !== 'public' && isText(table, column))
      .map(([column, audience]) => ({ table, column, audience, marker: markerOf(audience, table, column) })),
  );
  // Written twice through the app's role, so that the history holds the marker both
  // before and after a change, as it would after staff edited the field.
  for (const suffix of [' (version précédente)', ''])
    await withTenant(t.database.db, { delegationId: w.x, userId: null }, async (tx) => {
      for (const { table, column, marker } of marked)
        await tx.execute(
          sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${marker + suffix}`,
        );
    });
}, 240_000);
afterAll(() => t.close());

function call(who: Caller, method: string, url: string) {
  const cookie = w.cookies[who];
  const unsafe = method === 'POST' || method === 'PUT' || method === 'PATCH';
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: cookie ? { cookie, origin: TEST_ORIGIN } : { origin: TEST_ORIGIN },
    ...(unsafe ? { payload: {} } : {}),
  });
}

/** The query parameters the API description declares for a route, with their allowed values. */
function queryParameters(route: RegisteredRoute): Map<string, string[] | null> {
  const document = t.app.swagger() as {
    paths: Record<
      string,
      Record<string, { parameters?: { in: string; name: string; schema?: { enum?: string[] } }[] }>
    >;
  };
  const path = route.url.replace(/:(\w+)/g, '{$1}');
  const operation = document.paths[path]?.[route.method.toLowerCase()];
  return new Map(
    (operation?.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => [p.name, p.schema?.enum ?? null]),
  );
}

/** The route's sample URL, and one more per value of a `format` parameter. */
function urlsOf(route: RegisteredRoute): string[] {
  const url = sampleUrl(route, w.samples);
  const formats = queryParameters(route).get('format');
  if (!formats) return [url];
  return formats.map((format) => `${url}${url.includes('?') ? '&' : '?'}format=${format}`);
}

const withQuery = (url: string, q: string) => `${url}${url.includes('?') ? '&' : '?'}q=${q}`;

/** Who must never read which markers. */
const FORBIDDEN: Partial<Record<Caller, Audience[]>> = {
  memberA: ['team'],
  boardX: ['team', 'member'],
};

function leaksIn(who: Caller, text: string): string[] {
  const forbidden = FORBIDDEN[who] ?? [];
  return marked.filter((m) => forbidden.includes(m.audience) && text.includes(m.marker)).map((m) => m.marker);
}

// Column names of the text people type about a record, where a team-only remark hides.
const FREE_TEXT =
  /^(note|description|body|comment|summary|reason|purpose|definition|decisions|elections|next_step|leave_reason|correction_comment|president_word|priorities)$/;

describe('field audiences', () => {
  it('knows who reads every free-text column: declared narrower, or shared on purpose', async () => {
    const columns = await queryRows<{ table: string; column: string }>(
      t.database.db,
      sql`select table_name as "table", column_name as "column" from information_schema.columns
          where table_schema = 'public' and data_type = 'text' order by 1, 2`,
    );
    const free = columns.filter((c) => FREE_TEXT.test(c.column)).map((c) => `${c.table}.${c.column}`);
    const declared = (name: string) => {
      const [table = '', column = ''] = name.split('.');
      return COLUMN_AUDIENCES[table]?.[column] !== undefined;
    };
    const undecided = free.filter((name) => !declared(name) && !(name in SHARED_FREE_TEXT));
    expect(
      undecided,
      'declare an audience next to the schema, or add to SHARED_FREE_TEXT (src/db/audiences.ts)',
    ).toEqual([]);
    const both = free.filter((name) => declared(name) && name in SHARED_FREE_TEXT);
    expect(both).toEqual([]);
    expect(
      Object.keys(SHARED_FREE_TEXT).filter((name) => !free.includes(name)),
      'stale entries',
    ).toEqual([]);
  });

  it('plants a marker in every declared column, which the team reads', async () => {
    const tables = new Set(marked.map((m) => m.table));
    for (const table of ['organisations', 'support_files', 'support_notes', 'partners', 'contacts'])
      expect(tables, table).toContain(table);
    const staff = async (url: string) => answerText(await call('staffX', 'GET', url));
    const { samples } = w;
    expect(await staff(`/api/members/organisations/${samples.organisation}`)).toContain(
      'EQUIPESEULEORGANISATIONSNOTE',
    );
    expect(await staff(`/api/members/organisations/${samples.organisation}/history`)).toContain(
      'EQUIPESEULEORGANISATIONSNOTE',
    );
    expect(await staff(`/api/support/files/${samples.supportFile}`)).toContain('EQUIPESEULESUPPORTNOTESBODY');
    expect(await staff('/api/partners')).toContain('EQUIPESEULEPARTNERSNOTE');
    // The text inside an XLSX file is read: the export names organisation A.
    const [row] = await queryRows<{ name: string }>(
      t.database.db,
      sql`select name from organisations where id = ${samples.organisation}`,
    );
    expect(await staff('/api/members/organisations/export.xlsx?membership=all')).toContain(row?.name);
  });

  it('never answers a member user or the board a field outside their audience, on any route', async () => {
    // Reads first, then writes with an empty body (their answers, errors included, are
    // read too); deletions are left out, they answer no body.
    const routes = t.app.routesTable
      .filter((r) => r.method !== 'DELETE')
      .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    expect(routes.length).toBeGreaterThan(150);
    const leaks: string[] = [];
    let read = 0;
    for (const route of routes)
      for (const url of urlsOf(route))
        for (const who of ['memberA', 'boardX'] as const) {
          const response = await call(who, route.method, url);
          if (response.statusCode < 300) read++;
          const found = leaksIn(who, answerText(response));
          if (found.length > 0)
            leaks.push(`${route.method} ${url} as ${who} (${response.statusCode}): ${found.join(', ')}`);
        }
    expect(leaks).toEqual([]);
    // The walk read real answers, not only refusals.
    expect(read).toBeGreaterThan(100);
  }, 240_000);

  it('lets no search match a field outside the caller’s audience', async () => {
    const searches = t.app.routesTable.filter((r) => r.method === 'GET' && queryParameters(r).has('q'));
    expect(searches.map((r) => r.url)).toContain('/api/support/files');
    const oracles: string[] = [];
    for (const route of searches) {
      const url = sampleUrl(route, w.samples);
      for (const who of ['memberA', 'boardX'] as const) {
        const nothing = await call(who, 'GET', withQuery(url, 'AUCUNRESULTATPOSSIBLE'));
        if (nothing.statusCode !== 200) continue;
        const baseline = resultCount(nothing);
        for (const m of marked.filter((m) => FORBIDDEN[who]?.includes(m.audience))) {
          const response = await call(who, 'GET', withQuery(url, m.marker));
          if (resultCount(response) !== baseline) oracles.push(`${route.url}?q=${m.marker} as ${who}`);
        }
      }
    }
    expect(oracles).toEqual([]);
    // The same search finds the file for the team: the test can see a match.
    const staff = await call(
      'staffX',
      'GET',
      withQuery('/api/support/files', 'EQUIPESEULESUPPORTFILESDESCRIPTION'),
    );
    expect(resultCount(staff)).toBeGreaterThan(0);
  }, 120_000);
});
