/** The top of the staff case page: what the case is, where it stands against its time limit, who filed it. */
import type { ComponentChildren } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import { htmlLang, type Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { formatInstant } from '../case-time.js';
import { kindLabel, resolutionLabel, shortInstant, statusLabel } from './case-labels.js';
import type { CasePageModel } from './case-page-model.js';
import { SlaBadge } from './workbench-view.js';

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Due({ model }: { model: CasePageModel }) {
  const { lang, row, limit } = model;
  if (row.status === 'needs_materials') {
    return <>{row.materials_due_at ? t(lang, 'casePage.pausedUntil', { date: formatInstant(row.materials_due_at, lang) }) : t(lang, 'casePage.paused')}</>;
  }
  return (
    <>
      {formatInstant(row.due_at, lang)}
      {row.extended && <span class="case-flag">{t(lang, 'casePage.extended')}</span>}
      <span class="case-table__sub">{limit ? t(lang, 'casePage.rule', { rule: limit.rule[lang] }) : row.limit_id}</span>
    </>
  );
}

export function CaseHeader({ model }: { model: CasePageModel }) {
  const { lang, row } = model;
  const caseLang = htmlLang(row.lang);
  return (
    <>
      <p class="page-header__kicker">{t(lang, 'casePage.kicker')}</p>
      <h1>
        {row.reference}: <span lang={caseLang}>{row.subject}</span>
      </h1>
      <p>
        <SlaBadge lang={lang} sla={model.sla} /> {row.fie_complaint && <span class="case-flag">{t(lang, 'caseStaff.fie')}</span>}
        {row.confidential && <span class="case-flag case-flag--confidential">{t(lang, 'caseStaff.confidential')}</span>}
      </p>
      <dl class="facts case-facts">
        <Row label={t(lang, 'casePage.status')}>{statusLabel(lang, row.status)}</Row>
        <Row label={t(lang, 'casePage.kind')}>{kindLabel(lang, row.kind)}</Row>
        <Row label={t(lang, 'casePage.topic')}>{model.topic}</Row>
        <Row label={t(lang, 'casePage.district')}>{model.district ?? t(lang, 'casePage.noDistrict')}</Row>
        <Row label={t(lang, 'casePage.due')}>
          <Due model={model} />
        </Row>
        <Row label={t(lang, 'casePage.submitted')}>{`${shortInstant(lang, row.submitted_at)} · ${t(lang, `casePage.channel.${row.channel}`)} · ${t(lang, `casePage.caseLang.${row.lang}`)}`}</Row>
        {row.resolution_code && <Row label={t(lang, 'casePage.outcome')}>{resolutionLabel(lang, row.resolution_code)}</Row>}
        {row.satisfaction !== null && (
          <Row label={t(lang, 'casePage.satisfaction')}>{t(lang, row.resolved ? 'casePage.ratedResolved' : 'casePage.ratedUnresolved', { score: row.satisfaction })}</Row>
        )}
      </dl>
      <h2>{t(lang, 'casePage.enterprise')}</h2>
      <dl class="facts case-facts">
        <Row label={t(lang, 'casePage.enterpriseName')}>{row.enterprise_name ? <span lang={caseLang}>{row.enterprise_name}</span> : t(lang, 'casePage.notGiven')}</Row>
        <Row label={t(lang, 'casePage.uscc')}>{row.uscc ?? t(lang, 'casePage.notGiven')}</Row>
        <Row label={t(lang, 'casePage.foreignInvested')}>
          {row.foreign_invested === null ? t(lang, 'casePage.notGiven') : t(lang, row.foreign_invested ? 'casePage.yes' : 'casePage.no')}
          {row.investor_origin && <span lang={caseLang}>{` (${row.investor_origin})`}</span>}
        </Row>
        <Row label={t(lang, 'casePage.contact')}>
          {row.anonymous ? (
            t(lang, 'casePage.anonymous')
          ) : (
            <>
              {row.contact_name && <span lang={caseLang}>{row.contact_name}</span>}
              {row.contact_email && (
                <>
                  {' '}
                  <a href={`mailto:${row.contact_email}`}>{row.contact_email}</a>
                </>
              )}
              {row.contact_phone && ` ${row.contact_phone}`}
            </>
          )}
        </Row>
      </dl>
      <h2>{t(lang, 'casePage.description')}</h2>
      {model.seesContent ? (
        <div class="case-text" lang={caseLang}>
          {row.description.split(/\n+/).map((p) => (
            <p>{p}</p>
          ))}
        </div>
      ) : (
        <p class="case-hidden">{t(lang, 'casePage.hiddenConfidential')}</p>
      )}
    </>
  );
}

/** The flag's form, for the acceptance agency and the coordinator. */
export function ConfidentialForm({ model }: { model: CasePageModel }) {
  const { lang, row } = model;
  if (!model.mayFlag) return null;
  return (
    <form method="post" action={urls.staffCaseConfidential(lang, row.reference)} class="inline-form case-confidential">
      <input type="hidden" name="_csrf" value={model.csrf} />
      <input type="hidden" name="confidential" value={row.confidential ? 'no' : 'yes'} />
      <p class="hint">{t(lang, 'casePage.confidential.hint')}</p>
      <button type="submit" class="button button--secondary button--small">
        {t(lang, row.confidential ? 'casePage.confidential.clear' : 'casePage.confidential.set')}
      </button>
    </form>
  );
}
