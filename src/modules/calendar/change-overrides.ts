/**
 * Administrators' changes to the working calendar: add or remove an override, confirm (or withdraw) that a year the
 * package lacks is entered in full. Each runs in one transaction with its audit row, after checking (with the
 * account's row locked) that the actor is still an enabled administrator: the guard looked at the start of the request.
 */
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { choice, field, parseForm, type FormInput, type FormRule } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { isCivilDate } from './civil-date.js';
import { deleteEnteredYear, deleteOverride, insertEnteredYear, insertOverride } from './calendar.repository.js';
import type { CalendarDb } from './calendar.tables.js';
import { t } from './messages.js';

const own = (key: 'date' | 'kind' | 'nameEn' | 'nameZh' | 'note') => ({ message: (lang: Lang) => t(lang, `calendar.admin.error.${key}`) });
const inRange = (date: string) => isCivilDate(date) && date >= '2000-01-01' && date <= '2100-12-31';

/** Longer values are reported, not cut: the bounds of the fields are below the form's reading limit. */
export const overrideForm = z.object({
  date: field(z.string().refine(inRange).optional(), { max: 100, ...own('date') }),
  kind: choice(['day_off', 'working_day'], own('kind')),
  name_en: field(z.string().max(200).optional(), { max: 400, ...own('nameEn') }),
  name_zh: field(z.string().max(200).optional(), { max: 400, ...own('nameZh') }),
  note: field(z.string().max(1000).optional(), { max: 2000, ...own('note') }),
});
type OverrideForm = z.output<typeof overrideForm>;
export type OverrideInput = FormInput<OverrideForm>;

const required: FormRule<OverrideForm> = ({ input }) =>
  (['date', 'kind', 'name_en', 'name_zh'] as const)
    .filter((name) => input[name] === undefined)
    .map((name) => ({ field: name, ...own(name === 'name_en' ? 'nameEn' : name === 'name_zh' ? 'nameZh' : name) }));

export interface NewOverride {
  date: string;
  working: boolean;
  nameEn: string;
  nameZh: string;
  note: string | null;
}

/** Every problem of the form at once, in the administrator's language; `value` only when there is none. */
export function readOverrideForm(body: Readonly<Record<string, unknown>>, lang: Lang): { value: NewOverride | null; errors: FieldError[]; input: OverrideInput } {
  const form = parseForm(overrideForm, body, lang, required);
  const v = form.value;
  const value = v?.date && v.kind && v.name_en && v.name_zh ? { date: v.date, working: v.kind === 'working_day', nameEn: v.name_en, nameZh: v.name_zh, note: v.note ?? null } : null;
  return { value, errors: form.errors, input: form.input };
}

interface Actor {
  actor: string;
  now: Date;
  requestId: string;
}

export type CalendarChangeResult = { ok: true } | { ok: false; reason: 'forbidden' | 'date-taken' | 'not-found' };

async function actorIsEnabledAdmin(trx: CalendarDb, actorId: string): Promise<boolean> {
  const actor = await trx.selectFrom('staff_users').where('id', '=', actorId).select(['role', 'disabled_at']).forShare().executeTakeFirst();
  return actor?.role === 'admin' && !actor.disabled_at;
}

const overrideRecord = (o: { is_working_day: boolean; name_en: string; name_zh: string; note: string | null }, date: string) => ({ date, is_working_day: o.is_working_day, name_en: o.name_en, name_zh: o.name_zh, note: o.note });

export async function addCalendarOverride(db: CalendarDb, input: Actor & { override: NewOverride }): Promise<CalendarChangeResult> {
  const o = input.override;
  return db.transaction().execute(async (trx): Promise<CalendarChangeResult> => {
    if (!(await actorIsEnabledAdmin(trx, input.actor))) return { ok: false, reason: 'forbidden' };
    const inserted = await insertOverride(trx, { date: o.date, working: o.working, name: { en: o.nameEn, zh: o.nameZh }, note: o.note, createdBy: input.actor, createdAt: input.now });
    if (!inserted) return { ok: false, reason: 'date-taken' };
    const after = overrideRecord({ is_working_day: o.working, name_en: o.nameEn, name_zh: o.nameZh, note: o.note }, o.date);
    await recordAudit(trx, { at: input.now, actor: input.actor, action: 'calendar.override_added', entity: 'calendar_override', entityId: o.date, after, requestId: input.requestId });
    return { ok: true };
  });
}

export async function removeCalendarOverride(db: CalendarDb, input: Actor & { date: string }): Promise<CalendarChangeResult> {
  return db.transaction().execute(async (trx): Promise<CalendarChangeResult> => {
    if (!(await actorIsEnabledAdmin(trx, input.actor))) return { ok: false, reason: 'forbidden' };
    const removed = await deleteOverride(trx, input.date);
    if (!removed) return { ok: false, reason: 'not-found' };
    await recordAudit(trx, { at: input.now, actor: input.actor, action: 'calendar.override_removed', entity: 'calendar_override', entityId: input.date, before: overrideRecord(removed, input.date), requestId: input.requestId });
    return { ok: true };
  });
}

/** Confirms that every holiday and make-up working day of `year` is entered as overrides (entered: true), or withdraws it. */
export async function setCalendarYearEntered(db: CalendarDb, input: Actor & { year: number; entered: boolean }): Promise<CalendarChangeResult> {
  return db.transaction().execute(async (trx): Promise<CalendarChangeResult> => {
    if (!(await actorIsEnabledAdmin(trx, input.actor))) return { ok: false, reason: 'forbidden' };
    const changed = input.entered ? await insertEnteredYear(trx, { year: input.year, note: null, createdBy: input.actor, createdAt: input.now }) : (await deleteEnteredYear(trx, input.year)) !== undefined;
    if (!changed) return { ok: true };
    await recordAudit(trx, {
      at: input.now,
      actor: input.actor,
      action: input.entered ? 'calendar.year_entered' : 'calendar.year_withdrawn',
      entity: 'calendar_year',
      entityId: String(input.year),
      before: { entered: !input.entered },
      after: { entered: input.entered },
      requestId: input.requestId,
    });
    return { ok: true };
  });
}
