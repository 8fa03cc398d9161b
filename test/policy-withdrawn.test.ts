/**
 * An expired policy's page: after its scheduled expiry the policy leaves the site, and its address answers 410 Gone
 * saying what it was and since when (in both languages) instead of "not found"; an id that never existed stays 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, publishDue, scheduleExpiry } from '../src/modules/editorial/revision-workflow.js';
import { createStaffUser } from '../src/modules/staff/index.js';
import { databaseTargets } from './helpers/databases.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

describe.each(databaseTargets())('a withdrawn policy’s page (%s)', (target) => {
  let t: StaffTestApp;
  const policyId = 'foreign-investment-law-2019';

  beforeAll(async () => {
    t = await startStaffApp({ target });
    const author = await createStaffUser(t.db, { email: 'author@example.gov', name: 'Author', role: 'content_editor', actor: null, now: t.clock.now });
    const reviewer = await createStaffUser(t.db, { email: 'reviewer@example.gov', name: 'Reviewer', role: 'content_editor', actor: null, now: t.clock.now });
    const context = { db: t.database.db, content: t.content, now: () => t.clock.now };
    const at = new Date(t.clock.now.getTime() + 3_600_000);
    const expiry = await scheduleExpiry(context, { userId: author.userId, role: 'content_editor' }, 'policies', policyId, at, 'repealed');
    await publish(context, { userId: reviewer.userId, role: 'content_editor' }, expiry, { publishAt: at });
    t.clock.advance(3_600_000);
    expect((await publishDue(context)).published).toEqual([expiry]);
    await t.content.refresh();
  });
  afterAll(() => t?.close());

  it('answers 410 with the policy’s last title and the day it left, in English and Chinese', async () => {
    const en = await t.app.inject({ url: `/en/policies/${policyId}` });
    expect(en.statusCode).toBe(410);
    expect(en.body).toContain('Foreign Investment Law');
    expect(en.body).toContain('This policy was taken off the platform on 1 December 2026');
    const zh = await t.app.inject({ url: `/zh/policies/${policyId}` });
    expect(zh.statusCode).toBe(410);
    expect(zh.body).toContain('外商投资法');
    expect(zh.body).toContain('该政策已于2026年12月1日从平台下线');
  });

  it('keeps 404 for an id that was never on the site, and lists the policy nowhere', async () => {
    expect((await t.app.inject({ url: '/en/policies/no-such-policy' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/policies' })).body).not.toContain(`/en/policies/${policyId}"`);
  });
});
