import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { e164, toDataInclusion } from './data-inclusion.ts';
import { createOrganisation } from './members.service.ts';

// The national schema, read where the shared data lives (not copied into the project).
const schemaPath = fileURLToPath(
  new URL('../../../../shared/data/schemas/v1_structure.json', import.meta.url),
);
const networksPath = fileURLToPath(
  new URL('../../../../shared/data/schemas/v1_extra_reseaux-porteurs.json', import.meta.url),
);
const structureSchema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const knownNetworks = new Set(
  (JSON.parse(readFileSync(networksPath, 'utf8')) as { value: string }[]).map((n) => n.value),
);

// The file has no `$schema`; it uses `$defs`, as pydantic writes draft 2020-12.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(structureSchema);

let t: TestApp;
let demoSlug: string;
let otherSlug: string;
let otherId: string;

const url = (slug: string) => `/api/public/data-inclusion/structures?delegation=${slug}`;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demoSlug = JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../fixtures/demo-2024/delegation.json', import.meta.url)),
      'utf8',
    ),
  ).slug;
  const other = await createDelegation(t.database);
  otherSlug = other.slug;
  otherId = other.id;
  await withTenant(t.database.db, { delegationId: other.id, userId: null }, (tx) =>
    createOrganisation(tx, {
      name: 'Régie de quartier.',
      siren: '356000000',
      website: 'https://regie.example.org/accueil',
      establishment: {
        siret: '35600000000048',
        address: '1 place du Capitole',
        postcode: '31000',
        city: 'TOULOUSE',
        phone: '05 61 00 00 00',
        email: 'contact@regie.example.org',
      },
      conventionTypes: ['ACI', 'GES', 'EBE'],
      joinedOn: '2022-01-01',
    }),
  );
});

afterAll(() => t.close());

describe('GET /api/public/data-inclusion/structures', () => {
  it('answers, without sign-in, elements all valid against data·inclusion v1 structure (demo data)', async () => {
    const response = await t.app.inject({ method: 'GET', url: url(demoSlug) });
    expect(response.statusCode).toBe(200);
    const structures = response.json() as Record<string, unknown>[];
    // Every entry of the public directory (one per establishment of a current member) is there.
    const directory = await t.app.inject({
      method: 'GET',
      url: `/api/public/structures?delegation=${demoSlug}`,
    });
    expect(directory.json().total).toBeGreaterThan(40);
    expect(structures.map((s) => s.id).sort()).toEqual(
      (directory.json().items as { id: string }[]).map((s) => s.id).sort(),
    );
    // Each invalid element named with its position, its id and name, and the schema's errors.
    const failures = structures.flatMap((element, index) => {
      const label = `#${index} ${String(element.id)} « ${String(element.nom)} »`;
      return validate(element) ? [] : [`${label}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`];
    });
    expect(failures, failures.join('\n')).toEqual([]);
    expect(new Set(structures.map((s) => s.id)).size).toBe(structures.length);
  });

  it('maps what we hold: E.164 phones, SIAE kinds, and leaves an invalid postcode out', async () => {
    const structures = (await t.app.inject({ method: 'GET', url: url(demoSlug) })).json() as Record<
      string,
      unknown
    >[];
    const apa = structures.find((s) => s.nom === 'ARIEGE PROFESSION ANIMATION');
    expect(apa).toMatchObject({
      source: 'maillage',
      code_postal: '09000',
      commune: 'FOIX',
      telephone: '+33561029897',
      courriel: 'apa09@orange.fr',
    });
    expect(apa?.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The printed "8200" is not a postcode: the field is absent, the rest is published.
    const bulles = structures.find((s) => s.nom === 'AU PRE EN BULLES');
    expect(bulles).toBeDefined();
    expect(bulles).not.toHaveProperty('code_postal');
    expect(bulles).toMatchObject({ commune: 'MONTAUBAN', telephone: '+33618271319' });
    for (const s of structures) {
      for (const network of s.reseaux_porteurs as string[]) expect(knownNetworks.has(network)).toBe(true);
    }
    expect(structures.every((s) => (s.reseaux_porteurs as string[]).includes('coorace'))).toBe(true);
  });

  it('publishes SIRET and website, and only the kinds the schema names', async () => {
    const response = await t.app.inject({ method: 'GET', url: url(otherSlug) });
    const [regie, ...rest] = response.json() as Record<string, unknown>[];
    expect(rest).toEqual([]);
    expect(regie).toMatchObject({
      nom: 'Régie de quartier',
      siret: '35600000000048',
      adresse: '1 place du Capitole',
      code_postal: '31000',
      site_web: 'https://regie.example.org/accueil',
      reseaux_porteurs: ['coorace', 'aci', 'etcld'],
    });
    expect(validate(regie), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('shows a change made through the back-office at once, though answers are kept in memory', async () => {
    const before = (await t.app.inject({ method: 'GET', url: url(otherSlug) })).json();
    const staff = await signedInAs(t, { delegationId: otherId, role: 'staff' });
    const organisationId = (
      await t.app.inject({
        method: 'GET',
        url: '/api/members/organisations',
        headers: { cookie: staff.cookie },
      })
    ).json().items[0].id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/organisations/${organisationId}`,
      headers: { cookie: staff.cookie, origin: TEST_ORIGIN },
      payload: { name: 'Régie de quartier Nord' },
    });
    expect(patched.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: url(otherSlug) })).json();
    expect(before[0].nom).toBe('Régie de quartier');
    expect(after[0].nom).toBe('Régie de quartier Nord');
  });

  it('refuses an unknown delegation with a coded 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: url('nulle-part') });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('delegation.not_found');
  });
});

describe('toDataInclusion', () => {
  const base = {
    id: 'e1',
    organisationId: 'o1',
    name: 'Structure',
    types: [],
    department: null,
    postcode: null,
    city: null,
    address: null,
    phone: null,
    email: null,
    website: null,
    siret: null,
    updatedOn: '2024-05-16',
  };

  it('omits every value the schema would reject, and a structure whose name cannot be valid', () => {
    const mapped = toDataInclusion({
      ...base,
      siret: '1234',
      postcode: '8200',
      email: 'pas une adresse',
      website: 'www.example.org',
      phone: '   ',
    });
    expect(mapped).toEqual({
      source: 'maillage',
      id: 'e1',
      nom: 'Structure',
      date_maj: '2024-05-16',
      reseaux_porteurs: ['coorace'],
    });
    expect(validate(mapped)).toBe(true);
    // The validator does reject what was left out.
    expect(validate({ ...mapped, code_postal: '8200' })).toBe(false);
    expect(validate({ ...mapped, site_web: 'www.example.org' })).toBe(false);
    expect(toDataInclusion({ ...base, name: 'AB.' })).toBeNull();
  });

  it('writes French numbers in E.164, leaving overseas and foreign ones as written', () => {
    expect(e164('07.66.61.29.99')).toBe('+33766612999');
    expect(e164('02 62 00 00 00')).toBe('02 62 00 00 00');
    expect(e164('+32 2 000 00 00')).toBe('+32 2 000 00 00');
  });
});
