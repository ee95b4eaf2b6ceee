import { describe, expect, it } from 'vitest';
import { fieldNames, routeWorld } from '../../test/route-world.ts';

const w = routeWorld();
const { call } = w;

const create = (cookie: string, body: object) => call(cookie, 'POST', '/api/partners', body);

describe('partners registry', () => {
  it('creates, lists with filters, edits and deletes a partner', async () => {
    const created = await create(w.staff, {
      name: 'Région Occitanie',
      kind: 'region',
      department: '31',
      website: 'www.laregion.fr',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Région Occitanie',
      kind: 'region',
      website: 'https://www.laregion.fr',
      thanked: false,
      actionsCount: 0,
    });
    const id = created.json().id;
    expect((await create(w.staff, { name: 'DREETS Occitanie', kind: 'state' })).statusCode).toBe(201);
    expect((await create(w.staff, { name: 'Fondation Vinci', kind: 'foundation' })).statusCode).toBe(201);

    const all = await call(w.board, 'GET', '/api/partners');
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((p: { name: string }) => p.name)).toEqual([
      'DREETS Occitanie',
      'Fondation Vinci',
      'Région Occitanie',
    ]);
    // Accents and case do not matter to the search.
    const found = await call(w.board, 'GET', '/api/partners?q=REGION%20occ');
    expect(found.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    const states = await call(w.board, 'GET', '/api/partners?kind=state');
    expect(states.json().items.map((p: { name: string }) => p.name)).toEqual(['DREETS Occitanie']);

    const edited = await call(w.staff, 'PATCH', `/api/partners/${id}`, {
      thanked: true,
      note: 'Financeur',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ thanked: true, note: 'Financeur', name: 'Région Occitanie' });

    expect((await call(w.staff, 'DELETE', `/api/partners/${id}`)).statusCode).toBe(204);
    expect((await call(w.staff, 'PATCH', `/api/partners/${id}`, { thanked: false })).statusCode).toBe(404);
  });

  it('refuses a second partner of the same name, accents and case aside, on the name field', async () => {
    await create(w.staff, { name: 'CRESS Occitanie', kind: 'cress' });
    const again = await create(w.staff, { name: 'cress occitanie', kind: 'cress' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'partners.name_taken' });
    expect(again.json().error.fields[0]).toMatchObject({
      field: 'name',
      message: 'Un partenaire porte déjà ce nom dans la délégation.',
    });
    const other = await create(w.staff, { name: 'Département de l’Aude', kind: 'department' });
    const renamed = await call(w.staff, 'PATCH', `/api/partners/${other.json().id}`, {
      name: 'CRESS OCCITANIE',
    });
    expect(renamed.statusCode).toBe(409);
    // Another delegation may have its own partner of that name.
    expect((await create(w.otherStaff, { name: 'CRESS Occitanie', kind: 'cress' })).statusCode).toBe(201);
  });

  it('checks fields in French: kind, department, website', async () => {
    const bad = await create(w.staff, { name: 'X', kind: 'bank', department: '99', website: 'javascript:x' });
    expect(bad.statusCode).toBe(400);
    expect(fieldNames(bad)).toContain('kind');
    const badPlace = await create(w.staff, {
      name: 'X',
      kind: 'other',
      department: '99',
      website: 'javascript:x',
    });
    expect(badPlace.statusCode).toBe(422);
    expect(badPlace.json().error.fields).toEqual([
      expect.objectContaining({ field: 'department', code: 'actions.department_unknown' }),
      expect.objectContaining({ field: 'website', code: 'partners.website_invalid' }),
    ]);
    const empty = await create(w.staff, { name: '  ', kind: 'other' });
    expect(empty.json().error.fields[0]).toMatchObject({
      field: 'name',
      message: 'Ce champ est obligatoire.',
    });
  });

  it('refuses to delete a partner linked to actions, saying how many', async () => {
    const partner = (await create(w.staff, { name: 'Vinci Insertion Emploi', kind: 'company' })).json();
    for (const title of ['Rencontre Vinci', 'Comité Vinci']) {
      const action = await call(w.staff, 'POST', '/api/actions', {
        title,
        kind: 'partner_meeting',
        startsOn: '2024-06-10',
        partners: [{ partnerId: partner.id, role: 'partner' }],
      });
      expect(action.statusCode).toBe(201);
    }
    const listed = await call(w.staff, 'GET', '/api/partners?q=vinci%20insertion');
    expect(listed.json().items[0].actionsCount).toBe(2);
    const refused = await call(w.staff, 'DELETE', `/api/partners/${partner.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'partners.in_use',
      message: 'Ce partenaire est lié à 2 actions : retirez-le de ces actions avant de le supprimer.',
    });
    expect((await call(w.staff, 'GET', '/api/partners?q=vinci%20insertion')).json().items).toHaveLength(1);
  });

  it('keeps the internal note to the team: the board reads the partner without it', async () => {
    const note = 'Subvention 2025 incertaine, ne pas citer';
    const created = await create(w.staff, { name: 'Fondation Garonne', kind: 'foundation', note });
    expect(created.statusCode, created.body).toBe(201);
    const forStaff = await call(w.staff, 'GET', '/api/partners?q=garonne');
    expect(forStaff.json().items[0]).toMatchObject({ name: 'Fondation Garonne', note });
    const forBoard = await call(w.board, 'GET', '/api/partners?q=garonne');
    expect(forBoard.json().items[0]).toMatchObject({ name: 'Fondation Garonne' });
    expect(forBoard.json().items[0]).not.toHaveProperty('note');
    expect(forBoard.body).not.toContain(note);
  });

  it('lets the board read but not write, and keeps delegations apart', async () => {
    expect((await create(w.board, { name: 'Fondation Y', kind: 'foundation' })).statusCode).toBe(403);
    const mine = (await create(w.staff, { name: 'Pôle emploi', kind: 'public_body' })).json();
    expect((await call(w.board, 'DELETE', `/api/partners/${mine.id}`)).statusCode).toBe(403);
    const theirs = await call(w.otherStaff, 'GET', '/api/partners');
    expect(theirs.json().items.map((p: { name: string }) => p.name)).toEqual(['CRESS Occitanie']);
    expect(
      (await call(w.otherStaff, 'PATCH', `/api/partners/${mine.id}`, { thanked: true })).statusCode,
    ).toBe(404);
    expect((await call(w.otherStaff, 'DELETE', `/api/partners/${mine.id}`)).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/partners')).statusCode).toBe(401);
  });
});
