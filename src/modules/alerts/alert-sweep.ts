/**
 * The sweep (a worker periodic task): for each content version published since its cursor (alert_sweeps), the
 * policies that changed — a policy revision, a rule revision (its policy, or the previous revision's for a
 * withdrawal or a move) and a parameter revision (every rule whose conditions use it) — evaluated against each
 * confirmed subscription's profile, today, as Policies for me does. A subscription is e-mailed when a policy newly
 * applies or may apply (it did not apply before, or it is new) and when a policy that already applied or may apply
 * changed (its text, or a rule through which it applies to this profile); every changed policy's outcome is then recorded. A withdrawn policy sends nothing (its outcome row is
 * dropped: it is no longer on the site).
 *
 * Once per subscription per change, however many workers run: each subscription is handled in its own transaction
 * holding its row (FOR UPDATE); an outcome already evaluated at or after the version a policy changed in is skipped;
 * and the delivery row (UNIQUE subscription_id, change_key) is inserted first — the e-mail is queued in the same
 * transaction only when that insert wrote the row.
 */
import { hashToken, randomToken } from '../../platform/auth/index.js';
import { todayInBeijing } from '../../platform/clock.js';
import type { PeriodicTask } from '../../platform/jobs/index.js';
import { queueEmail } from '../../platform/mail/index.js';
import { ContentService, canonicalJson, leavesOf, type ContentStore } from '../content/index.js';
import type { WorkerDeps } from '../module.js';
import { alertEmail, type AlertItem, type ChangeKind } from './alert-emails.js';
import { factsOf, policyOutcomes } from './alert-profile.js';
import { alertDb, type AlertDb } from './alerts.tables.js';

export const SWEEP_NAME = 'policy-alerts';
export const SWEEP_EVERY_MS = 5_000;

export interface ChangedPolicies {
  /** Policy id → the latest version in the range that changed it. */
  changed: Map<string, number>;
  /** Policies whose own text changed (a policies revision). */
  texts: Set<string>;
  /** Rules that changed (their own revision, or a parameter their conditions use). */
  rules: Set<string>;
  /** Policies first published in the range. */
  created: Set<string>;
}

const dataOf = (value: unknown): Record<string, unknown> | null => {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown>);
};

/** Both versions exist and differ in nothing but `last_verified`. */
export function onlyVerificationChanged(before: Record<string, unknown> | null, after: Record<string, unknown> | null): boolean {
  if (!before || !after) return false;
  const { last_verified: _before, ...restBefore } = before;
  const { last_verified: _after, ...restAfter } = after;
  return canonicalJson(restBefore) === canonicalJson(restAfter);
}

