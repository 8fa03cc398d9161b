/**
 * 2025 Invest in Beijing Conference projects, filterable by district and by words in the name (GET form, no JS), each
 * saying whether it is still open to investors or already taken up by a signed project (availability-page.ts reads
 * that on every request; the page stays cached while it does not change).
 */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { Db } from '../../platform/db/database.js';
import type { PageDeps } from '../content/index.js';
import { registerLivePage } from '../../platform/http/pages.js';
import { takenOpportunities } from './availability-page.js';
import { routes, urls } from '../../platform/http/urls.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import { Empty, PageHeader, Section, local } from '../../platform/views/components.js';
import { DataNote } from '../../platform/views/sources.js';
import type { ContentStore } from '../content/index.js';
import { filterProjects, parseProjectFilter } from './projects.filter.js';

export function registerProjectPages(app: FastifyInstance, deps: PageDeps, db: Db): void {
  registerLivePage(app, deps, routes.projects, takenOpportunities(db), ({ lang, store, query }, taken) => {
    const { filter, errors } = parseProjectFilter(query, store, lang);
    const projects = filterProjects(store, filter);
    const districts = store.districts.filter((d) => projects.some((p) => p.district === d.id));
    return {
      title: t(lang, 'projects.title'),
      description: t(lang, 'projects.lead'),
      section: 'nav.projects',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: t(lang, 'projects.title') }],
      sources: projects.slice(0, 1).flatMap((p) => p.sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'projects.title')} lead={t(lang, 'projects.lead')} />
          {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
          <p>{t(lang, 'projects.status.about')}</p>
          <ProjectFilterForm lang={lang} store={store} district={filter.district} q={filter.q} invalid={errors.map((e) => e.field)} />
          <p class="result-count" role="status">
            {t(lang, 'projects.count', { count: projects.length })}
          </p>
          {projects.length === 0 && <Empty>{t(lang, 'projects.none')}</Empty>}
          {districts.map((district) => (
            <Section id={district.id} title={local(district, lang).name}>
              <ol class="project-list">
                {projects
                  .filter((p) => p.district === district.id)
                  .map((p) => (
                    <li id={`opportunity-${p.id}`} value={p.number} lang={lang === 'zh' && p.zh_translation === 'unofficial' ? 'zh-CN' : undefined}>
                      {local(p, lang).name}
                      {lang === 'zh' && <span class="secondary-name" lang="en"> {p.en.name}</span>}
                      <span class="project-availability"> — {t(lang, taken.has(p.id) ? 'projects.status.taken' : 'projects.status.open')}</span>
                      <DataNote note={p.data_note} lang={lang} />
                    </li>
                  ))}
              </ol>
              <p>
                <a href={urls.district(lang, district.id)}>{t(lang, 'projects.moreAbout', { name: local(district, lang).name })}</a>
              </p>
            </Section>
          ))}
          {lang === 'zh' && <p class="tag tag--unofficial">{tPlatform(lang, 'translation.unofficial')}</p>}
        </>
      ),
    };
  }, { query: ['district', 'q', 'page'] });
}

function ProjectFilterForm({ lang, store, district, q, invalid }: { lang: Lang; store: ContentStore; district?: string; q?: string; invalid: string[] }) {
  return (
    <form class="filter-form" method="get" action={urls.projects(lang)} role="search" aria-label={t(lang, 'projects.filterLabel')}>
      <div class={`field${invalid.includes('district') ? ' field--error' : ''}`}>
        <label for="district">{tPlatform(lang, 'filter.district')}</label>
        <select id="district" name="district" aria-invalid={invalid.includes('district') ? 'true' : undefined}>
          <option value="">{t(lang, 'projects.allDistricts')}</option>
          {store.districts.map((d) => (
            <option value={d.id} selected={d.id === district}>
              {local(d, lang).name}
            </option>
          ))}
        </select>
      </div>
      <div class={`field${invalid.includes('q') ? ' field--error' : ''}`}>
        <label for="q">{t(lang, 'projects.words')}</label>
        <input id="q" name="q" type="search" value={q ?? ''} maxLength={100} aria-invalid={invalid.includes('q') ? 'true' : undefined} />
      </div>
      <button type="submit" class="button">
        {tPlatform(lang, 'filter.apply')}
      </button>
      {(district || q) && (
        <a class="button button--secondary" href={urls.projects(lang)}>
          {tPlatform(lang, 'filter.clear')}
        </a>
      )}
    </form>
  );
}
