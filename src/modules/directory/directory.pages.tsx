/** Service directory: every office the guide lists, municipal first, then by district, filterable by district. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section, local } from '../../platform/views/components.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import { ContactCard } from './contact-card.js';
import { ServiceLineLink, serviceFormUrl } from '../cases/index.js';

export function registerDirectoryPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.directory, ({ lang, store, query }) => {
    const requested = typeof query.district === 'string' ? query.district : '';
    const unknown = requested !== '' && requested !== 'beijing' && !store.get('districts', requested);
    const contacts = store.all('contacts');
    const municipal = contacts.filter((c) => c.district === null);
    const groups = [
      ...(requested === '' || requested === 'beijing' || unknown ? [{ id: 'beijing', title: t(lang, 'directory.municipal'), list: municipal }] : []),
      ...store.districts
        .filter((d) => requested === '' || unknown || d.id === requested)
        .map((d) => ({ id: d.id, title: local(d, lang).name, list: contacts.filter((c) => c.district === d.id) })),
    ].filter((g) => g.list.length > 0);
    return {
      title: t(lang, 'directory.title'),
      description: t(lang, 'directory.lead'),
      section: 'nav.directory',
      status: unknown ? 400 : 200,
      crumbs: [{ label: t(lang, 'directory.title') }],
      sources: groups.flatMap((g) => g.list.flatMap((c) => c.sources)),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'directory.title')} lead={t(lang, 'directory.lead')} />
          {unknown && <ErrorSummary lang={lang} errors={[{ field: 'district', message: tPlatform(lang, 'filter.error.district', { value: requested.slice(0, 40) }) }]} />}
          <form class="filter-form" method="get" action={urls.directory(lang)} aria-label={t(lang, 'directory.filterLabel')}>
            <div class="field">
              <label for="district">{tPlatform(lang, 'filter.district')}</label>
              <select id="district" name="district">
                <option value="">{t(lang, 'directory.all')}</option>
                <option value="beijing" selected={requested === 'beijing'}>
                  {t(lang, 'directory.municipal')}
                </option>
                {store.districts.map((d) => (
                  <option value={d.id} selected={d.id === requested}>
                    {local(d, lang).name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button">
              {tPlatform(lang, 'filter.apply')}
            </button>
          </form>
          {groups.map((group) => (
            <Section id={group.id} title={group.title}>
              <ul class="contact-grid">
                {group.list.map((c) => (
                  <ContactCard contact={c} lang={lang} />
                ))}
              </ul>
            </Section>
          ))}
          <ServiceLineLink lang={lang} place="directory" href={serviceFormUrl(lang, store, { district: store.get('districts', requested) ? requested : undefined })} />
          {lang === 'zh' && <p class="tag tag--unofficial">{tPlatform(lang, 'translation.unofficial')}</p>}
        </>
      ),
    };
  }, { query: ['district'] });
}
