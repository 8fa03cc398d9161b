/**
 * The public performance page: this platform's figures for the last twelve months, written the way the guide
 * writes the 12345 hotline's ("Handled 255,000 enterprise requests, with a resolution rate of 97.5%"), beside the
 * guide's own sentence — labelled as the city hotline's figure, with its source — then on time per limit,
 * satisfaction and districts. Small counts are suppressed and the page says so.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { formatNumber, PageHeader, Section } from '../../../platform/views/components.js';
import { sectionLabel, sourceTitle, type SourceRef } from '../../../platform/views/sources.js';
import { tReports } from '../messages.js';
import type { Cell, PerformanceFigures } from '../performance.js';
import { rateText, type ReportNames } from '../report-format.js';
import type { Share } from '../dashboard-figures.js';
import { TableFrame } from './report-parts.js';

/** The guide's 12345 figure: the statistics items' values, year and sources. */
export interface HotlineFigure {
  year: number;
  requests: number;
  resolutionRate: number;
  sources: readonly SourceRef[];
  statisticId: string;
}

export interface PerformanceViewProps {
  lang: Lang;
  figures: PerformanceFigures;
  hotline: HotlineFigure | null;
  names: ReportNames;
}

type Key = Parameters<typeof tReports>[1];

/** 255,000 in English; 25.5万 in Chinese, as the guide writes it. */
function requestsText(n: number, lang: Lang): string {
  return lang === 'zh' && n >= 10_000 ? `${formatNumber(n / 10_000, lang)}万` : formatNumber(n, lang);
}

function CellText({ lang, cell, rate }: { lang: Lang; cell: Cell<number> | Cell<Share>; rate?: boolean }) {
  if (cell.state === 'few') return <>{tReports(lang, 'performance.suppressed')}</>;
  if (cell.state === 'hidden') return <>{tReports(lang, 'performance.hidden')}</>;
  return <>{rate ? rateText(cell.value as Share, lang) : formatNumber(cell.value as number, lang)}</>;
}

function Headline({ lang, figures }: { lang: Lang; figures: PerformanceFigures }) {
  const { received, resolution } = figures;
  if (received.state !== 'shown') return <p class="performance-headline">{tReports(lang, 'performance.headline.few')}</p>;
  const count = requestsText(received.value, lang);
  if (resolution.state !== 'shown') return <p class="performance-headline">{tReports(lang, 'performance.headline.noRate', { count })}</p>;
  return <p class="performance-headline">{tReports(lang, 'performance.headline', { count, rate: rateText(resolution.value, lang) })}</p>;
}

function Hotline({ lang, hotline }: { lang: Lang; hotline: HotlineFigure }) {
  const sentence = tReports(lang, 'performance.guide.sentence', { count: requestsText(hotline.requests, lang), rate: tReports(lang, 'report.rate', { rate: formatNumber(hotline.resolutionRate, lang) }) });
  return (
    <li class="card performance-compare__hotline">
      <h2 class="card__title">{tReports(lang, 'performance.guide.title')}</h2>
      <p class="card__meta">{tReports(lang, 'performance.guide.label', { year: hotline.year })}</p>
      <blockquote>
        <p class="performance-headline">{sentence}</p>
      </blockquote>
      <p class="card__meta">
        {tReports(lang, 'performance.guide.source')}{' '}
        {hotline.sources.slice(0, 1).map((s) => (
          <>
            <cite>{sourceTitle(s, lang)}</cite> — {sectionLabel(s.section, lang)}
          </>
        ))}
        {' · '}
        <a href={`${urls.statistics(lang)}#stat-${hotline.statisticId}`}>{tReports(lang, 'performance.guide.statistics')}</a>
      </p>
    </li>
  );
}

function OnTime({ lang, figures, names }: { lang: Lang; figures: PerformanceFigures; names: ReportNames }) {
  const r = (key: Key) => tReports(lang, key);
  return (
    <TableFrame label={r('performance.onTime.title')}>
      <table class="data-table">
        <caption class="visually-hidden">{r('performance.onTime.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{r('dashboard.onTime.limit')}</th>
            <th scope="col" class="num">{r('dashboard.onTime.answered')}</th>
            <th scope="col" class="num">{r('dashboard.onTime.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.byLimit.map((limit) => (
            <tr>
              <th scope="row">{names.limit(limit.limitId)}</th>
              <td class="num"><CellText lang={lang} cell={limit.answered} /></td>
              <td class="num"><CellText lang={lang} cell={limit.onTime} rate /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{r('performance.onTime.all')}</th>
            <td class="num"><CellText lang={lang} cell={figures.answeredTotal} /></td>
            <td class="num"><CellText lang={lang} cell={figures.onTime} rate /></td>
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}

function Districts({ lang, figures, names }: { lang: Lang; figures: PerformanceFigures; names: ReportNames }) {
  const r = (key: Key) => tReports(lang, key);
  return (
    <TableFrame label={r('performance.districts.title')}>
      <table class="data-table">
        <caption class="visually-hidden">{r('performance.districts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{r('dashboard.open.district')}</th>
            <th scope="col" class="num">{r('performance.districts.received')}</th>
            <th scope="col" class="num">{r('performance.districts.onTime')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.districts.map((row) => (
            <tr>
              <th scope="row">{names.district(row.id)}</th>
              <td class="num"><CellText lang={lang} cell={row.received} /></td>
              <td class="num"><CellText lang={lang} cell={row.onTime} rate /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

export function PerformanceView({ lang, figures, hotline, names }: PerformanceViewProps) {
  const r = (key: Key) => tReports(lang, key);
  const { satisfaction } = figures;
  const definitions: [Key, Key][] = [
    ['dashboard.received', 'performance.def.received'],
    ['dashboard.resolution', 'performance.def.resolution'],
    ['dashboard.onTime', 'performance.def.onTime'],
    ['dashboard.satisfaction', 'performance.def.satisfaction'],
  ];
  return (
    <>
      <PageHeader lang={lang} title={r('performance.title')} lead={r('performance.lead')} />
      <p>{tReports(lang, 'performance.period', { from: figures.period.from, to: figures.period.to })}</p>
      <ul class="card-grid performance-compare">
        <li class="card">
          <h2 class="card__title">{r('performance.ours')}</h2>
          <Headline lang={lang} figures={figures} />
        </li>
        {hotline && <Hotline lang={lang} hotline={hotline} />}
      </ul>
      {figures.received.state === 'shown' && (
        <>
          <Section id="on-time" title={r('performance.onTime.title')}>
            <OnTime lang={lang} figures={figures} names={names} />
          </Section>
          <Section id="satisfaction" title={r('performance.satisfaction.title')}>
            <p>
              {satisfaction.state === 'shown'
                ? tReports(lang, 'performance.satisfaction.value', { mean: formatNumber(Math.round(satisfaction.value.mean * 10) / 10, lang), count: formatNumber(satisfaction.value.ratings, lang) })
                : r('performance.satisfaction.few')}
            </p>
          </Section>
          <Section id="districts" title={r('performance.districts.title')}>
            <Districts lang={lang} figures={figures} names={names} />
          </Section>
        </>
      )}
      <p class="hint">{r('performance.suppression')}</p>
      <Section id="definitions" title={r('performance.definitions')}>
        <dl class="report-definitions">
          {definitions.map(([term, definition]) => (
            <>
              <dt>{r(term)}</dt>
              <dd>{r(definition)}</dd>
            </>
          ))}
        </dl>
      </Section>
    </>
  );
}
