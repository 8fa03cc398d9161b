/** /:lang/costs/estimate: the cost estimator for up to three locations side by side, and its CSV download. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform, isLang, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { tCosts } from '../costs/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { InvalidRequestError, NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section, formatNumber } from '../../platform/views/components.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import type { ContentService, ContentStore } from '../content/index.js';
import { estimateCosts, EstimateInputError, type Component, type Estimate, type SocialInsurance } from './estimate.js';
import { estimatorForm, locationOptions, parseEstimatorForm } from './estimator.form.js';
import { EstimatorForm } from './views/estimator-form.js';
import { fieldNames, type RawForm } from '../../platform/http/form.js';


function run(store: ContentStore, query: RawForm, lang: Lang) {
  const { requests, errors, submitted, input } = parseEstimatorForm(query, store, lang);
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
  return { estimates: errors.length ? [] : estimates, errors, submitted, input };
}

const fen = { en: new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), zh: new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) };
/** Whole yuan without decimals; otherwise always two (17,938.80, not 17,938.8). */
const money = (value: number | null, lang: Lang) => (value === null ? '—' : Number.isInteger(value) ? formatNumber(value, lang) : fen[lang].format(value));
const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
const paren = (lang: Lang, text: string) => (lang === 'zh' ? `（${text}）` : ` (${text})`);
const range = (r: { min: number; max: number }, lang: Lang) => `${money(r.min, lang)} – ${money(r.max, lang)}`;

function AmountCell({ c, lang }: { c: Component | undefined; lang: Lang }) {
  if (!c) return <td class="num">—</td>;
  const main = c.amount_range_cny ? range(c.amount_range_cny, lang) : c.amount_cny === null ? t(lang, 'estimator.notPriced') : money(c.amount_cny, lang);
  const sub = c.period.unit === 'seasons' ? t(lang, 'estimator.forSeasons', { count: c.period.count }) : c.per_month_cny !== null ? t(lang, 'estimator.perMonth', { amount: money(c.per_month_cny, lang) }) : null;
  return (
    <td class="num">
      {main}
      {sub && <span class="per-month">{sub}</span>}
    </td>
  );
}

