/**
 * The 2025 conference's investment opportunities as staff see them:
 *  - GET /:lang/staff/opportunities        all 215 (or one district's, ?district=), with the projects at each stage
 *  - GET /:lang/staff/opportunities/:id    one opportunity, its counts and the viewer's projects for it
 *
 * Who: PIPELINE_READERS. The counts cover every project in Beijing (they name nobody); the projects listed and linked
 * are those of the viewer's scope (opportunities.queries.ts). An unknown opportunity is 404; a bad filter is 400 with
 * the error at its field.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/http/errors.js';
import { field, parseForm, type RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore, Project } from '../content/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { scopeText } from './messages.list.js';
import { tOpportunities } from './messages.opportunities.js';
import { noCounts, opportunityCounts, projectsForOpportunity, scopedProjectsByOpportunity, type OpportunityCounts } from './opportunities.queries.js';
import type { PipelineServices } from './pipeline-services.js';
import { PIPELINE_READERS, projectScopeOf } from './project-access.js';
import { OpportunitiesView, OpportunityView, type OpportunityEntry } from './views/opportunities-view.js';

const guard = { staffGuard: { roles: PIPELINE_READERS } };
/** Projects named per opportunity in the overview; the opportunity's own page lists them all. */
const SHOWN_PER_OPPORTUNITY = 3;

/** The districts that have opportunities, in the content's order (the filter's choices). */
const districtsWithOpportunities = (store: ContentStore) => store.districts.filter((d) => store.all('projects').some((p) => p.district === d.id));

function filterSchema(store: ContentStore) {
  const ids: string[] = districtsWithOpportunities(store).map((d) => d.id);
  return z.object({
    district: field(z.string().refine((id) => ids.includes(id)).optional(), { max: 100, message: (lang: Lang) => tOpportunities(lang, 'pipeline.opportunities.error.district') }),
  });
}

function entryOf(lang: Lang, store: ContentStore, opportunity: Project, counts: OpportunityCounts | undefined): OpportunityEntry {
  return {
    id: opportunity.id,
    number: opportunity.number,
    name: opportunity[lang].name,
    otherName: opportunity[lang === 'zh' ? 'en' : 'zh'].name,
    districtId: opportunity.district,
    districtName: store.get('districts', opportunity.district)?.[lang].name ?? opportunity.district,
    counts: counts ?? noCounts(),
  };
}

/** The opportunities in the public list's order: by district as the content orders them, then by number. */
function orderedOpportunities(store: ContentStore, district?: string): Project[] {
  const order = new Map(store.districts.map((d, i) => [d.id, i]));
  return store
    .all('projects')
    .filter((p) => !district || p.district === district)
    .sort((a, b) => (order.get(a.district) ?? 99) - (order.get(b.district) ?? 99) || a.number - b.number);
}

export function registerOpportunityPages(app: FastifyInstance, { context }: PipelineServices): void {
  const db = context.db;

  app.get(routes.staffOpportunities, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const store = context.store();
    const scope = projectScopeOf(request.staff!);
    const form = parseForm(filterSchema(store), (request.query ?? {}) as RawForm, lang);
    // A bad district lists nothing until corrected (the form shows what was sent, with its error).
    const opportunities = form.errors.length ? [] : orderedOpportunities(store, form.value?.district);
    const ids = form.value?.district ? opportunities.map((o) => o.id) : undefined;
    const [counts, yours] = await Promise.all([
      opportunities.length ? opportunityCounts(db, ids) : new Map<string, OpportunityCounts>(),
      scopedProjectsByOpportunity(db, scope, opportunities.map((o) => o.id), SHOWN_PER_OPPORTUNITY),
    ]);
    const body = (
      <OpportunitiesView
        lang={lang}
        scope={scopeText(lang, scope, store)}
        districts={districtsWithOpportunities(store).map((d) => ({ id: d.id, name: d[lang].name }))}
        district={form.input.district ?? ''}
        errors={form.errors}
        entries={opportunities.map((o) => entryOf(lang, store, o, counts.get(o.id)))}
        yours={yours}
      />
    );
    const title = tOpportunities(lang, 'pipeline.opportunities.title');
    return sendStaffPage(request, reply, lang, form.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, form.errors.length ? 400 : 200);
  });

  app.get(routes.staffOpportunity, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const store = context.store();
    const { id } = request.params as { id: string };
    const opportunity = store.get('projects', id);
    if (!opportunity) throw new NotFoundError(`No conference opportunity ${id}.`);
    const scope = projectScopeOf(request.staff!);
    const [counts, projects] = await Promise.all([opportunityCounts(db, [id]), projectsForOpportunity(db, scope, id)]);
    const entry = entryOf(lang, store, opportunity, counts.get(id));
    const body = (
      <OpportunityView
        lang={lang}
        scope={scopeText(lang, scope, store)}
        entry={entry}
        projects={projects}
        publicUrl={`${urls.projects(lang, { district: opportunity.district })}#opportunity-${opportunity.id}`}
      />
    );
    return sendStaffPage(request, reply, lang, `${entry.name} – ${tOpportunities(lang, 'pipeline.opportunities.title')}`, body);
  });
}
