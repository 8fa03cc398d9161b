/**
 * The tracking page's forms: the look-up (reference + token) and the enterprise's three actions — supply the
 * materials asked for, rate the answer, reopen the request. Each is read by the platform's form reader; the inputs
 * then go to applyAction, which validates them again with the action's own schema (ACTION_INPUTS).
 */
import { z } from 'zod';
import { readForm, text, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { ActionInput } from './case-actions.js';
import { t } from './messages.js';

/** Reference and token, from the look-up form or the e-mailed link (?ref=&token=); references read in capitals. */
export const lookupForm = z.object({ ref: text({ max: 40 }), token: text({ max: 200 }) });
export const TRACK_QUERY = Object.keys(lookupForm.shape);

export function readLookup(raw: RawForm): { ref?: string; token?: string } {
  const given = readForm(lookupForm, raw);
  return { ref: given.ref?.toUpperCase(), token: given.token };
}

export function lookupErrors(lang: Lang, given: { ref?: string; token?: string }): FieldError[] {
  return [
    ...(given.ref ? [] : [{ field: 'ref', message: t(lang, 'service.track.error.reference') }]),
    ...(given.token ? [] : [{ field: 'token', message: t(lang, 'service.track.error.token') }]),
  ];
}

/** The three actions an enterprise takes on its tracking page, by the last part of their address. */
export const TRACK_ACTIONS = { materials: 'supply_materials', rating: 'rate', reopen: 'reopen' } as const;
export type TrackAction = keyof typeof TRACK_ACTIONS;
export const isTrackAction = (value: string): value is TrackAction => Object.hasOwn(TRACK_ACTIONS, value);

const materialsForm = z.object({ body: text({ max: 20_001 }) });
const ratingForm = z.object({ resolved: text({ max: 3 }), satisfaction: text({ max: 1 }), comment: text({ max: 2_001 }) });
const reopenForm = z.object({ reason: text({ max: 20_001 }) });

export type TrackFormValues = Record<string, string | undefined>;

export type ParsedAction =
  | { ok: true; action: 'supply_materials'; input: ActionInput<'supply_materials'>; values: TrackFormValues }
  | { ok: true; action: 'rate'; input: ActionInput<'rate'>; values: TrackFormValues }
  | { ok: true; action: 'reopen'; input: ActionInput<'reopen'>; values: TrackFormValues }
  | { ok: false; values: TrackFormValues; errors: FieldError[] };

function requiredText(lang: Lang, field: string, value: string | undefined, max: number, label: string): FieldError[] {
  if (!value) return [{ field, message: t(lang, 'service.action.required') }];
  if (value.length > max) return [{ field, message: t(lang, 'service.error.tooLong', { label, max: max.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') }) }];
  return [];
}

const LABELS = { body: 'service.materials.label', reason: 'service.reopen.reason', comment: 'service.rate.comment', satisfaction: 'service.rate.satisfaction', resolved: 'service.rate.resolved' } as const;
type ActionField = keyof typeof LABELS;
export const isActionField = (field: string | undefined): field is ActionField => field !== undefined && Object.hasOwn(LABELS, field);

/** An input code of applyAction ('required', 'too_long:2000', …) in words, for a field of these forms. */
export function actionErrorMessage(lang: Lang, field: ActionField, code: string): string {
  const tooLong = /^too_long:(\d+)$/.exec(code);
  if (tooLong) return t(lang, 'service.error.tooLong', { label: t(lang, LABELS[field]), max: Number(tooLong[1]).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') });
  if (code === 'required') return t(lang, 'service.action.required');
  return t(lang, 'service.error.check', { label: t(lang, LABELS[field]) });
}

/** Reads one action's form; every problem is reported at once, next to its field. */
export function readTrackAction(which: TrackAction, raw: RawForm, lang: Lang): ParsedAction {
  if (which === 'materials') {
    const values = readForm(materialsForm, raw);
    const errors = requiredText(lang, 'body', values.body, 20_000, t(lang, 'service.materials.label'));
    return errors.length ? { ok: false, values, errors } : { ok: true, action: 'supply_materials', input: { body: values.body! }, values };
  }
  if (which === 'reopen') {
    const values = readForm(reopenForm, raw);
    const errors = requiredText(lang, 'reason', values.reason, 20_000, t(lang, 'service.reopen.reason'));
    return errors.length ? { ok: false, values, errors } : { ok: true, action: 'reopen', input: { reason: values.reason! }, values };
  }
  const values = readForm(ratingForm, raw);
  const errors: FieldError[] = [];
  if (values.resolved !== 'yes' && values.resolved !== 'no') errors.push({ field: 'resolved', message: t(lang, 'service.rate.error.resolved') });
  const satisfaction = Number(values.satisfaction);
  if (!/^[1-5]$/.test(values.satisfaction ?? '')) errors.push({ field: 'satisfaction', message: t(lang, 'service.rate.error.satisfaction') });
  if ((values.comment?.length ?? 0) > 2_000) errors.push({ field: 'comment', message: t(lang, 'service.error.tooLong', { label: t(lang, 'service.rate.comment'), max: (2_000).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') }) });
  if (errors.length) return { ok: false, values, errors };
  return { ok: true, action: 'rate', input: { resolved: values.resolved === 'yes', satisfaction, comment: values.comment }, values };
}
