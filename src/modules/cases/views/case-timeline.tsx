/**
 * The whole timeline of a case, oldest first: each entry marked public (the enterprise sees it on its tracking page)
 * or internal (staff only), with who acted, the status change, its text and the facts it set (dates, units,
 * citations, outcome). The enterprise's own texts are hidden with the description when the case is confidential
 * and the reader may not see it.
 */
import type { VNode } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import { htmlLang, type Lang } from '../../../platform/i18n/i18n.js';
import { citationsOf } from '../case-citations.js';
import type { TimelineEntry } from '../case-page.queries.js';
import type { CaseStatus } from '../case-states.js';
import { formatInstant } from '../case-time.js';
import { t } from '../messages.js';
import { entryLabel, resolutionLabel, shortInstant, statusLabel } from './case-labels.js';
import type { CasePageModel } from './case-page-model.js';
import type { ContentStore } from '../../content/index.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const instant = (v: unknown, lang: Lang) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? formatInstant(new Date(v), lang) : null);

/** The facts an entry's data holds, in words. */
function facts(model: CasePageModel, store: ContentStore, entry: TimelineEntry): VNode[] {
  const { lang } = model;
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const unitName = (id: unknown) => {
    const names = typeof id === 'string' ? model.departments.get(id) : undefined;
    return names ? names[lang] : String(id);
  };
  const out: VNode[] = [];
  const line = (text: string) => out.push(<li>{text}</li>);
  if (entry.action === 'dispatch') {
    line(t(lang, 'casePage.entry.lead', { unit: unitName(data.lead) }));
    const co = Array.isArray(data.co) ? data.co : [];
    if (co.length) line(t(lang, 'casePage.entry.co', { units: co.map(unitName).join(lang === 'zh' ? '、' : ', ') }));
  }
  if (entry.action === 'sign_for' && data.department) line(t(lang, 'casePage.entry.signedUnit', { unit: unitName(data.department) }));
  const limit = str(data.limit_id) ? store.get('service-limits', str(data.limit_id)!) : undefined;
  if (entry.action === 'accept' && limit) line(t(lang, 'casePage.entry.limit', { limit: limit[lang].name }));
  const due = instant(data.due_at, lang);
  if (due) line(t(lang, entry.action === 'approve_extension' ? 'casePage.entry.newDue' : 'casePage.entry.due', { date: due }));
  const unitDue = instant(data.unit_due_at, lang);
  if (unitDue) line(t(lang, 'casePage.entry.unitDue', { date: unitDue }));
  const materialsDue = instant(data.materials_due_at, lang);
  if (materialsDue) line(t(lang, 'casePage.entry.materialsDue', { date: materialsDue }));
  if (str(data.proposed_due)) line(t(lang, 'casePage.entry.proposedDue', { date: str(data.proposed_due)! }));
  if (str(data.resolution_code)) line(t(lang, 'casePage.entry.outcome', { outcome: resolutionLabel(lang, str(data.resolution_code)!) }));
  if (typeof data.satisfaction === 'number') line(t(lang, data.resolved ? 'casePage.ratedResolved' : 'casePage.ratedUnresolved', { score: data.satisfaction }));
  if (typeof data.confidential === 'boolean') line(t(lang, data.confidential ? 'casePage.entry.flagSet' : 'casePage.entry.flagCleared'));
  if (Array.isArray(data.recipients)) line(t(lang, 'casePage.entry.recipients', { count: data.recipients.length }));
  if (str(data.duplicate_of)) {
    out.push(
      <li>
        {t(lang, 'casePage.entry.duplicateOf')} <a href={urls.staffCase(lang, str(data.duplicate_of)!)}>{str(data.duplicate_of)}</a>
      </li>,
    );
  }
  const cites = citationsOf(store, data.cites);
  if (cites.length) {
    out.push(
      <li>
        {t(lang, 'casePage.entry.cites')}
        <ul>
          {cites.map((c) => (
            <li>
              <a href={c.kind === 'policy' ? urls.policy(lang, c.id) : urls.procedure(lang, c.id)}>{c[lang]}</a>
            </li>
          ))}
        </ul>
      </li>,
    );
  }
  return out;
}

function Entry({ model, store, entry }: { model: CasePageModel; store: ContentStore; entry: TimelineEntry }) {
  const { lang, row } = model;
  const actor = entry.actor_type === 'enterprise' ? t(lang, 'caseStaff.actor.enterprise') : entry.actor_type === 'system' ? t(lang, 'caseStaff.actor.system') : (entry.actor_name ?? t(lang, 'caseStaff.actor.staff'));
  const moved = entry.from_status && entry.to_status && entry.from_status !== entry.to_status;
  const hidden = entry.actor_type === 'enterprise' && !model.seesContent;
  // Texts sent to the enterprise, and its own, are in the case's language; internal notes are whatever staff wrote.
  const textLang = entry.visibility === 'public' || entry.actor_type === 'enterprise' ? htmlLang(row.lang) : undefined;
  const list = facts(model, store, entry);
  return (
    <li class={`case-event case-event--${entry.visibility}`}>
      <p class="case-event__head">
        <span class={`case-visibility case-visibility--${entry.visibility}`}>{t(lang, `casePage.visibility.${entry.visibility}`)}</span> <strong>{entryLabel(lang, entry.action)}</strong>
        {' · '}
        {actor}
        {' · '}
        <time datetime={entry.at.toISOString()}>{shortInstant(lang, entry.at)}</time>
      </p>
      {moved && <p class="case-event__status">{t(lang, 'casePage.entry.moved', { from: statusLabel(lang, entry.from_status as CaseStatus), to: statusLabel(lang, entry.to_status as CaseStatus) })}</p>}
      {entry.body && (hidden ? <p class="case-hidden">{t(lang, 'casePage.hiddenConfidential')}</p> : <div class="case-text" lang={textLang}>{entry.body.split(/\n+/).map((p) => <p>{p}</p>)}</div>)}
      {list.length > 0 && <ul class="case-event__facts">{list}</ul>}
    </li>
  );
}

export function CaseTimeline({ model, store }: { model: CasePageModel; store: ContentStore }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t(model.lang, 'casePage.timeline')}</h2>
      <p class="hint">{t(model.lang, 'casePage.timeline.hint')}</p>
      <ol class="case-timeline">
        {model.timeline.map((entry) => (
          <Entry model={model} store={store} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
