/**
 * The enterprise's view of its request (publicView): where it stands in plain words, which unit handles it, the due
 * date with the rule it comes from, what it can do now (send materials, rate, reopen) and the public history.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { Facts, PageHeader } from '../../../platform/views/components.js';
import { ErrorSummary } from '../../../platform/views/forms.js';
import type { ServiceLimit } from '../../content/index.js';
import { formatInstant } from '../case-time.js';
import { t } from '../messages.js';
import type { PublicCaseView } from '../public-view.js';
import { MaterialsForm, RatingForm, ReopenForm, type Credentials, type FailedAction } from './track-action-forms.js';
import { CaseHistory } from './track-history.js';
import { DueFacts } from './service-due.js';
import { FormProblem } from './service-fields.js';
import { kindLabel } from './service-form.js';

export interface CaseStatusProps {
  lang: Lang;
  view: PublicCaseView;
  /** The catalogue entry of the case's limit, and of the enterprise's own limit for materials. */
  limit?: ServiceLimit;
  materialsLimit?: ServiceLimit;
  credentials: Credentials;
  /** What the last action did ("Your materials have been sent"). */
  notice?: string;
  /** Why the last action could not be taken. */
  problem?: string;
  failed?: FailedAction;
}

function HandledBy({ lang, view }: { lang: Lang; view: PublicCaseView }) {
  if (view.handled_by.length === 0) return <>{t(lang, 'service.case.notYetAssigned')}</>;
  return (
    <ul class="service-units">
      {view.handled_by.map((unit) => (
        <li>
          {t(lang, 'service.case.unit', { name: unit[lang], role: t(lang, unit.role === 'lead' ? 'service.case.lead' : 'service.case.co') })}
        </li>
      ))}
    </ul>
  );
}

function ratingText(lang: Lang, view: PublicCaseView): string | undefined {
  if (view.satisfaction === null || view.resolved === null) return undefined;
  return t(lang, view.resolved ? 'service.case.resolvedYes' : 'service.case.resolvedNo', { score: view.satisfaction });
}

export function CaseStatusView({ lang, view, limit, materialsLimit, credentials, notice, problem, failed }: CaseStatusProps) {
  const asked = [...view.timeline].reverse().find((e) => e.action === 'request_materials')?.text ?? null;
  const waiting = view.can.supply_materials;
  return (
    <>
      <PageHeader lang={lang} title={t(lang, 'service.case.title', { reference: view.reference })} lead={view.subject} />
      {notice && (
        <div class="panel service-notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      <FormProblem lang={lang} message={problem} />
      {failed && failed.errors.length > 0 && <ErrorSummary lang={lang} errors={failed.errors} />}
      <section class="section" aria-labelledby="summary-h">
        <h2 id="summary-h">{t(lang, 'service.case.summary')}</h2>
        <Facts
          rows={[
            [t(lang, 'service.case.status'), <strong>{t(lang, `service.status.${view.status}`)}</strong>],
            [t(lang, 'service.case.kind'), kindLabel(lang, view.kind)],
            [t(lang, 'service.case.topic'), view.topic[lang]],
            [t(lang, 'service.case.submitted'), formatInstant(new Date(view.submitted_at), lang)],
            [t(lang, 'service.case.handledBy'), <HandledBy lang={lang} view={view} />],
            [t(lang, 'service.case.resolved'), ratingText(lang, view)],
          ]}
        />
        <DueFacts lang={lang} due={view.due_at ? formatInstant(new Date(view.due_at), lang) : undefined} limit={limit} rule={view.time_limit.rule[lang]} />
        {waiting && <p>{t(lang, 'service.case.paused')}</p>}
        {view.extended && <p>{t(lang, 'service.case.extended')}</p>}
        {view.time_limit.fie_complaint && <p>{t(lang, 'service.case.fie')}</p>}
      </section>
      {waiting && <MaterialsForm lang={lang} credentials={credentials} asked={asked} dueAt={view.materials_due_at} limit={materialsLimit} failed={failed} />}
      {view.can.rate && <RatingForm lang={lang} credentials={credentials} failed={failed} />}
      {view.can.reopen_until && <ReopenForm lang={lang} credentials={credentials} until={view.can.reopen_until} failed={failed} />}
      <CaseHistory lang={lang} events={view.timeline} />
    </>
  );
}
