import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isAllowed, MissingStaffGuardError, type StaffPrincipal } from '../src/platform/auth/index.js';
import { createStaffWithPassword, hiddenCsrf, postSignIn, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const PASSWORD = 'violet harbour ninety kites';

describe('staff route guards (deny by default)', () => {
  it('fails start-up when a /staff route declares no guard', async () => {
    await expect(
      startStaffApp({ beforeReady: (app) => void app.get('/:lang/staff/cases', async () => 'open to all') }),
    ).rejects.toThrow(MissingStaffGuardError);
  });

  it('fails start-up when a /staff route without a guard is registered inside a plugin', async () => {
    await expect(
      startStaffApp({
        beforeReady: (app) =>
          void app.register(async (child: FastifyInstance) => {
            child.post('/en/staff/users', async () => 'created');
          }),
      }),
    ).rejects.toThrow(/declares no guard/);
  });

  it('fails start-up for a staff route under any prefix or parameter name', async () => {
    await expect(startStaffApp({ beforeReady: (app) => void app.get('/:locale/staff/cases', async () => 'open') })).rejects.toThrow(MissingStaffGuardError);
    await expect(startStaffApp({ beforeReady: (app) => void app.get('/api/v1/staff/users', async () => []) })).rejects.toThrow(MissingStaffGuardError);
  });

  it('fails start-up when a staff route other than sign-in or set-password is declared anonymous', async () => {
    await expect(
      startStaffApp({ beforeReady: (app) => void app.get('/:lang/staff/export', { config: { staffGuard: 'anonymous' } }, async () => 'all data') }),
    ).rejects.toThrow(/may not be anonymous/);
  });

  describe('with a route for administrators only', () => {
    let t: StaffTestApp;
    beforeAll(async () => {
      t = await startStaffApp({
        beforeReady: (app) => {
          app.get('/:lang/staff/admin-only', { config: { staffGuard: { roles: ['admin'] } } }, async () => 'admin page');
          app.post('/:lang/staff/admin-only', { config: { staffGuard: { roles: ['admin'] } } }, async () => 'changed');
        },
      });
      await createStaffWithPassword(t, { email: 'admin@example.gov', name: 'Admin', role: 'admin', password: PASSWORD });
      await createStaffWithPassword(t, { email: 'editor@example.gov', name: 'Editor', role: 'content_editor', password: PASSWORD });
    });
    afterAll(() => t.close());

    it('sends a visitor without a session to sign-in', async () => {
      const response = await t.app.inject({ url: '/en/staff/admin-only' });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/en/staff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect((await t.app.inject({ method: 'HEAD', url: '/en/staff/admin-only' })).statusCode).toBe(303);
    });

    it('refuses another role with a 403 page in the visitor’s language', async () => {
      const cookie = await signInAs(t.app, 'editor@example.gov', PASSWORD);
      const response = await t.app.inject({ url: '/zh/staff/admin-only', headers: { cookie } });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('您无权打开此页面');
      expect(response.body).not.toContain('admin page');
    });

    it('gives administrators a SameSite=Strict session cookie, other roles SameSite=Lax', async () => {
      expect(String((await postSignIn(t.app, 'admin@example.gov', PASSWORD)).response.headers['set-cookie'])).toContain('SameSite=Strict');
      expect(String((await postSignIn(t.app, 'editor@example.gov', PASSWORD)).response.headers['set-cookie'])).toContain('SameSite=Lax');
    });

    it('lets the role in, and still requires the CSRF token on its POST', async () => {
      const cookie = await signInAs(t.app, 'admin@example.gov', PASSWORD);
      const page = await t.app.inject({ url: '/en/staff/admin-only', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toBe('admin page');
      expect((await t.app.inject({ method: 'POST', url: '/en/staff/admin-only', headers: { cookie }, payload: {} })).statusCode).toBe(403);
      const home = await t.app.inject({ url: '/en/staff/home', headers: { cookie } });
      const ok = await t.app.inject({ method: 'POST', url: '/en/staff/admin-only', headers: { cookie }, payload: { _csrf: hiddenCsrf(home.body) } });
      expect(ok.body).toBe('changed');
    });

    it('answers 404 for a staff address outside /en and /zh', async () => {
      expect((await t.app.inject({ url: '/fr/staff/home' })).statusCode).toBe(404);
    });
  });

  it('decides access from the declared guard alone', () => {
    const viewer = { role: 'viewer' } as StaffPrincipal;
    expect(isAllowed('anonymous', null)).toBe(true);
    expect(isAllowed('signed-in', null)).toBe('signed-out');
    expect(isAllowed('signed-in', viewer)).toBe(true);
    expect(isAllowed({ roles: ['admin'] }, viewer)).toBe(false);
    expect(isAllowed({ roles: ['admin', 'viewer'] }, viewer)).toBe(true);
    expect(isAllowed({ roles: [] }, viewer)).toBe(false);
  });
});
