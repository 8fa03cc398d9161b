/**
 * The pipeline's rules on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): every stage move with and
 * without its evidence, per kind of person; status changes and their reasons; scope isolation; the stage log and audit
 * rows each change writes; and the database's own CHECKs behind the rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { findProject, stageLog } from '../src/modules/pipeline/project.repository.js';
import { projectScopeOf, type PipelineStaff } from '../src/modules/pipeline/project-access.js';
import { ProjectInputError } from '../src/modules/pipeline/project-input.js';
import type { Stage } from '../src/modules/pipeline/stage-rules.js';
import { moveProject, PipelineActionError, setProjectStatus, setTeamMember, updateProject, type PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { databaseTargets } from './helpers/databases.js';
import { acting, haidianLead, pipelineContext, pipelinePeople, VALID_USCC, type PipelinePeople } from './helpers/pipeline-fixtures.js';
import { startStaffApp, type StaffTestApp } from './helpers/staff.js';

const SIGNED = { amount_cny: '93,600,000', amount_cny_on: '2026-11-20', signed_on: '2026-11-25', agreement_parties: 'Nordlicht Robotics GmbH; Haidian District People\'s Government', agreement_ref: 'HD-2026-117' };
const REGISTERED = { uscc: VALID_USCC, registered_on: '2026-11-28', registered_capital: '5000000' };

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProjectInputError) return error.problems.map((p) => `${p.field}:${p.code}`);
    throw error;
  }
  throw new Error('expected the input to be refused');
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PipelineActionError) return error.reason;
    throw error;
  }
  throw new Error('expected the change to be refused');
}

describe.each(databaseTargets())('investment-project pipeline rules (%s)', (target) => {
  let t: StaffTestApp;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;

  beforeAll(async () => {
    t = await startStaffApp({ target });
    context = await pipelineContext(t);
    people = await pipelinePeople(t);
  });
  afterAll(async () => t?.close());

  async function stageOf(reference: string) {
    return (await findProject(context.db, { kind: 'all' }, reference))!;
  }

  it('a commissioner creates a lead, becomes its commissioner, and sees it; another commissioner does not', async () => {
    const { reference } = await haidianLead(context, people.commissioner);
    expect(reference).toMatch(/^PJ-2026-\d{6}$/);
    expect(await findProject(context.db, projectScopeOf(people.commissioner), reference)).toMatchObject({ stage: 'lead', status: 'active' });
    expect(await findProject(context.db, projectScopeOf(people.otherCommissioner), reference)).toBeUndefined();
    expect(await findProject(context.db, projectScopeOf(people.haidian), reference)).toBeDefined();
    expect(await findProject(context.db, projectScopeOf(people.chaoyang), reference)).toBeUndefined();
    expect(await findProject(context.db, projectScopeOf(people.viewer), reference)).toBeDefined();
    expect(await findProject(context.db, projectScopeOf(people.handler), reference)).toBeUndefined();
  });

  it('walks lead → operating with each stage\'s evidence, each step refused first without it', async () => {
    const { reference, id } = await haidianLead(context, people.commissioner, { currency: null, amount_total: null });
    // lead → negotiating needs the amount and its currency.
    expect(await problemsOf(moveProject(context, acting(people.commissioner), reference, { to: 'negotiating' }))).toEqual(['currency:required', 'amount_total:required']);
    await moveProject(context, acting(people.commissioner), reference, { to: 'negotiating', evidence: { currency: 'EUR', amount_total: '12000000' } });
    // negotiating → signed needs the agreement; a signing date in the future is refused.
    expect(await problemsOf(moveProject(context, acting(people.commissioner), reference, { to: 'signed' }))).toEqual([
      'amount_cny:required', 'amount_cny_on:required', 'signed_on:required', 'agreement_parties:required', 'agreement_ref:required',
    ]);
    expect(await problemsOf(moveProject(context, acting(people.commissioner), reference, { to: 'signed', evidence: { ...SIGNED, signed_on: '2027-01-05' } }))).toEqual(['signed_on:future']);
    await moveProject(context, acting(people.commissioner), reference, { to: 'signed', evidence: SIGNED });
    // signed → registered: the commissioner may not confirm it; the verifier may, with a valid USCC dated after signing.
    expect(await refusal(moveProject(context, acting(people.commissioner), reference, { to: 'registered', evidence: REGISTERED }))).toBe('not_allowed');
    expect(await refusal(moveProject(context, acting(people.haidian), reference, { to: 'registered', evidence: REGISTERED }))).toBe('not_allowed');
    await setTeamMember(context, acting(people.coordinator), reference, { role: 'municipal_verifier', staffUserId: people.coordinator.userId });
    expect(await problemsOf(moveProject(context, acting(people.coordinator), reference, { to: 'registered', evidence: { ...REGISTERED, uscc: '91350100M000100Y44' } }))).toEqual(['uscc:uscc']);
    expect(await problemsOf(moveProject(context, acting(people.coordinator), reference, { to: 'registered', evidence: { ...REGISTERED, registered_on: '2026-11-01' } }))).toEqual(['registered_on:before']);
    await moveProject(context, acting(people.coordinator), reference, { to: 'registered', evidence: { ...REGISTERED, uscc: '91350100 m000100y43' } });
    expect((await stageOf(reference)).uscc).toBe(VALID_USCC);
    expect((await stageOf(reference)).landed_at).toEqual(t.clock.now);
    // registered → operating: the district's officer may record it; not before registration, not in the future.
    expect(await problemsOf(moveProject(context, acting(people.haidian), reference, { to: 'operating', evidence: { first_operation_on: '2026-11-27' } }))).toEqual(['first_operation_on:before']);
    await moveProject(context, acting(people.haidian), reference, { to: 'operating', evidence: { first_operation_on: '2026-11-30' } });
    const log = await stageLog(context.db, id);
    expect(log.map((e) => e.to_stage)).toEqual(['lead', 'negotiating', 'signed', 'registered', 'operating']);
    expect(log[2].evidence).toMatchObject({ signed_on: '2026-11-25', agreement_ref: 'HD-2026-117', amount_cny: '93600000' });
    const audit = await context.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['pipeline.project_created', 'pipeline.project_moved', 'pipeline.project_moved', 'pipeline.team_member_added', 'pipeline.project_moved', 'pipeline.project_moved']);
  });

  it('refuses a move the table does not have, and one by a person it does not name, for every move', async () => {
    const { reference } = await haidianLead(context, people.commissioner);
    expect(await refusal(moveProject(context, acting(people.commissioner), reference, { to: 'signed', evidence: SIGNED }))).toBe('no_such_move');
    // A viewer sees the project but acts on nothing; people outside its scope do not find it.
    expect(await refusal(moveProject(context, acting(people.viewer), reference, { to: 'negotiating' }))).toBe('not_allowed');
    expect(await refusal(moveProject(context, acting(people.chaoyang), reference, { to: 'negotiating' }))).toBe('not_found');
    expect(await refusal(moveProject(context, acting(people.otherCommissioner), reference, { to: 'negotiating' }))).toBe('not_found');
    // Steps back: municipal only, with a note.
    await moveProject(context, acting(people.commissioner), reference, { to: 'negotiating' });
    expect(await refusal(moveProject(context, acting(people.commissioner), reference, { to: 'lead', note: 'talks restart' }))).toBe('not_allowed');
    expect(await problemsOf(moveProject(context, acting(people.coordinator), reference, { to: 'lead' }))).toEqual(['note:required']);
    await moveProject(context, acting(people.coordinator), reference, { to: 'lead', note: 'Investor paused talks until Q2.' });
    expect((await stageOf(reference)).stage).toBe('lead');
  });

  it('lost needs a reason from the list and a note; a lost project moves nowhere until the municipal side reopens it', async () => {
    const { reference } = await haidianLead(context, people.commissioner);
    expect(await problemsOf(setProjectStatus(context, acting(people.commissioner), reference, { to: 'lost' }))).toEqual(['reason:required', 'note:required']);
    expect(await problemsOf(setProjectStatus(context, acting(people.commissioner), reference, { to: 'lost', reason: 'bored', note: 'x' }))).toEqual(['reason:invalid']);
    await setProjectStatus(context, acting(people.commissioner), reference, { to: 'lost', reason: 'other_city', note: 'Chose Shanghai Lingang for the land price.' });
    expect(await stageOf(reference)).toMatchObject({ status: 'lost', status_reason: 'other_city' });
    expect(await refusal(moveProject(context, acting(people.commissioner), reference, { to: 'negotiating' }))).toBe('closed');
    expect(await refusal(setProjectStatus(context, acting(people.commissioner), reference, { to: 'active' }))).toBe('not_allowed');
    await setProjectStatus(context, acting(people.coordinator), reference, { to: 'active' });
    expect(await stageOf(reference)).toMatchObject({ status: 'active', status_reason: null, status_note: null });
  });

  it('a district officer creates and edits only in their district; evidence cannot be removed once a stage needs it', async () => {
    const { reference } = await haidianLead(context, people.haidian);
    expect(await problemsOf(haidianLead(context, people.chaoyang))).toEqual(['district_id:not_allowed']);
    expect(await problemsOf(updateProject(context, acting(people.haidian), reference, { district_id: 'chaoyang' }))).toEqual(['district_id:not_allowed']);
    await moveProject(context, acting(people.haidian), reference, { to: 'negotiating' });
    expect(await problemsOf(updateProject(context, acting(people.haidian), reference, { amount_total: '' }))).toEqual(['amount_total:required']);
    await updateProject(context, acting(people.haidian), reference, { next_action: 'Site visit to Zhongguancun', next_action_on: '2026-12-10', park_id: 'zgc-science-city' });
    expect(await stageOf(reference)).toMatchObject({ next_action_on: '2026-12-10', park_id: 'zgc-science-city' });
    expect(await problemsOf(updateProject(context, acting(people.haidian), reference, { park_id: 'huairou-science-city', industry_id: 'no-such-industry' }))).toEqual(['industry_id:unknown', 'park_id:out_of_district']);
  });

  // Who may make each move, written from the issue and the rules' intent (not read from stage-rules.ts): the
  // project's commissioner, its district's officer and the municipal side move it forward to signed; registration is
  // confirmed by the municipal side; operating may also be recorded by the district; steps back are municipal only.
  // A person outside the project's scope does not find it (404 → not_found); a viewer finds it but may not act.
  const ALLOWED: Record<string, Partial<Record<keyof PipelinePeople, 'yes' | 'not_allowed' | 'not_found'>>> = {
    'lead>negotiating': { commissioner: 'yes', haidian: 'yes', coordinator: 'yes', viewer: 'not_allowed', chaoyang: 'not_found', otherCommissioner: 'not_found' },
    'negotiating>signed': { commissioner: 'yes', haidian: 'yes', coordinator: 'yes', viewer: 'not_allowed', chaoyang: 'not_found', otherCommissioner: 'not_found' },
    'signed>registered': { commissioner: 'not_allowed', haidian: 'not_allowed', coordinator: 'yes', viewer: 'not_allowed', chaoyang: 'not_found', otherCommissioner: 'not_found' },
    'registered>operating': { commissioner: 'not_allowed', haidian: 'yes', coordinator: 'yes', viewer: 'not_allowed', chaoyang: 'not_found', otherCommissioner: 'not_found' },
    'negotiating>lead': { commissioner: 'not_allowed', haidian: 'not_allowed', coordinator: 'yes', viewer: 'not_allowed', chaoyang: 'not_found', otherCommissioner: 'not_found' },
    'signed>negotiating': { commissioner: 'not_allowed', haidian: 'not_allowed', coordinator: 'yes', viewer: 'not_allowed', chaoyang: 'not_found', otherCommissioner: 'not_found' },
  };
  const EVIDENCE: Record<string, Record<string, string>> = { negotiating: {}, signed: SIGNED, registered: REGISTERED, operating: { first_operation_on: '2026-11-30' }, lead: {} };
  const PATH: Stage[] = ['lead', 'negotiating', 'signed', 'registered', 'operating'];

  /** A Haidian project of the commissioner's, brought to `stage` by the coordinator. */
  async function projectAt(stage: Stage): Promise<string> {
    const { reference } = await haidianLead(context, people.commissioner);
    for (const next of PATH.slice(1, PATH.indexOf(stage) + 1)) await moveProject(context, acting(people.coordinator), reference, { to: next, evidence: EVIDENCE[next] });
    return reference;
  }

  it('lets exactly the people the rules name make each move, with its evidence, and refuses it without', async () => {
    for (const [key, expected] of Object.entries(ALLOWED)) {
      const [from, to] = key.split('>') as [Stage, Stage];
      const back = PATH.indexOf(to) < PATH.indexOf(from);
      for (const [who, outcome] of Object.entries(expected) as [keyof PipelinePeople, string][]) {
        const reference = await projectAt(from);
        const attempt = () => moveProject(context, acting(people[who]), reference, { to, evidence: back ? {} : EVIDENCE[to], note: back ? 'Talks reopened.' : null });
        if (outcome === 'yes') {
          // Allowed: first refused without the evidence (or the note), then made with it.
          if (back || Object.keys(EVIDENCE[to]).length) {
            const without = await problemsOf(moveProject(context, acting(people[who]), reference, { to }));
            const missing = back ? ['note:required'] : Object.keys(EVIDENCE[to]).map((field) => `${field}:required`);
            expect(without.sort(), `${key} ${who}`).toEqual(missing.sort());
          }
          await attempt();
          expect((await stageOf(reference)).stage, `${key} ${who}`).toBe(to);
        } else {
          expect(await refusal(attempt()), `${key} ${who}`).toBe(outcome);
          expect((await stageOf(reference)).stage, `${key} ${who}`).toBe(from);
        }
      }
    }
  });

  it('the database refuses a signed project without its agreement and any rewrite of the stage log', async () => {
    const { id } = await haidianLead(context, people.commissioner);
    await expect(context.db.updateTable('pipeline_projects').set({ stage: 'signed' }).where('id', '=', id).execute()).rejects.toThrow(/pipeline_signed_has_agreement/);
    await expect(sql`UPDATE pipeline_stage_log SET note = 'x' WHERE project_id = ${id}`.execute(context.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM pipeline_stage_log WHERE project_id = ${id}`.execute(context.db)).rejects.toThrow(/append-only/);
  });

  it('scopes the district officer and commissioner on a team they join', async () => {
    const { reference } = await haidianLead(context, people.haidian);
    expect(await findProject(context.db, projectScopeOf(people.otherCommissioner), reference)).toBeUndefined();
    await setTeamMember(context, acting(people.haidian), reference, { role: 'commissioner', staffUserId: people.otherCommissioner.userId });
    expect(await findProject(context.db, projectScopeOf(people.otherCommissioner), reference)).toBeDefined();
    // A viewer cannot be made a verifier; a commissioner cannot staff a project.
    expect(await problemsOf(setTeamMember(context, acting(people.haidian), reference, { role: 'municipal_verifier', staffUserId: people.viewer.userId }))).toEqual(['staff_user_id:invalid']);
    expect(await refusal(setTeamMember(context, acting(people.otherCommissioner), reference, { role: 'commissioner', staffUserId: people.commissioner.userId }))).toBe('not_allowed');
  });
});

export type { PipelineStaff };