/** What changed in versions (from, to]: the policies, and which of them are new. */
export async function changedPolicies(db: AlertDb, store: ContentStore, from: number, to: number): Promise<ChangedPolicies> {
  const revisions = await db
    .selectFrom('content_revisions')
    .select(['id', 'kind', 'item_id', 'data', 'content_version'])
    .where('kind', 'in', ['policies', 'rules', 'rule-parameters'])
    .where('content_version', '>', from)
    .where('content_version', '<=', to)
    .orderBy('content_version')
    .execute();
  const changed = new Map<string, number>();
  const texts = new Set<string>();
  const rules = new Set<string>();
  const mark = (policy: unknown, version: number) => {
    if (typeof policy === 'string' && version > (changed.get(policy) ?? 0)) changed.set(policy, version);
  };
  for (const r of revisions) {
    const version = r.content_version!;
    const before = await db
      .selectFrom('content_revisions')
      .select('data')
      .where('kind', '=', r.kind)
      .where('item_id', '=', r.item_id)
      .where('state', '=', 'published')
      .where('content_version', '<', version)
      .orderBy('content_version', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    // An editor confirming an item against its sources changes only its last_verified date: nothing an investor
    // would be told about.
    if (onlyVerificationChanged(dataOf(before?.data), dataOf(r.data))) continue;
    if (r.kind === 'policies') {
      mark(r.item_id, version);
      texts.add(r.item_id);
    } else if (r.kind === 'rules') {
      rules.add(r.item_id);
      mark(dataOf(r.data)?.policy, version);
      mark(dataOf(before?.data)?.policy, version);
    } else {
      for (const rule of store.all('rules')) if (leavesOf(rule.condition).some((leaf) => leaf.param === r.item_id)) {
        rules.add(rule.id);
        mark(rule.policy, version);
      }
    }
  }
  const policyIds = revisions.filter((r) => r.kind === 'policies').map((r) => r.item_id);
  const existed = policyIds.length
    ? new Set(
        (await db.selectFrom('content_revisions').select('item_id').distinct().where('kind', '=', 'policies').where('item_id', 'in', policyIds).where('content_version', '<=', from).execute()).map((r) => r.item_id),
      )
    : new Set<string>();
  return { changed, texts, rules, created: new Set(policyIds.filter((id) => !existed.has(id))) };
}

/** One subscription against what changed: returns whether an e-mail was queued. */
async function alertOne(db: AlertDb, input: { id: string; store: ContentStore; changes: ChangedPolicies; now: Date; baseUrl: string }): Promise<boolean> {
  const { store, changes, now } = input;
  return db.transaction().execute(async (trx) => {
    const subscription = await trx
      .selectFrom('alert_subscriptions')
      .selectAll()
      .where('id', '=', input.id)
      .where('confirmed_at', 'is not', null)
      .where('unsubscribed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!subscription) return false;
    const ids = [...changes.changed.keys()];
    const priors = new Map(
      (await trx.selectFrom('alert_outcomes').selectAll().where('subscription_id', '=', subscription.id).where('policy_id', 'in', ids).execute()).map((o) => [o.policy_id, o]),
    );
    const lang = subscription.lang;
    const outcomes = policyOutcomes(store, factsOf(subscription.profile), todayInBeijing(now));
    const items: AlertItem[] = [];
    for (const [policyId, changedIn] of changes.changed) {
      const prior = priors.get(policyId);
      if (prior && prior.content_version >= changedIn) continue;
      const outcome = outcomes.get(policyId);
      if (!outcome) {
        // Withdrawn: no longer on the site, nothing to say; forget its outcome (a later return counts as new).
        if (prior) await trx.deleteFrom('alert_outcomes').where('subscription_id', '=', subscription.id).where('policy_id', '=', policyId).execute();
        continue;
      }
      await trx
        .insertInto('alert_outcomes')
        .values({ subscription_id: subscription.id, policy_id: policyId, outcome: outcome.status, content_version: store.version, evaluated_at: now })
        .onConflict((oc) => oc.columns(['subscription_id', 'policy_id']).doUpdateSet({ outcome: outcome.status, content_version: store.version, evaluated_at: now }))
        .execute();
      if (outcome.status === 'does_not_apply') continue;
      const wasOn = prior !== undefined && prior.outcome !== 'does_not_apply';
      // Still applying through rules that did not change, with the same text: nothing changed for this profile.
      if (wasOn && prior.outcome === outcome.status && !changes.texts.has(policyId) && !outcome.results.some((r) => changes.rules.has(r.rule.id))) continue;
      const change: ChangeKind = !prior
        ? changes.created.has(policyId) ? 'new' : outcome.status
        : !wasOn ? outcome.status : prior.outcome === 'may_apply' && outcome.status === 'applies' ? 'applies' : 'changed';
      const policy = store.get('policies', policyId)!;
      items.push({
        policyId,
        title: policy[lang].title,
        change,
        status: outcome.status,
        benefits: [...new Set(outcome.results.map((r) => r.rule[lang].benefit))],
        met: [...new Set(outcome.results.flatMap((r) => r.evaluation.passed.map((leaf) => leaf.label[lang])))],
        missing: outcome.status === 'may_apply' ? [...new Set(outcome.results.flatMap((r) => r.evaluation.missing.map((leaf) => leaf.label[lang])))] : [],
      });
    }
    if (items.length === 0) return false;
    const token = randomToken();
    const delivery = await trx
      .insertInto('alert_deliveries')
      .values({ subscription_id: subscription.id, change_key: `v${store.version}`, policy_ids: JSON.stringify(items.map((i) => i.policyId)), unsubscribe_token_hash: hashToken(token), created_at: now })
      .onConflict((oc) => oc.columns(['subscription_id', 'change_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!delivery) return false;
    const jobId = await queueEmail(trx, alertEmail({ to: subscription.email, lang, baseUrl: input.baseUrl, unsubscribeToken: token, items }), { now });
    await trx.updateTable('alert_deliveries').set({ job_id: jobId }).where('id', '=', delivery.id).execute();
    await trx.updateTable('alert_subscriptions').set({ last_alerted_at: now }).where('id', '=', subscription.id).execute();
    return true;
  });
}

/** One pass: returns how many alert e-mails it queued. */
export async function sweepAlerts(db: AlertDb, content: ContentService, baseUrl: string, now: Date): Promise<number> {
  await content.refresh();
  if (!content.ready) return 0;
  const store = content.store;
  const latest = store.version;
  const cursor = await db.selectFrom('alert_sweeps').select('content_version').where('name', '=', SWEEP_NAME).executeTakeFirst();
  if (!cursor) {
    // First run: start from what is live now (the subscriptions' baselines are today's outcomes).
    await db.insertInto('alert_sweeps').values({ name: SWEEP_NAME, content_version: latest, swept_at: now }).onConflict((oc) => oc.column('name').doNothing()).execute();
    return 0;
  }
  if (cursor.content_version >= latest) return 0;
  const changes = await changedPolicies(db, store, cursor.content_version, latest);
  let sent = 0;
  if (changes.changed.size > 0) {
    const subscriptions = await db
      .selectFrom('alert_subscriptions')
      .select('id')
      .where('confirmed_at', 'is not', null)
      .where('unsubscribed_at', 'is', null)
      .where('confirmed_at', '<=', now)
      .orderBy('id')
      .execute();
    for (const { id } of subscriptions) if (await alertOne(db, { id, store, changes, now, baseUrl })) sent++;
  }
  await db
    .updateTable('alert_sweeps')
    .set({ content_version: latest, swept_at: now })
    .where('name', '=', SWEEP_NAME)
    .where('content_version', '<', latest)
    .execute();
  return sent;
}

export function alertSweepTask(deps: WorkerDeps): PeriodicTask {
  const db = alertDb(deps.db);
  const content = new ContentService(deps.db);
  return { name: 'alerts.sweep', everyMs: SWEEP_EVERY_MS, run: (now) => sweepAlerts(db, content, deps.config.PUBLIC_BASE_URL, now) };
}
