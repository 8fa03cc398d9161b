/** Investment costs: utility prices, office rents, minimum wage and social insurance, as typed tables with units. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section, bi, local } from '../../platform/views/components.js';
import { DataTable } from '../content/index.js';
import { DataNote, SourceList, UnofficialTranslation } from '../../platform/views/sources.js';

const COST_ORDER = ['water', 'reclaimed_water', 'electricity', 'gas', 'heating', 'office_rent', 'minimum_wage', 'social_insurance'];

export function registerCostPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.costs, ({ lang, store }) => {
    // The guide's order: utilities, then rents, then labour costs.
    const costs = [...store.costs].sort((a, b) => COST_ORDER.indexOf(a.cost_type) - COST_ORDER.indexOf(b.cost_type));
    return {
      title: t(lang, 'costs.title'),
      description: t(lang, 'costs.lead'),
      section: 'nav.costs',
      crumbs: [{ label: t(lang, 'costs.title') }],
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'costs.title')} lead={t(lang, 'costs.lead')} />
          <p>
            <a class="button" href={urls.estimator(lang)}>
              {t(lang, 'costs.estimate')}
            </a>
          </p>
          <nav class="on-this-page" aria-label={tPlatform(lang, 'layout.onThisPage')}>
            <ul>
              {costs.map((c) => (
                <li>
                  <a href={`#${c.id}`}>{local(c, lang).title}</a>
                </li>
              ))}
            </ul>
          </nav>
          {costs.map((cost) => (
            <Section id={cost.id} title={local(cost, lang).title}>
              <p>{local(cost, lang).summary}</p>
              {cost.period && <p class="muted">{t(lang, 'costs.period', { period: bi(cost.period, lang) })}</p>}
              <UnofficialTranslation lang={lang} status={cost.zh_translation} />
              {cost.tables.map((table) => (
                <DataTable table={table} lang={lang} />
              ))}
              <DataNote note={cost.data_note} lang={lang} />
              <SourceList sources={cost.sources} lang={lang} heading={false} />
            </Section>
          ))}
        </>
      ),
    };
  });
}
