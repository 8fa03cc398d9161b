/**
 * The worker's deadline watch: warns the people working a case before its due time and escalates after it —
 * handler (the lead unit), then the unit's head (the district's officers and the acceptance agency), then the
 * municipal coordinators. Which cases are due soon, overdue or breached is always computed from the stored due
 * instant, so pages are right even if the worker is down; the watch only sends the messages, each once per case,
 * level and due date (case_escalations' key), whichever worker gets there first.
 */
import type { PeriodicTask } from '../../platform/jobs/index.js';
import { queueEmail } from '../../platform/mail/index.js';
import type { WorkerDeps } from '../module.js';
import type { CaseStatus } from './case-states.js';
import { caseDb, type CaseDb, type CaseEscalationTable } from './case.tables.js';
import { formatInstant } from './case-time.js';

type Level = CaseEscalationTable['level'];

/** The enterprise is owed an answer in these states (a case waiting for the enterprise's materials is paused). */
const WATCHED: CaseStatus[] = ['submitted', 'accepted', 'dispatched', 'signed_for', 'in_progress', 'extension_requested', 'reply_drafted'];
const DAY_MS = 86_400_000;
/** A warning goes out on the last day before the due time; an escalation to the coordinators a day after it. */
export const WARN_BEFORE_MS = DAY_MS;
export const ESCALATE_AFTER_MS = DAY_MS;

interface Watched {
  id: string;
  reference: string;
  subject: string;
  status: CaseStatus;
  due_at: Date;
  limit_unit: string;
  district_id: string | null;
  lead_department_id: string | null;
}

/** The levels a case has reached at `now` ("real time" limits have no warning: they are due on arrival). */
export function levelsReached(row: Pick<Watched, 'due_at' | 'limit_unit'>, now: Date): Level[] {
  const due = row.due_at.getTime();
  const levels: Level[] = [];
  if (row.limit_unit !== 'minutes' && now.getTime() >= due - WARN_BEFORE_MS) levels.push('due_soon');
  if (now.getTime() >= due) levels.push('overdue');
  if (now.getTime() >= due + ESCALATE_AFTER_MS) levels.push('escalated');
  return levels;
}

/** Who hears of a level: the lead unit's people, then also the district and the acceptance agency, then the coordinators. */
async function recipients(db: CaseDb, row: Watched, level: Level): Promise<string[]> {
  const active = db.selectFrom('staff_users').select('email').where('disabled_at', 'is', null).where('password_hash', 'is not', null);
  const groups: Promise<{ email: string }[]>[] = [];
  if (row.lead_department_id) {
    groups.push(active.where('role', '=', 'department_handler').where('department_id', '=', row.lead_department_id).execute());
  }
  if (!row.lead_department_id || level !== 'due_soon') {
    if (row.district_id) groups.push(active.where('role', '=', 'district_officer').where('district_id', '=', row.district_id).execute());
    groups.push(active.where('role', '=', 'acceptance_agent').execute());
  }
  if (level === 'escalated') groups.push(active.where('role', '=', 'municipal_coordinator').execute());
  const emails = (await Promise.all(groups)).flat().map((r) => r.email);
  return [...new Set(emails)].sort();
}

function staffMessage(row: Watched, level: Level, baseUrl: string): { subject: string; text: string } {
  const link = `${baseUrl.replace(/\/$/, '')}/en/staff/cases/${row.reference}`;
  const due = { en: formatInstant(row.due_at, 'en'), zh: formatInstant(row.due_at, 'zh') };
  const en = {
    due_soon: `Case ${row.reference} is due ${due.en}.`,
    overdue: `Case ${row.reference} was due ${due.en} and has not been answered.`,
    escalated: `Escalation: case ${row.reference} is more than a day overdue (due ${due.en}).`,
  }[level];
  const zh = {
    due_soon: `诉求 ${row.reference} 将于 ${due.zh} 到期。`,
    overdue: `诉求 ${row.reference} 已于 ${due.zh} 到期，尚未答复。`,
    escalated: `督办：诉求 ${row.reference} 已超期一天以上（期限 ${due.zh}）。`,
  }[level];
  const subject = { due_soon: 'Due soon / 即将到期', overdue: 'Overdue / 已超期', escalated: 'Escalated / 督办' }[level];
  return { subject: `[${row.reference}] ${subject}: ${row.subject}`.slice(0, 300), text: [en, zh, '', `${row.subject}`, '', link].join('\n') };
}

/** One pass: every watched case that has reached a level not yet sent for its current due date. Returns messages queued. */
export async function sweepDeadlines(db: CaseDb, now: Date, baseUrl: string): Promise<number> {
  const candidates = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'subject', 'status', 'due_at', 'limit_unit', 'district_id', 'lead_department_id'])
    .where('status', 'in', WATCHED)
    .where('due_at', '<=', new Date(now.getTime() + WARN_BEFORE_MS))
    .orderBy('due_at')
    .limit(5000)
    .execute();
  let queued = 0;
  for (const row of candidates) {
    for (const level of levelsReached(row, now)) {
      queued += await db.transaction().execute(async (trx) => {
        const to = await recipients(trx, row, level);
        const claimed = await trx
          .insertInto('case_escalations')
          .values({ case_id: row.id, level, due_at: row.due_at, sent_at: now, recipients: to.length })
          .onConflict((oc) => oc.doNothing())
          .returning('case_id')
          .executeTakeFirst();
        if (!claimed) return 0;
        await trx
          .insertInto('case_events')
          .values({ case_id: row.id, at: now, actor_type: 'system', actor_id: null, action: `deadline_${level}`, from_status: row.status, to_status: row.status, visibility: 'internal', body: null, data: JSON.stringify({ due_at: row.due_at.toISOString(), recipients: to }), request_id: null })
          .execute();
        const message = staffMessage(row, level, baseUrl);
        for (const email of to) await queueEmail(trx, { to: email, ...message }, { now });
        return to.length;
      });
    }
  }
  return queued;
}

/** The watch as the worker's periodic task (every minute). */
export function deadlineWatch(deps: WorkerDeps): PeriodicTask {
  const db = caseDb(deps.db);
  return { name: 'cases.deadline_watch', everyMs: 60_000, run: (now) => sweepDeadlines(db, now, deps.config.PUBLIC_BASE_URL) };
}
