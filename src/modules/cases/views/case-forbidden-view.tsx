/** The answer to an action the person may not take on this case (403), with the way back to it. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { StaffAction } from '../case-action-forms.js';
import { t } from '../messages.js';
import { actionName } from './case-labels.js';

export function ForbiddenActionView({ lang, reference, action }: { lang: Lang; reference: string; action: StaffAction }) {
  return (
    <div>
      <h1>{t(lang, 'casePage.forbidden.title')}</h1>
      <p>{t(lang, 'casePage.forbidden.detail', { action: actionName(lang, action), reference })}</p>
      <p>
        <a href={urls.staffCase(lang, reference)}>{t(lang, 'casePage.forbidden.back', { reference })}</a>
      </p>
    </div>
  );
}
