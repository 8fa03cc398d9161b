/** The plan on one screen: where, what it costs a year, policies, market access, steps and the first deadline. */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { tMatching } from '../../matching/index.js';
import { formatDay, formatNumber } from '../../../platform/views/components.js';
import type { AccessResult } from '../../market-access/index.js';
import { accessBottomLine } from '../../market-access/index.js';
import type { LocationScore } from '../../sites/index.js';
import type { DatedObligation, PlanStep } from '../plan.js';
import type { PlanEstimate } from '../plan-summary.js';

type Bi = { en: string; zh: string };

export interface PlanSummaryProps {
  lang: Lang;
  chosenDistrict?: Bi;
  ranked: LocationScore[];
  cost: PlanEstimate | null;
  policies: { applies: number; may: number };
  access: AccessResult | null;
  steps: number;
  deadline?: DatedObligation;
  addedSteps: PlanStep[];
  /** The date the policy results are for (today in Beijing). */
  today: string;
}

const list = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '；' : '; ');

function Row({ label, href, lang, children }: { label: string; href: string; lang: Lang; children: ComponentChildren }) {
  return (
    <div class="plan-summary__row">
      <dt>{label}</dt>
      <dd>
        {children}{' '}
        <a href={href} class="plan-summary__more">
          {t(lang, 'plan.summary.details')}
          <span class="visually-hidden"> ({label})</span>
        </a>
      </dd>
    </div>
  );
}

function CostLine({ cost, lang }: { cost: PlanEstimate; lang: Lang }) {
  const { estimate, office, staff } = cost;
  const yuan = (n: number) => formatNumber(n, lang);
  const includes = [
    ...(office ? [t(lang, 'plan.cost.includes.office', { area: yuan(office.area_m2), place: office.place[lang] })] : []),
    ...(staff ? [t(lang, 'plan.cost.includes.insurance', { count: staff.count, salary: yuan(staff.monthly_salary_cny) })] : []),
  ];
  const injury = estimate.components.find((c) => c.amount_range_cny)?.amount_range_cny;
  const excludes = [
    staff ? t(lang, 'plan.cost.excludes.salaries', { amount: yuan(staff.yearly_salaries_cny) }) : t(lang, 'plan.cost.excludes.salariesUnknown'),
    t(lang, 'plan.cost.excludes.housingFund'),
    ...(injury ? [t(lang, 'plan.cost.excludes.injury', { min: yuan(injury.min), max: yuan(injury.max) })] : []),
    t(lang, 'plan.cost.excludes.rest'),
  ];
  return (
    <>
      <strong class="plan-summary__figure">{t(lang, 'plan.cost.perYear', { amount: yuan(estimate.total) })}</strong>
      <span class="plan-summary__note">{t(lang, 'plan.cost.includes', { items: list(includes, lang) })}</span>
      <span class="plan-summary__note">{t(lang, 'plan.cost.excludes', { items: list(excludes, lang) })}</span>
    </>
  );
}

/** Which steps were added for the investor's regulated activity, and that sector licences are otherwise not covered. */
export function licenceNote(added: readonly PlanStep[], lang: Lang, short = false): string {
  const notCovered = t(lang, short ? 'plan.licences.notCoveredShort' : 'plan.licences.notCovered');
  if (added.length === 0) return notCovered;
  const addedText = t(lang, 'plan.licences.added', { steps: list(added.map((s) => s.template[lang].title), lang) });
  return lang === 'zh' ? addedText + notCovered : `${addedText} ${notCovered}`;
}

export function PlanSummary(p: PlanSummaryProps) {
  const { lang } = p;
  const name = (b: Bi) => b[lang];
  return (
    <section class="plan-summary" aria-labelledby="summary-h">
      <h2 id="summary-h">{t(lang, 'plan.summary.title')}</h2>
      <dl class="plan-summary__list">
        <Row label={t(lang, 'plan.summary.where')} href="#locations" lang={lang}>
          {p.chosenDistrict && <strong class="plan-summary__figure">{t(lang, 'plan.summary.chosen', { place: name(p.chosenDistrict) })}</strong>}
          {p.ranked.length > 0 ? (
            <span class={p.chosenDistrict ? 'plan-summary__note' : 'plan-summary__figure'}>{t(lang, 'plan.summary.ranked', { places: p.ranked.map((l) => name(l.name)).join(lang === 'zh' ? '、' : ', ') })}</span>
          ) : (
            !p.chosenDistrict && <span>{t(lang, 'plan.summary.whereNeeds')}</span>
          )}
        </Row>
        <Row label={t(lang, 'plan.summary.cost')} href="#costs" lang={lang}>
          {p.cost ? <CostLine cost={p.cost} lang={lang} /> : <span>{t(lang, 'plan.costNeeds')}</span>}
        </Row>
        <Row label={t(lang, 'plan.summary.policies')} href="#policies" lang={lang}>
          <strong class="plan-summary__figure">{tMatching(lang, 'match.summary', p.policies)}</strong>
          <span class="plan-summary__note">{t(lang, 'plan.summary.policiesDate', { date: formatDay(p.today, lang) })}</span>
        </Row>
        <Row label={t(lang, 'plan.summary.access')} href="#market-access" lang={lang}>
          {p.access ? <strong class={`plan-summary__figure verdict--${p.access.verdict}`}>{accessBottomLine(p.access, lang)}</strong> : <span>{t(lang, 'plan.accessNeeds')}</span>}
        </Row>
        <Row label={t(lang, 'plan.summary.steps')} href="#steps" lang={lang}>
          <strong class="plan-summary__figure">{t(lang, 'plan.summary.stepCount', { count: p.steps })}</strong>
          {p.deadline && <span class="plan-summary__note">{t(lang, 'plan.summary.firstDeadline', { what: p.deadline.title[lang], date: formatDay(p.deadline.end, lang) })}</span>}
          <span class="plan-summary__note">{licenceNote(p.addedSteps, lang, true)}</span>
        </Row>
      </dl>
    </section>
  );
}
