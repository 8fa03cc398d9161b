import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { urls } from '../../../platform/http/urls.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { TextField } from './fields.js';

export function SetPasswordView({ lang, formToken, token, email, errors }: { lang: Lang; formToken: string; token: string; email: string; errors: FieldError[] }) {
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message).join(' ') || undefined;
  return (
    <>
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <h1>{t(lang, 'staff.setPassword.title')}</h1>
      <p class="lead">{t(lang, 'staff.setPassword.lead', { email })}</p>
      <form method="post" action={urls.staffSetPassword(lang)} novalidate class="staff-form">
        <input type="hidden" name="_csrf" value={formToken} />
        <input type="hidden" name="token" value={token} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <TextField lang={lang} name="password" label={t(lang, 'staff.setPassword.password')} type="password" autocomplete="new-password" hint={t(lang, 'staff.setPassword.hint')} error={errorOf('password')} />
        <TextField lang={lang} name="confirm" label={t(lang, 'staff.setPassword.confirm')} type="password" autocomplete="new-password" error={errorOf('confirm')} />
        <p>
          <button type="submit" class="button">
            {t(lang, 'staff.setPassword.submit')}
          </button>
        </p>
      </form>
    </>
  );
}

/** A short page that says what happened and what to do: forbidden, expired form, unusable link. */
export function MessageView({ lang, title, detail, linkToSignIn }: { lang: Lang; title: string; detail: string; linkToSignIn?: boolean }) {
  return (
    <div class="error-page">
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <a href={linkToSignIn ? urls.staffSignIn(lang) : urls.staffHome(lang)}>{t(lang, linkToSignIn ? 'staff.signIn.title' : 'staff.home.title')}</a>
      </p>
    </div>
  );
}
