/**
 * Staff test helpers: the real app on a fresh PGlite database with a clock the test moves, accounts made through the
 * same functions as the create-admin command, and a sign-in that goes through the real form (cookie + CSRF field).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { ContentService, loadContentSet } from '../../src/modules/content/index.js';
import { createStaffUser, type NewStaffUser } from '../../src/modules/staff/index.js';
import { setPasswordWithToken } from '../../src/modules/staff/set-password.js';
import { staffDb, type StaffDb } from '../../src/platform/auth/index.js';
import { urls } from '../../src/platform/http/urls.js';
import type { Lang } from '../../src/platform/i18n/i18n.js';
import { openTestDatabase, type DatabaseTarget, type TestDatabase } from './databases.js';
import { realContent, testConfig } from './test-app.js';

export interface StaffTestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** The app's read model: `await t.content.refresh()` after publishing makes the pages show the new version now. */
  content: ContentService;
  db: StaffDb;
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

export async function startStaffApp(
  options: { target?: DatabaseTarget; beforeReady?: (app: FastifyInstance) => void; env?: Record<string, string> } = {},
): Promise<StaffTestApp> {
  const database = await openTestDatabase(options.target ?? 'pglite');
  await loadContentSet(database.db, await realContent());
  const content = new ContentService(database.db);
  await content.refresh();
  const clock = {
    now: new Date('2026-12-01T02:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const config = testConfig(options.env);
  let app: FastifyInstance;
  try {
    app = await buildApp(config, { db: database.db, content, clock: () => clock.now });
    options.beforeReady?.(app);
    await app.ready();
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    app,
    database,
    content,
    db: staffDb(database.db),
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** An account with a password already chosen through its set-password link. */
export async function createStaffWithPassword(t: StaffTestApp, user: NewStaffUser & { password: string }): Promise<string> {
  const { userId, token } = await createStaffUser(t.db, { ...user, actor: null, now: t.clock.now });
  const result = await setPasswordWithToken(t.db, { token, password: user.password, now: t.clock.now, requestId: 'test' });
  if (!result.ok) throw new Error(`password refused: ${JSON.stringify(result)}`);
  return userId;
}

/** name=value of each Set-Cookie of a response. */
export function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return Object.fromEntries(list.map((c) => c.split(';')[0].split('=') as [string, string]));
}

export function hiddenCsrf(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match) throw new Error('no _csrf field in the page');
  return match[1];
}

export function cookieHeaderOf(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** Opens the sign-in page (gets the form cookie and field), then posts the form. */
export async function postSignIn(app: FastifyInstance, email: string, password: string, lang: Lang = 'en') {
  const form = await app.inject({ url: urls.staffSignIn(lang) });
  const formCookies = cookiesOf(form);
  const response = await app.inject({
    method: 'POST',
    url: urls.staffSignIn(lang),
    headers: { cookie: cookieHeaderOf(formCookies) },
    payload: { email, password, _csrf: hiddenCsrf(form.body) },
  });
  return { response, formCookies };
}

/** Signs in and returns the Cookie header of the new session. */
export async function signInAs(app: FastifyInstance, email: string, password: string, lang: Lang = 'en'): Promise<string> {
  const { response } = await postSignIn(app, email, password, lang);
  if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
  return cookieHeaderOf({ ib_staff_session: cookiesOf(response).ib_staff_session });
}
