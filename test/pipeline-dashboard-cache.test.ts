/**
 * The dashboard's figures are kept while nothing changes and computed afresh after any audited change or when the
 * app's clock enters a new minute (dashboard-cache.ts), on a real database: a write that bypasses the app (and so
 * writes no audit row) is not seen until one of those happens — which is what shows the figures were kept at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFigures } from '../src/modules/pipeline/dashboard-cache.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import type { PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import { databaseTargets } from './helpers/databases.js';
import { haidianLead, pipelineContext, pipelinePeople, type PipelinePeople } from './helpers/pipeline-fixtures.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

describe.each(databaseTargets())('dashboard figures kept between changes (%s)', (target) => {
  let t: StaffTestApp;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    context = await pipelineContext(t);
    people = await pipelinePeople(t);
  });
  afterAll(async () => t?.close());

  /** Projects per district in the city-wide figures. */
  async function byDistrict(): Promise<Record<string, number>> {
    const figures = await dashboardFigures(context.db, { kind: 'all' }, {}, t.clock.now);
    return Object.fromEntries(figures.byDistrict.map((group) => [group.key, group.projects]));
  }

  it('serves the kept figures until an audited change or the next minute', async () => {
    const first = await haidianLead(context, people.commissioner);
    expect(await byDistrict()).toEqual({ haidian: 1 });
    // Behind the app's back: no audit row, so the kept figures stand.
    await context.db.updateTable('pipeline_projects').set({ district_id: 'chaoyang' }).where('id', '=', first.id).execute();
    expect(await byDistrict()).toEqual({ haidian: 1 });
    // An audited change (a second project) makes the next request compute afresh.
    const second = await haidianLead(context, people.commissioner);
    expect(await byDistrict()).toEqual({ chaoyang: 1, haidian: 1 });
    // A new minute of the app's clock does too.
    await context.db.updateTable('pipeline_projects').set({ district_id: 'chaoyang' }).where('id', '=', second.id).execute();
    expect(await byDistrict()).toEqual({ chaoyang: 1, haidian: 1 });
    t.clock.advance(60_000);
    expect(await byDistrict()).toEqual({ chaoyang: 2 });
  });
});
