import type { KeyOf, Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { urls } from '../../../platform/http/urls.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { TextField } from './fields.js';

export type SignInNotice = 'signed-out' | 'signed-out-everywhere' | 'password-set' | 'session-ended';

const NOTICE_KEYS: Record<SignInNotice, KeyOf<typeof t>> = {
  'signed-out': 'staff.notice.signedOut',
  'signed-out-everywhere': 'staff.notice.signedOutEverywhere',
  'password-set': 'staff.notice.passwordSet',
  'session-ended': 'staff.notice.sessionEnded',
};

export function SignInView({ lang, formToken, email, errors, notice }: { lang: Lang; formToken: string; email: string; errors: FieldError[]; notice?: SignInNotice }) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      {notice && !errors.length && (
        <div class="panel staff-notice" role="status">
          <p>{t(lang, NOTICE_KEYS[notice])}</p>
        </div>
      )}
      <h1>{t(lang, 'staff.signIn.title')}</h1>
      <p class="lead">{t(lang, 'staff.signIn.lead')}</p>
      <form method="post" action={urls.staffSignIn(lang)} novalidate class="staff-form">
        <input type="hidden" name="_csrf" value={formToken} />
        <TextField lang={lang} name="email" label={t(lang, 'staff.email')} type="email" autocomplete="username" value={email} error={errorOf('email')} />
        <TextField lang={lang} name="password" label={t(lang, 'staff.password')} type="password" autocomplete="current-password" error={errorOf('password')} />
        <p>
          <button type="submit" class="button">
            {t(lang, 'staff.signIn.submit')}
          </button>
        </p>
      </form>
      <p class="hint">{t(lang, 'staff.signIn.help')}</p>
    </>
  );
}
