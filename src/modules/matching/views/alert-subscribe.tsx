/**
 * "E-mail me when a policy that fits this profile is published or changed": the form under the results of Policies
 * for me and the plan. The answers travel as hidden fields; the alerts module receives the POST (and shows this form
 * again with its errors, and with the anonymous form token when it has set one).
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { urls } from '../../../platform/http/urls.js';
import { describedBy, ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { t as tPlatform } from '../../../platform/i18n/i18n.js';
import { tAlertForm as t } from '../messages.alerts.js';

export type AlertOrigin = 'policies-for-me' | 'plan';

export interface AlertFormValues {
  email?: string;
  lang?: string;
  consent?: boolean;
}

export function AlertSubscribeForm({
  lang, origin, profile, values = {}, errors = [], formToken, headingLevel = 2,
}: {
  lang: Lang;
  origin: AlertOrigin;
  /** The answers as sent (profileFromQuery): one text per fact, a list for a set. */
  profile: Record<string, string | string[]>;
  values?: AlertFormValues;
  errors?: FieldError[];
  formToken?: string;
  headingLevel?: 2 | 3;
}) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const chosen = values.lang === 'en' || values.lang === 'zh' ? values.lang : lang;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const emailError = errorOf('alert-email');
  const consentError = errorOf('alert-consent');
  const langError = errorOf('alert-lang');
  return (
    <section class="panel alert-subscribe" aria-labelledby="alert-subscribe-title">
      <Heading id="alert-subscribe-title">{t(lang, 'alerts.form.title')}</Heading>
      <p class="hint" id="alert-subscribe-lead">{t(lang, 'alerts.form.lead')}</p>
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <form method="post" action={urls.alertsSubscribe(lang)} novalidate>
        {formToken && <input type="hidden" name="_csrf" value={formToken} />}
        <input type="hidden" name="origin" value={origin} />
        {Object.entries(profile).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => <input type="hidden" name={name} value={v} />))}
        <div class={`field${emailError ? ' field--error' : ''}`}>
          <label for="alert-email">{t(lang, 'alerts.form.email')}</label>
          {emailError && (
            <p class="field__error" id="alert-email-error">
              <span class="visually-hidden">{tPlatform(lang, 'form.errorPrefix')}</span> {emailError}
            </p>
          )}
          <input id="alert-email" name="email" type="email" autocomplete="email" maxLength={320} value={values.email ?? ''} aria-describedby={describedBy('alert-email', false, emailError)} />
        </div>
        <fieldset id="alert-lang" aria-describedby={langError ? 'alert-lang-error' : undefined}>
          <legend>{t(lang, 'alerts.form.lang')}</legend>
          {langError && (
            <p class="field__error" id="alert-lang-error">
              <span class="visually-hidden">{tPlatform(lang, 'form.errorPrefix')}</span> {langError}
            </p>
          )}
          <div class="checkbox">
            <input type="radio" id="alert-lang-en" name="alert_lang" value="en" checked={chosen === 'en'} />
            <label for="alert-lang-en" lang="en">{t(lang, 'alerts.form.langEn')}</label>
          </div>
          <div class="checkbox">
            <input type="radio" id="alert-lang-zh" name="alert_lang" value="zh" checked={chosen === 'zh'} />
            <label for="alert-lang-zh" lang="zh-CN">{t(lang, 'alerts.form.langZh')}</label>
          </div>
        </fieldset>
        {consentError && (
          <p class="field__error" id="alert-consent-error">
            <span class="visually-hidden">{tPlatform(lang, 'form.errorPrefix')}</span> {consentError}
          </p>
        )}
        <div class={`checkbox${consentError ? ' field--error' : ''}`}>
          <input type="checkbox" id="alert-consent" name="consent" value="yes" checked={values.consent === true} aria-describedby={consentError ? 'alert-consent-error' : undefined} />
          <label for="alert-consent">{t(lang, 'alerts.form.consent')}</label>
        </div>
        <button type="submit" class="button">{t(lang, 'alerts.form.submit')}</button>
      </form>
    </section>
  );
}
