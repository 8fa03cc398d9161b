/** Procedures: ordered steps with documents, authority, time limits, links, tables and the offices to contact. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Card, CardGrid, ExternalLink, PageHeader, Section, bi, local } from '../../platform/views/components.js';
import { DataNote } from '../../platform/views/sources.js';
import { DataTable } from '../content/index.js';
import { ServiceLineLink, serviceFormUrl } from '../cases/index.js';
import { ContactCard } from '../directory/index.js';
import { PROCEDURE_CATEGORIES, type ContentStore, type Procedure } from '../content/index.js';

/** Life in Beijing gathers the procedures a foreign employee or family meets; the rest is the investment process. */
export const LIFE_CATEGORIES: Procedure['category'][] = ['entry-residence', 'labour'];

function sortedProcedures(store: ContentStore, categories: readonly Procedure['category'][]): Procedure[] {
  return store.procedures
    .filter((p) => categories.includes(p.category))
    .sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category) || a.order - b.order);
}

export function ProcedureGroups({ lang, store, categories }: { lang: Lang; store: ContentStore; categories: readonly Procedure['category'][] }) {
  const list = sortedProcedures(store, categories);
  return (
    <>
      {categories.map((category) => {
        const inCategory = list.filter((p) => p.category === category);
        if (inCategory.length === 0) return null;
        return (
          <Section id={category} title={t(lang, `procedures.category.${category}`)}>
            <CardGrid>
              {inCategory.map((p) => (
                <Card href={urls.procedure(lang, p.id)} title={local(p, lang).title} meta={p.steps.length ? t(lang, 'procedures.steps', { count: p.steps.length }) : undefined}>
                  <p>{local(p, lang).summary}</p>
                </Card>
              ))}
            </CardGrid>
          </Section>
        );
      })}
    </>
  );
}

function Step({ step, lang }: { step: Procedure['steps'][number]; lang: Lang }) {
  const text = step[lang];
  return (
    <li class="step">
      <h3 class="step__title">{text.title}</h3>
      {text.text && text.text.split('\n').map((para) => <p>{para}</p>)}
      {text.documents.length > 0 && (
        <>
          <h4>{t(lang, 'procedures.documents')}</h4>
          <ul class="bullets">
            {text.documents.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        </>
      )}
      <dl class="facts facts--compact">
        {step.authority && (
          <div class="facts__row">
            <dt>{t(lang, 'procedures.authority')}</dt>
            <dd>{bi(step.authority, lang)}</dd>
          </div>
        )}
        {step.time_limit && (
          <div class="facts__row">
            <dt>{t(lang, 'procedures.timeLimit')}</dt>
            <dd>{bi(step.time_limit, lang)}</dd>
          </div>
        )}
      </dl>
      {step.links.length > 0 && (
        <ul class="link-list">
          {step.links.map((l) => (
            <li>
              <ExternalLink href={l.url}>{l[lang]}</ExternalLink>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function registerProcedurePages(app: FastifyInstance, deps: PageDeps): void {
  const investment = PROCEDURE_CATEGORIES.filter((c) => !LIFE_CATEGORIES.includes(c));
  registerPage(app, deps, routes.procedures, ({ lang, store }) => ({
    title: t(lang, 'procedures.title'),
    description: t(lang, 'procedures.lead'),
    section: 'nav.procedures',
    crumbs: [{ label: t(lang, 'procedures.title') }],
    sources: sortedProcedures(store, investment).flatMap((p) => p.sources),
    body: (
      <>
        <PageHeader lang={lang} title={t(lang, 'procedures.title')} lead={t(lang, 'procedures.lead')} />
        <ProcedureGroups lang={lang} store={store} categories={investment} />
        <p>
          <a href={urls.life(lang)}>{t(lang, 'procedures.seeLife')}</a>
        </p>
      </>
    ),
  }));

  registerPage(app, deps, routes.procedure, ({ lang, store, params }) => {
    const procedure = store.get('procedures', params.id);
    if (!procedure) return null;
    const text = local(procedure, lang);
    const contacts = procedure.contacts.map((id) => store.get('contacts', id)).filter((c) => c !== undefined);
    const isLife = LIFE_CATEGORIES.includes(procedure.category);
    return {
      title: text.title,
      description: text.summary,
      section: isLife ? 'nav.life' : 'nav.procedures',
      crumbs: [
        isLife ? { label: tPlatform(lang, 'nav.life'), href: urls.life(lang) } : { label: t(lang, 'procedures.title'), href: urls.procedures(lang) },
        { label: text.title },
      ],
      sources: [procedure, ...contacts].flatMap((i) => i.sources),
      body: (
        <>
          <PageHeader lang={lang} title={text.title} lead={text.summary} translation={procedure.zh_translation} kicker={t(lang, `procedures.category.${procedure.category}`)} />
          <DataNote note={procedure.data_note} lang={lang} />
          {procedure.steps.length > 0 && (
            <Section id="steps" title={t(lang, 'procedures.stepsHeading')}>
              <ol class="steps">
                {procedure.steps.map((step) => (
                  <Step step={step} lang={lang} />
                ))}
              </ol>
            </Section>
          )}
          {procedure.tables.map((table) => (
            <DataTable table={table} lang={lang} />
          ))}
          {procedure.links.length > 0 && (
            <Section id="online" title={t(lang, 'procedures.online')}>
              <ul class="link-list">
                {procedure.links.map((l) => (
                  <li>
                    <ExternalLink href={l.url}>{l[lang]}</ExternalLink>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {contacts.length > 0 && (
            <Section id="contacts" title={t(lang, 'procedures.contacts')}>
              <ul class="contact-grid">
                {contacts.map((c) => (
                  <ContactCard contact={c} lang={lang} />
                ))}
              </ul>
            </Section>
          )}
          <ServiceLineLink lang={lang} place="procedure" href={serviceFormUrl(lang, store, { procedureCategory: procedure.category, subject: text.title })} />
        </>
      ),
    };
  });
}
