import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN, TEST_PASSWORD } from '../test/app.ts';
import { routeWorld } from '../test/route-world.ts';

const w = routeWorld();

const get = (url: string, cookie?: string) =>
  w.t.app.inject({ method: 'GET', url, headers: cookie ? { cookie, origin: TEST_ORIGIN } : {} });

describe('Cache-Control of API answers', () => {
  it('keeps signed-in answers out of every cache', async () => {
    for (const url of ['/api/members/organisations', '/api/auth/get-session', '/api/me']) {
      const response = await get(url, w.users.staff.cookie);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('keeps a sign-in answer (it sets the session cookie) and a refusal out of caches', async () => {
    const signIn = await w.t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN },
      remoteAddress: '10.9.8.7',
      payload: { email: w.users.staff.email, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers['cache-control']).toBe('no-store');
    const refused = await get('/api/members/organisations');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('treats a public read as signed in when a session comes with it, or a secret token addresses it', async () => {
    const url = `/api/public/structures?delegation=${w.slug}`;
    const anonymous = await get(url);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers['cache-control']).toBeUndefined();
    expect((await get(url, w.users.staff.cookie)).headers['cache-control']).toBe('no-store');
    const invitation = await get('/api/invitations/inconnue');
    expect([400, 404]).toContain(invitation.statusCode);
    expect(invitation.headers['cache-control']).toBe('no-store');
  });

  it('lets a public read keep the public caching its route chose, session or not', async () => {
    const url = `/api/public/events.ics?delegation=${w.slug}`;
    for (const cookie of [undefined, w.users.staff.cookie]) {
      const response = await get(url, cookie);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=300');
    }
  });

  it('finds the API route behind an encoded path spelling', async () => {
    // Whether such a spelling is answered or refused (the CSRF check), it is never kept.
    const response = await get('/%61pi/members/organisations', w.users.staff.cookie);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
