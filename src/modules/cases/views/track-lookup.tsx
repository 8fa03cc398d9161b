/** The tracking page's look-up: reference and token, posted (the token never goes into an address from here). */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { PageHeader } from '../../../platform/views/components.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { t } from '../messages.js';
import { FormProblem, TextField } from './service-fields.js';

export function TrackLookupView({ lang, reference, errors, problem, formToken }: { lang: Lang; reference?: string; errors: FieldError[]; problem?: string; formToken: string }) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <PageHeader lang={lang} title={t(lang, 'service.track.title')} lead={t(lang, 'service.track.lead')} />
      <FormProblem lang={lang} message={problem} />
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <form class="service-form service-form--narrow" method="post" action={urls.serviceTrack(lang)} novalidate>
        <input type="hidden" name="_csrf" value={formToken} />
        <TextField lang={lang} name="ref" label={t(lang, 'service.track.reference')} hint={t(lang, 'service.track.referenceHint')} error={errorOf('ref')} value={reference} maxLength={40} spellcheck={false} autocomplete="off" />
        <TextField lang={lang} name="token" label={t(lang, 'service.track.token')} hint={t(lang, 'service.track.tokenHint')} error={errorOf('token')} maxLength={200} spellcheck={false} autocomplete="off" />
        <button type="submit" class="button">
          {t(lang, 'service.track.submit')}
        </button>
      </form>
      <p>
        <a href={urls.service(lang)}>{t(lang, 'service.track.newRequest')}</a>
      </p>
    </>
  );
}
