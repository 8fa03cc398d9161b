/**
 * Subscriptions: stored with the confirmation e-mail queued in the same transaction; found by a token (the
 * subscription's own, or a delivery's unsubscribe token — only their SHA-256 is kept); confirmed once, with the
 * current outcomes as the baseline (so only later changes alert); unsubscribed at once and for good.
 */
import { hashToken, randomToken } from '../../platform/auth/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { queueEmail } from '../../platform/mail/index.js';
import type { ContentStore } from '../content/index.js';
import type { Facts } from '../matching/index.js';
import { confirmationEmail } from './alert-emails.js';
import { policyOutcomes, profileLines, savedProfileOf, factsOf } from './alert-profile.js';
import type { AlertDb, AlertOriginName, AlertSubscriptionTable } from './alerts.tables.js';
import type { Selectable } from 'kysely';

export type Subscription = Selectable<AlertSubscriptionTable>;

/** Unconfirmed subscriptions one address may have asked for in the last hour; more are dropped without a word. */
export const PENDING_PER_ADDRESS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/** A token as we hand them out (32 random bytes, base64url); anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,64}$/;

export async function subscribe(
  db: AlertDb,
  input: { email: string; lang: Lang; facts: Facts; origin: AlertOriginName; store: ContentStore; baseUrl: string; now: Date },
): Promise<{ stored: boolean }> {
  const profile = savedProfileOf(input.facts);
  return db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('alert_subscriptions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email', '=', input.email)
      .where('confirmed_at', 'is', null)
      .where('created_at', '>', new Date(input.now.getTime() - HOUR_MS))
      .executeTakeFirstOrThrow();
    if (Number(pending.n) >= PENDING_PER_ADDRESS_PER_HOUR) return { stored: false };
    const token = randomToken();
    await trx
      .insertInto('alert_subscriptions')
      .values({ email: input.email, lang: input.lang, profile: JSON.stringify(profile), origin: input.origin, confirm_token_hash: hashToken(token), created_at: input.now })
      .execute();
    await queueEmail(trx, confirmationEmail({ to: input.email, lang: input.lang, baseUrl: input.baseUrl, token, answers: profileLines(input.store, input.lang, profile) }), { now: input.now });
    return { stored: true };
  });
}

/** The subscription a token opens: its confirmation token, or the unsubscribe token of one of its e-mails. */
export async function subscriptionByToken(db: AlertDb, token: unknown, { confirmOnly = false } = {}): Promise<Subscription | null> {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
  const hash = hashToken(token);
  const own = await db.selectFrom('alert_subscriptions').selectAll().where('confirm_token_hash', '=', hash).executeTakeFirst();
  if (own || confirmOnly) return own ?? null;
  const viaDelivery = await db
    .selectFrom('alert_deliveries as d')
    .innerJoin('alert_subscriptions as s', 's.id', 'd.subscription_id')
    .selectAll('s')
    .where('d.unsubscribe_token_hash', '=', hash)
    .executeTakeFirst();
  return viaDelivery ?? null;
}

/**
 * Confirms (once: a second confirmation changes nothing) and records every policy's outcome today as the baseline.
 * Returns false when the subscription was unsubscribed (a stopped subscription is not started again by its link).
 */
export async function confirm(db: AlertDb, subscription: Subscription, input: { store: ContentStore; today: string; now: Date }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const confirmed = await trx
      .updateTable('alert_subscriptions')
      .set({ confirmed_at: input.now })
      .where('id', '=', subscription.id)
      .where('confirmed_at', 'is', null)
      .where('unsubscribed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!confirmed) {
      const row = await trx.selectFrom('alert_subscriptions').select('unsubscribed_at').where('id', '=', subscription.id).executeTakeFirstOrThrow();
      return row.unsubscribed_at === null;
    }
    const outcomes = policyOutcomes(input.store, factsOf(subscription.profile), input.today);
    const rows = [...outcomes].map(([policy_id, o]) => ({ subscription_id: subscription.id, policy_id, outcome: o.status, content_version: input.store.version, evaluated_at: input.now }));
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('alert_outcomes')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['subscription_id', 'policy_id']).doNothing())
        .execute();
    }
    return true;
  });
}

export async function unsubscribe(db: AlertDb, subscription: Subscription, now: Date): Promise<void> {
  await db.updateTable('alert_subscriptions').set({ unsubscribed_at: now }).where('id', '=', subscription.id).where('unsubscribed_at', 'is', null).execute();
}
