/** /:lang/costs/estimate: the cost estimator for up to three locations side by side, and its CSV download. */
import type { FastifyInstance } from 'fastify';
import { t, isLang, type Lang } from '../../platform/i18n/i18n.js';
import { registerPage, type PageDeps } from '../../platform/http/pages.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section, formatNumber } from '../../platform/views/components.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import type { ContentService, ContentStore } from '../content/index.js';
import { estimateCosts, EstimateInputError, type Estimate } from './estimate.js';
import { locationOptions, parseEstimatorForm } from './estimator.form.js';
import { EstimatorForm } from './views/estimator-form.js';

type Query = Record<string, string | string[] | undefined>;

function run(store: ContentStore, query: Query, lang: Lang) {
  const { requests, errors, submitted } = parseEstimatorForm(query, store, lang);
  const estimates: { location: string; label: string; estimate: Estimate }[] = [];
  const options = locationOptions(store, lang);
  for (const { location, request } of requests) {
    try {
      estimates.push({ location, label: options.find((o) => o.value === location)?.label ?? location, estimate: estimateCosts(store, request) });
    } catch (error) {
      if (!(error instanceof EstimateInputError)) throw error;
      errors.push({ field: 'location1', message: t(lang, 'estimator.error.businessDistrict') });
    }
  }
  return { estimates: errors.length ? [] : estimates, errors, submitted };
}

const money = (value: number | null, lang: Lang) => (value === null ? '—' : formatNumber(value, lang));

function Comparison({ lang, estimates }: { lang: Lang; estimates: { label: string; estimate: Estimate }[] }) {
  const keys = [...new Set(estimates.flatMap((e) => e.estimate.components.map((c) => c.key)))];
  return (
    <div class="table-wrap" role="region" aria-label={t(lang, 'estimator.results')} tabindex={0}>
      <table class="data-table estimate-table">
        <caption>{t(lang, 'estimator.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'estimator.component')}</th>
            {estimates.map((e) => (
              <th scope="col" class="num">
                {e.label}
                <span class="unit"> ({t(lang, 'estimator.yuan')})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const first = estimates.map((e) => e.estimate.components.find((c) => c.key === key)).find(Boolean)!;
            return (
              <tr>
                <th scope="row">
                  {first.name[lang]}
                  {estimates.map((e) => {
                    const c = e.estimate.components.find((x) => x.key === key);
                    return c ? (
                      <span class="formula">
                        {estimates.length > 1 ? `${e.label}: ` : ''}
                        {c.formula} — {t(lang, 'estimator.source')}: {c.source.table}, {c.source.row}
                      </span>
                    ) : null;
                  })}
                </th>
                {estimates.map((e) => {
                  const c = e.estimate.components.find((x) => x.key === key);
                  if (!c) return <td class="num">—</td>;
                  if (c.amount_range_cny) return <td class="num">{`${money(c.amount_range_cny.min, lang)} – ${money(c.amount_range_cny.max, lang)}`}</td>;
                  return <td class="num">{c.amount_cny === null ? t(lang, 'estimator.notPriced') : money(c.amount_cny, lang)}</td>;
                })}
              </tr>
            );
          })}
          <tr class="total-row">
            <th scope="row">{t(lang, 'estimator.total')}</th>
            {estimates.map((e) => (
              <td class="num">
                <strong>{money(e.estimate.total, lang)}</strong>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t(lang, 'estimator.totalRange')}</th>
            {estimates.map((e) => (
              <td class="num">{`${money(e.estimate.total_range.min, lang)} – ${money(e.estimate.total_range.max, lang)}`}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function estimateCsv(estimates: { label: string; estimate: Estimate }[], lang: Lang): string {
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const lines = [[t(lang, 'estimator.location'), t(lang, 'estimator.component'), t(lang, 'estimator.amount'), t(lang, 'estimator.formula'), t(lang, 'estimator.source')].map(quote).join(',')];
  for (const { label, estimate } of estimates) {
    for (const c of estimate.components) {
      const amount = c.amount_range_cny ? `${c.amount_range_cny.min}-${c.amount_range_cny.max}` : (c.amount_cny ?? '');
      lines.push([label, c.name[lang], amount, c.formula, `${c.source.table}; ${c.source.row}`].map(quote).join(','));
    }
    lines.push([label, t(lang, 'estimator.total'), estimate.total, '', ''].map(quote).join(','));
    lines.push([label, t(lang, 'estimator.totalRange'), `${estimate.total_range.min}-${estimate.total_range.max}`, '', ''].map(quote).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function registerEstimatorPages(app: FastifyInstance, deps: PageDeps, content: ContentService): void {
  registerPage(app, deps, routes.estimator, ({ lang, store, query, path }) => {
    const { estimates, errors, submitted } = run(store, query, lang);
    return {
      title: t(lang, 'estimator.title'),
      description: t(lang, 'estimator.lead'),
      section: 'nav.costs',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: t(lang, 'costs.title'), href: urls.costs(lang) }, { label: t(lang, 'estimator.title') }],
      sources: store.costs.flatMap((c) => c.sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'estimator.title')} lead={t(lang, 'estimator.lead')} />
          {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
          <EstimatorForm lang={lang} store={store} query={query} invalid={errors.map((e) => e.field)} />
          {submitted && estimates.length > 0 && (
            <Section id="results" title={t(lang, 'estimator.results')}>
              <Comparison lang={lang} estimates={estimates} />
              <ul class="bullets">
                {[...new Map(estimates.flatMap((e) => e.estimate.notes).map((n) => [n.en, n])).values()].map((n) => (
                  <li>{n[lang]}</li>
                ))}
              </ul>
              <p>
                <a href={path.replace(/\/estimate\?/, '/estimate.csv?')} download>
                  {t(lang, 'estimator.csv')}
                </a>
              </p>
            </Section>
          )}
        </>
      ),
    };
  });

  app.get(routes.estimatorCsv, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (!isLang(lang)) throw new NotFoundError('Estimates exist under /en and /zh.');
    const { estimates, errors } = run(content.store, request.query as Query, lang);
    if (errors.length || estimates.length === 0) throw new NotFoundError(errors[0]?.message ?? 'Choose at least one location.');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="invest-beijing-cost-estimate.csv"')
      .send(estimateCsv(estimates, lang));
  });
}
