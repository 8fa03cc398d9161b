/**
 * What the enterprise can do on its tracking page: send the materials asked for (with its own deadline and the rule
 * it comes from), rate the answer, reopen the request within the window. Each form posts the reference, the token and
 * the form token again as hidden fields: the token never goes back into an address.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import type { ServiceLimit } from '../../content/index.js';
import { formatInstant } from '../case-time.js';
import { t } from '../messages.js';
import type { TrackAction, TrackFormValues } from '../track-forms.js';
import { ChoiceGroup, RuleSources, TextField } from './service-fields.js';

export interface Credentials {
  reference: string;
  token: string;
  formToken: string;
}

export interface FailedAction {
  action: TrackAction;
  errors: FieldError[];
  values: TrackFormValues;
}

function Hidden({ credentials }: { credentials: Credentials }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={credentials.formToken} />
      <input type="hidden" name="ref" value={credentials.reference} />
      <input type="hidden" name="token" value={credentials.token} />
    </>
  );
}

const own = (failed: FailedAction | undefined, action: TrackAction) => (failed?.action === action ? failed : undefined);
const errorIn = (failed: FailedAction | undefined, field: string) => failed?.errors.find((e) => e.field === field)?.message;

export function MaterialsForm({ lang, credentials, asked, dueAt, limit, failed }: { lang: Lang; credentials: Credentials; asked: string | null; dueAt: string | null; limit?: ServiceLimit; failed?: FailedAction }) {
  const mine = own(failed, 'materials');
  return (
    <section class="panel service-action" aria-labelledby="materials-h">
      <h2 id="materials-h">{t(lang, 'service.materials.title')}</h2>
      {asked && (
        <div class="service-event__text">
          <p class="service-event__label">{t(lang, 'service.materials.asked')}</p>
          {asked.split('\n').map((line) => (
            <p>{line}</p>
          ))}
        </div>
      )}
      {dueAt && (
        <p>
          <strong>{t(lang, 'service.materials.deadline', { date: formatInstant(new Date(dueAt), lang) })}</strong>
        </p>
      )}
      {limit && (
        <>
          <p class="service-rule">{limit.rule[lang]}</p>
          <RuleSources lang={lang} sources={limit.sources} />
        </>
      )}
      <form method="post" action={urls.serviceTrackAction(lang, 'materials')} novalidate>
        <Hidden credentials={credentials} />
        <TextField lang={lang} name="body" label={t(lang, 'service.materials.label')} hint={t(lang, 'service.materials.hint')} error={errorIn(mine, 'body')} value={mine?.values.body} maxLength={20_000} rows={8} />
        <button type="submit" class="button">
          {t(lang, 'service.materials.submit')}
        </button>
      </form>
    </section>
  );
}

export function RatingForm({ lang, credentials, failed }: { lang: Lang; credentials: Credentials; failed?: FailedAction }) {
  const mine = own(failed, 'rating');
  const scores = ['1', '2', '3', '4', '5'] as const;
  return (
    <section class="panel service-action" aria-labelledby="rating-h">
      <h2 id="rating-h">{t(lang, 'service.rate.title')}</h2>
      <form method="post" action={urls.serviceTrackAction(lang, 'rating')} novalidate>
        <Hidden credentials={credentials} />
        <ChoiceGroup
          lang={lang}
          name="resolved"
          legend={t(lang, 'service.rate.resolved')}
          error={errorIn(mine, 'resolved')}
          selected={mine?.values.resolved}
          choices={[
            { value: 'yes', label: t(lang, 'service.rate.yes') },
            { value: 'no', label: t(lang, 'service.rate.no') },
          ]}
        />
        <ChoiceGroup
          lang={lang}
          name="satisfaction"
          legend={t(lang, 'service.rate.satisfaction')}
          error={errorIn(mine, 'satisfaction')}
          selected={mine?.values.satisfaction}
          choices={scores.map((score) => ({ value: score, label: t(lang, `service.rate.score.${score}`) }))}
        />
        <TextField lang={lang} name="comment" label={t(lang, 'service.rate.comment')} error={errorIn(mine, 'comment')} value={mine?.values.comment} maxLength={2_000} rows={4} optional />
        <button type="submit" class="button">
          {t(lang, 'service.rate.submit')}
        </button>
      </form>
    </section>
  );
}

export function ReopenForm({ lang, credentials, until, failed }: { lang: Lang; credentials: Credentials; until: string; failed?: FailedAction }) {
  const mine = own(failed, 'reopen');
  return (
    <section class="panel service-action" aria-labelledby="reopen-h">
      <h2 id="reopen-h">{t(lang, 'service.reopen.title')}</h2>
      <p>{t(lang, 'service.reopen.until', { date: formatInstant(new Date(until), lang) })}</p>
      <form method="post" action={urls.serviceTrackAction(lang, 'reopen')} novalidate>
        <Hidden credentials={credentials} />
        <TextField lang={lang} name="reason" label={t(lang, 'service.reopen.reason')} error={errorIn(mine, 'reason')} value={mine?.values.reason} maxLength={20_000} rows={5} />
        <button type="submit" class="button button--secondary">
          {t(lang, 'service.reopen.submit')}
        </button>
      </form>
    </section>
  );
}
