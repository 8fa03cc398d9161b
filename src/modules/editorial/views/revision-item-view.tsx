/**
 * An item's expiry and verification forms when a step was refused or a field was wrong: the sentence why, the form
 * again with what was typed (Beijing time said on the field), and the way back to the item.
 */
import type { VNode } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { ContentKind } from '../../content/index.js';
import { StaffField, describedBy } from '../../staff/index.js';
import { kindLabel } from '../messages.js';
import { tWorkflow } from '../messages.workflow.js';

export interface ItemActionsModel {
  lang: Lang;
  csrf: string;
  kind: ContentKind;
  id: string;
  title: string;
  refusal?: string;
  errors: FieldError[];
  values: { expire_at?: string; note?: string };
}

export function ItemActionsView({ model }: { model: ItemActionsModel }): VNode {
  const { lang, kind, id, errors } = model;
  const tw = (key: Parameters<typeof tWorkflow>[1], params?: Record<string, string>) => tWorkflow(lang, key, params);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="editorial-item-actions">
      <p>
        <a href={urls.staffContentItem(lang, kind, id)}>{tw('editorial.workflow.item.back')}</a>
      </p>
      <h1>{tw('editorial.workflow.item.title', { item: `${kindLabel(lang, kind)}${lang === 'zh' ? '：' : ': '}${model.title}` })}</h1>
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      {model.refusal && (
        <div class="error-summary" role="alert" aria-labelledby="refusal-title" tabindex={-1}>
          <h2 id="refusal-title">{tw('editorial.workflow.refused.title')}</h2>
          <p>{model.refusal}</p>
        </div>
      )}
      <form method="post" action={urls.staffContentExpiry(lang, kind, id)} class="staff-form" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <fieldset>
          <legend>{tw('editorial.workflow.expiry.title')}</legend>
          <StaffField lang={lang} name="expire_at" label={tw('editorial.workflow.expiry.field')} hint={tw('editorial.workflow.expiry.hint')} error={error('expire_at')}>
            <input type="datetime-local" id="expire_at" name="expire_at" value={model.values.expire_at ?? ''} aria-describedby={describedBy('expire_at', true, error('expire_at'))} aria-invalid={error('expire_at') ? 'true' : undefined} />
          </StaffField>
          <StaffField lang={lang} name="note" label={tw('editorial.workflow.expiry.note')}>
            <textarea id="note" name="note" rows={3} maxLength={2000}>
              {model.values.note ?? ''}
            </textarea>
          </StaffField>
        </fieldset>
        <button type="submit" class="button button--secondary">
          {tw('editorial.workflow.expiry.submit')}
        </button>
      </form>
      <form method="post" action={urls.staffContentVerify(lang, kind, id)} class="staff-form">
        <input type="hidden" name="_csrf" value={model.csrf} />
        <button type="submit" class="button button--secondary">
          {tw('editorial.workflow.verify.submit')}
        </button>
      </form>
    </div>
  );
}
