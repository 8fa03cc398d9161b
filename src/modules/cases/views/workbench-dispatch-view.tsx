/** What a bulk dispatch did, case by case: dispatched, or refused with the reason in words. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { DispatchOutcome } from '../dispatch-cases.js';
import { t } from '../messages.js';

function reasonText(lang: Lang, outcome: Extract<DispatchOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'not_found':
      return t(lang, 'workbench.dispatch.refused.notFound');
    case 'wrong_state':
      return t(lang, 'workbench.dispatch.refused.wrongState');
    case 'not_allowed':
      return t(lang, 'workbench.dispatch.refused.notAllowed');
    case 'invalid':
      return t(lang, outcome.code === 'unknown_department' ? 'workbench.dispatch.refused.unknownDepartment' : 'workbench.dispatch.refused.invalid');
    default:
      return t(lang, 'workbench.dispatch.refused.invalid');
  }
}

export function DispatchResultView({ lang, outcomes, lead, back }: { lang: Lang; outcomes: DispatchOutcome[]; lead: string; back: string }) {
  const done = outcomes.filter((o) => o.ok);
  const refused = outcomes.filter((o): o is Extract<DispatchOutcome, { ok: false }> => !o.ok);
  return (
    <div class="case-dispatch-result">
      <h1>{t(lang, 'workbench.dispatch.resultTitle')}</h1>
      <p class="lead" role="status">
        {t(lang, 'workbench.dispatch.summary', { done: done.length, total: outcomes.length, unit: lead })}
      </p>
      {done.length > 0 && (
        <>
          <h2>{t(lang, 'workbench.dispatch.done')}</h2>
          <ul class="case-dispatch-result__done">
            {done.map((o) => (
              <li>
                <a href={urls.staffCase(lang, o.reference)}>{o.reference}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {refused.length > 0 && (
        <>
          <h2>{t(lang, 'workbench.dispatch.refused')}</h2>
          <ul class="case-dispatch-result__refused">
            {refused.map((o) => (
              <li>
                {o.reason === 'not_found' ? o.reference : <a href={urls.staffCase(lang, o.reference)}>{o.reference}</a>}: {reasonText(lang, o)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={back}>{t(lang, 'workbench.dispatch.back')}</a>
      </p>
    </div>
  );
}