function Comparison({ lang, estimates }: { lang: Lang; estimates: { label: string; estimate: Estimate }[] }) {
  const keys = [...new Set(estimates.flatMap((e) => e.estimate.components.map((c) => c.key)))];
  const period = estimates[0].estimate.period_label[lang];
  return (
    <div class="table-wrap" role="region" aria-label={t(lang, 'estimator.results')} tabindex={0}>
      <table class="data-table estimate-table">
        <caption>
          {t(lang, 'estimator.results')}
          {paren(lang, t(lang, 'estimator.amountFor', { period }))}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'estimator.component')}</th>
            {estimates.map((e) => (
              <th scope="col" class="num">
                {e.label}
                {e.estimate.location.rent_row && <span class="rent-row">{t(lang, 'estimator.rentRow', { row: e.estimate.location.rent_row.area[lang] })}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const first = estimates.map((e) => e.estimate.components.find((c) => c.key === key)).find(Boolean)!;
            return (
              <tr>
                <th scope="row">{first.name[lang]}</th>
                {estimates.map((e) => (
                  <AmountCell c={e.estimate.components.find((x) => x.key === key)} lang={lang} />
                ))}
              </tr>
            );
          })}
          <tr class="total-row">
            <th scope="row">{t(lang, 'estimator.totalFor', { period })}</th>
            {estimates.map((e) => (
              <td class="num">
                <strong>{money(e.estimate.total, lang)}</strong>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t(lang, 'estimator.totalRangeFor', { period })}</th>
            {estimates.map((e) => (
              <td class="num">{range(e.estimate.total_range, lang)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Notes once each; a note that holds for some of the compared locations only is prefixed with their names. */
function notesOf(estimates: { label: string; estimate: Estimate }[], lang: Lang): string[] {
  const seen = new Map<string, { text: string; labels: string[] }>();
  for (const { label, estimate } of estimates) {
    for (const n of estimate.notes) {
      const entry = seen.get(n.en) ?? { text: n[lang], labels: [] };
      entry.labels.push(label);
      seen.set(n.en, entry);
    }
  }
  return [...seen.values()].map((n) => (n.labels.length === estimates.length ? n.text : `${n.labels.join(lang === 'zh' ? '、' : '; ')}${colon(lang)}${n.text}`));
}

/** Each amount's formula and source row, per location: under the table, so the table stays narrow on a phone. */
function Formulas({ lang, estimates }: { lang: Lang; estimates: { label: string; estimate: Estimate }[] }) {
  const keys = [...new Set(estimates.flatMap((e) => e.estimate.components.map((c) => c.key)))];
  return (
    <>
      <h3>{t(lang, 'estimator.howComputed')}</h3>
      <dl class="formulas">
        {keys.map((key) => (
          <>
            <dt>{estimates.map((e) => e.estimate.components.find((c) => c.key === key)).find(Boolean)!.name[lang]}</dt>
            {estimates.map((e) => {
              const c = e.estimate.components.find((x) => x.key === key);
              return c ? (
                <dd>
                  {estimates.length > 1 ? `${e.label}${colon(lang)}` : ''}
                  {c.formula_text[lang]}
                  <span class="formula">
                    {t(lang, 'estimator.source')}
                    {colon(lang)}
                    {c.source_text[lang]}
                  </span>
                </dd>
              ) : null;
            })}
          </>
        ))}
      </dl>
    </>
  );
}

/** What the total counts and what it leaves out (the same quantities are priced for every location). */
function TotalExplained({ lang, estimate }: { lang: Lang; estimate: Estimate }) {
  return (
    <div class="total-explained">
      <h3>{t(lang, 'estimator.totalIncludes')}</h3>
      <ul class="bullets">
        {estimate.total_includes.map((i) => (
          <li>{i[lang]}</li>
        ))}
      </ul>
      <h3>{t(lang, 'estimator.totalExcludes')}</h3>
      <ul class="bullets">
        {estimate.total_excludes.map((i) => (
          <li>{i[lang]}</li>
        ))}
      </ul>
    </div>
  );
}

/** Employer and employee shares of each insurance and the total remitted (the rates are citywide). */
function SocialInsuranceTable({ lang, si, period }: { lang: Lang; si: SocialInsurance; period: string }) {
  return (
    <>
      <p>{t(lang, 'estimator.si.lead', { staff: formatNumber(si.staff, lang), salary: formatNumber(si.monthly_salary_cny, lang), period })}</p>
      <div class="table-wrap" role="region" aria-label={t(lang, 'estimator.si.title')} tabindex={0}>
        <table class="data-table">
          <caption class="visually-hidden">{t(lang, 'estimator.si.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'estimator.si.item')}</th>
              <th scope="col" class="num">{t(lang, 'estimator.si.employerRate')}</th>
              <th scope="col" class="num">{t(lang, 'estimator.si.employeeRate')}</th>
              <th scope="col" class="num">{t(lang, 'estimator.si.employer')}</th>
              <th scope="col" class="num">{t(lang, 'estimator.si.employee')}</th>
              <th scope="col" class="num">{t(lang, 'estimator.si.remitted')}</th>
            </tr>
          </thead>
          <tbody>
            {si.lines.map((l) => (
              <tr>
                <th scope="row">{l.name[lang]}</th>
                <td class="num">{l.employer_rate}</td>
                <td class="num">{l.employee_rate[lang]}</td>
                <td class="num">{l.employer_range_cny ? range(l.employer_range_cny, lang) : money(l.employer_cny, lang)}</td>
                <td class="num">{money(l.employee_cny, lang)}</td>
                <td class="num">{l.remitted_range_cny ? range(l.remitted_range_cny, lang) : money(l.remitted_cny, lang)}</td>
              </tr>
            ))}
            <tr class="total-row">
              <th scope="row">{t(lang, 'estimator.si.total')}</th>
              <td />
              <td />
              <td class="num">{money(si.employer_cny, lang)}</td>
              <td class="num">{money(si.employee_cny, lang)}</td>
              <td class="num">
                <strong>{money(si.remitted_cny, lang)}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">{t(lang, 'estimator.si.totalWithInjury')}</th>
              <td />
              <td />
              <td class="num">{range(si.employer_range_cny, lang)}</td>
              <td class="num">{money(si.employee_cny, lang)}</td>
              <td class="num">{range(si.remitted_range_cny, lang)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        {t(lang, 'estimator.si.perEmployee', {
          employer: money(si.per_employee_per_month.employer_cny, lang),
          employee: money(si.per_employee_per_month.employee_cny, lang),
          remitted: money(si.per_employee_per_month.remitted_cny, lang),
        })}
      </p>
    </>
  );
}

export function estimateCsv(estimates: { label: string; estimate: Estimate }[], lang: Lang): string {
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const lines = [[t(lang, 'estimator.location'), t(lang, 'estimator.component'), t(lang, 'estimator.amount'), t(lang, 'estimator.formula'), t(lang, 'estimator.source')].map(quote).join(',')];
  for (const { label, estimate } of estimates) {
    const period = estimate.period_label[lang];
    for (const c of estimate.components) {
      const amount = c.amount_range_cny ? `${c.amount_range_cny.min}-${c.amount_range_cny.max}` : (c.amount_cny ?? '');
      lines.push([label, c.name[lang], amount, c.formula_text[lang], c.source_text[lang]].map(quote).join(','));
    }
    lines.push([label, t(lang, 'estimator.totalFor', { period }), estimate.total, '', ''].map(quote).join(','));
    lines.push([label, t(lang, 'estimator.totalRangeFor', { period }), `${estimate.total_range.min}-${estimate.total_range.max}`, '', ''].map(quote).join(','));
    if (estimate.social_insurance) {
      lines.push([label, t(lang, 'estimator.csv.employeeShare'), estimate.social_insurance.employee_cny, '', ''].map(quote).join(','));
      lines.push([label, t(lang, 'estimator.csv.remitted'), estimate.social_insurance.remitted_cny, '', ''].map(quote).join(','));
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function registerEstimatorPages(app: FastifyInstance, deps: PageDeps, content: ContentService): void {
  registerPage(app, deps, routes.estimator, ({ lang, store, query, path }) => {
    const { estimates, errors, submitted, input } = run(store, query, lang);
    return {
      title: tPlatform(lang, 'estimator.title'),
      description: t(lang, 'estimator.lead'),
      section: 'nav.tool.costs',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: tCosts(lang, 'costs.title'), href: urls.costs(lang) }, { label: tPlatform(lang, 'estimator.title') }],
      sources: store.costs.flatMap((c) => c.sources),
      body: (
        <>
          <PageHeader lang={lang} title={tPlatform(lang, 'estimator.title')} lead={t(lang, 'estimator.lead')} />
          {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
          <EstimatorForm lang={lang} store={store} input={input} invalid={errors.map((e) => e.field)} />
          {submitted && estimates.length > 0 && (
            <Section id="results" title={t(lang, 'estimator.results')}>
              <Comparison lang={lang} estimates={estimates} />
              <TotalExplained lang={lang} estimate={estimates[0].estimate} />
              <Formulas lang={lang} estimates={estimates} />
              <ul class="bullets">
                {notesOf(estimates, lang).map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
              <p>
                <a href={path.replace(/\/estimate\?/, '/estimate.csv?')} download>
                  {t(lang, 'estimator.csv')}
                </a>
              </p>
            </Section>
          )}
          {submitted && estimates[0]?.estimate.social_insurance && (
            <Section id="social-insurance" title={t(lang, 'estimator.si.title')}>
              <SocialInsuranceTable lang={lang} si={estimates[0].estimate.social_insurance} period={estimates[0].estimate.period_label[lang]} />
            </Section>
          )}
        </>
      ),
    };
  }, { query: fieldNames(estimatorForm) });

  app.get(routes.estimatorCsv, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (!isLang(lang)) throw new NotFoundError('Estimates exist under /en and /zh.');
    const { estimates, errors } = run(content.store, request.query as RawForm, lang);
    if (errors.length || estimates.length === 0) {
      const invalid = errors.length ? errors.map((e) => ({ name: e.field, reason: e.message })) : [{ name: 'location1', reason: 'Choose at least one location.' }];
      throw new InvalidRequestError(`The estimate cannot be exported: ${invalid.map((p) => `${p.name} (${p.reason})`).join('; ')}`, invalid);
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="invest-beijing-cost-estimate.csv"')
      .send(estimateCsv(estimates, lang));
  });
}
