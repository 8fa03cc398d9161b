/**
 * The conference opportunities as staff see them: the overview (every opportunity, the projects at each stage for it,
 * its public status, and the projects the viewer may open) and one opportunity's page. Counts cover all of Beijing;
 * project names and links only the viewer's scope (the page hands over only those).
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, Field, describedBy, type FieldError } from '../../../platform/views/forms.js';
import { beijingDay, dateOfDay } from '../../calendar/index.js';
import { t } from '../messages.js';
import { tOpportunities } from '../messages.opportunities.js';
import type { Availability, OpportunityCounts, OpportunityProject } from '../opportunities.queries.js';
import { STAGES } from '../stage-rules.js';

type Key = Parameters<typeof tOpportunities>[1];

export interface OpportunityEntry {
  id: string;
  number: number;
  name: string;
  otherName: string;
  districtId: string;
  districtName: string;
  counts: OpportunityCounts;
}

export interface OpportunitiesViewProps {
  lang: Lang;
  scope: string;
  districts: { id: string; name: string }[];
  district: string;
  errors: FieldError[];
  entries: OpportunityEntry[];
  yours: Map<string, { shown: OpportunityProject[]; total: number }>;
}

const investorName = (lang: Lang, p: OpportunityProject) => (lang === 'zh' && p.investor_name_zh ? p.investor_name_zh : p.investor_name);

function AvailabilityText({ lang, availability }: { lang: Lang; availability: Availability }) {
  return <span class={`opportunity-status opportunity-status--${availability}`}>{tOpportunities(lang, `pipeline.opportunities.availability.${availability}`)}</span>;
}

function DistrictFilter({ lang, districts, district, error }: { lang: Lang; districts: { id: string; name: string }[]; district: string; error?: string }) {
  return (
    <form class="filter-form" method="get" action={urls.staffOpportunities(lang)} role="search" aria-label={tOpportunities(lang, 'pipeline.opportunities.filter.title')}>
      <Field lang={lang} name="district" label={tOpportunities(lang, 'pipeline.opportunities.filter.district')} error={error}>
        <select id="district" name="district" aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy('district', false, error)}>
          <option value="">{tOpportunities(lang, 'pipeline.opportunities.filter.any')}</option>
          {districts.map((d) => (
            <option value={d.id} selected={d.id === district}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="button">
        {tOpportunities(lang, 'pipeline.opportunities.filter.apply')}
      </button>
      {district && (
        <a class="button button--secondary" href={urls.staffOpportunities(lang)}>
          {tOpportunities(lang, 'pipeline.opportunities.filter.clear')}
        </a>
      )}
    </form>
  );
}

function YourProjects({ lang, yours }: { lang: Lang; yours?: { shown: OpportunityProject[]; total: number } }) {
  if (!yours) return <>{tOpportunities(lang, 'pipeline.opportunities.none')}</>;
  const more = yours.total - yours.shown.length;
  return (
    <>
      {yours.shown.map((p, i) => (
        <>
          {i > 0 && ', '}
          <a href={urls.staffProject(lang, p.reference)} title={p.name}>
            {p.reference}
          </a>
        </>
      ))}
      {more > 0 && ` ${tOpportunities(lang, 'pipeline.opportunities.more', { count: more })}`}
    </>
  );
}

export function OpportunitiesView({ lang, scope, districts, district, errors, entries, yours }: OpportunitiesViewProps) {
  const h = (key: Key, numeric = false) => (
    <th scope="col" class={numeric ? 'num' : undefined}>
      {tOpportunities(lang, key)}
    </th>
  );
  return (
    <div class="pipeline-opportunities">
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <h1>{tOpportunities(lang, 'pipeline.opportunities.title')}</h1>
      <p>
        <a href={urls.staffProjects(lang)}>{tOpportunities(lang, 'pipeline.opportunities.back')}</a>
      </p>
      <p>{tOpportunities(lang, 'pipeline.opportunities.lead')}</p>
      <p class="muted">
        {tOpportunities(lang, 'pipeline.opportunities.countsNote')} {scope}
      </p>
      <DistrictFilter lang={lang} districts={districts} district={district} error={errors.find((e) => e.field === 'district')?.message} />
      <p class="case-count" role="status">
        {tOpportunities(lang, 'pipeline.opportunities.count', { count: entries.length })}
      </p>
      <p class="muted">{tOpportunities(lang, 'pipeline.opportunities.availability.explained')}</p>
      {entries.length > 0 && (
        <div class="table-wrap">
          <table class="data-table case-table">
            <caption>{tOpportunities(lang, 'pipeline.opportunities.table.caption')}</caption>
            <thead>
              <tr>
                {h('pipeline.opportunities.table.number', true)}
                {h('pipeline.opportunities.table.name')}
                {h('pipeline.opportunities.table.district')}
                {STAGES.map((stage) => (
                  <th scope="col" class="num">
                    {t(lang, `pipeline.stage.${stage}`)}
                  </th>
                ))}
                {h('pipeline.opportunities.table.closed', true)}
                {h('pipeline.opportunities.table.public')}
                {h('pipeline.opportunities.table.yours')}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr id={`opportunity-${entry.id}`}>
                  <td class="num">{entry.number}</td>
                  <th scope="row">
                    <a href={urls.staffOpportunity(lang, entry.id)}>{entry.name}</a>
                  </th>
                  <td>{entry.districtName}</td>
                  {STAGES.map((stage) => (
                    <td class="num">{entry.counts.byStage[stage]}</td>
                  ))}
                  <td class="num">{entry.counts.closed}</td>
                  <td>
                    <AvailabilityText lang={lang} availability={entry.counts.availability} />
                  </td>
                  <td>
                    <YourProjects lang={lang} yours={yours.get(entry.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export interface OpportunityViewProps {
  lang: Lang;
  scope: string;
  entry: OpportunityEntry;
  projects: OpportunityProject[];
  publicUrl: string;
}

function CountsTable({ lang, counts }: { lang: Lang; counts: OpportunityCounts }) {
  const row = (label: string, count: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{count}</td>
    </tr>
  );
  return (
    <table class="data-table">
      <caption>{tOpportunities(lang, 'pipeline.opportunities.page.countsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{tOpportunities(lang, 'pipeline.opportunities.page.stage')}</th>
          <th scope="col" class="num">
            {tOpportunities(lang, 'pipeline.opportunities.page.projects')}
          </th>
        </tr>
      </thead>
      <tbody>
        {STAGES.map((stage) => row(t(lang, `pipeline.stage.${stage}`), counts.byStage[stage]))}
        {row(tOpportunities(lang, 'pipeline.opportunities.table.closed'), counts.closed)}
      </tbody>
    </table>
  );
}

function ProjectsTable({ lang, projects }: { lang: Lang; projects: OpportunityProject[] }) {
  const h = (key: Key) => <th scope="col">{tOpportunities(lang, key)}</th>;
  return (
    <div class="table-wrap">
      <table class="data-table case-table">
        <caption>{tOpportunities(lang, 'pipeline.opportunities.page.projectsCaption')}</caption>
        <thead>
          <tr>
            {h('pipeline.opportunities.page.reference')}
            {h('pipeline.opportunities.page.name')}
            {h('pipeline.opportunities.page.investor')}
            {h('pipeline.opportunities.page.stage')}
            {h('pipeline.opportunities.page.status')}
            {h('pipeline.opportunities.page.updated')}
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr>
              <th scope="row">
                <a href={urls.staffProject(lang, p.reference)}>{p.reference}</a>
              </th>
              <td>{p.name}</td>
              <td>{investorName(lang, p)}</td>
              <td>{t(lang, `pipeline.stage.${p.stage}`)}</td>
              <td>{t(lang, `pipeline.status.${p.status}`)}</td>
              <td>{dateOfDay(beijingDay(p.updated_at))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OpportunityView({ lang, scope, entry, projects, publicUrl }: OpportunityViewProps) {
  const { counts } = entry;
  const total = STAGES.reduce((sum, stage) => sum + counts.byStage[stage], counts.closed);
  const outOfScope = total - projects.length;
  return (
    <div class="pipeline-opportunity">
      <h1>{entry.name}</h1>
      <p>
        <a href={urls.staffOpportunities(lang, { district: entry.districtId })}>{tOpportunities(lang, 'pipeline.opportunities.title')}</a>
      </p>
      <dl class="facts">
        <dt>{tOpportunities(lang, 'pipeline.opportunities.table.district')}</dt>
        <dd>{tOpportunities(lang, 'pipeline.opportunities.page.number', { number: entry.number, district: entry.districtName })}</dd>
        <dt>{tOpportunities(lang, 'pipeline.opportunities.page.otherName')}</dt>
        <dd lang={lang === 'zh' ? 'en' : 'zh-CN'}>{entry.otherName}</dd>
        <dt>{tOpportunities(lang, 'pipeline.opportunities.table.public')}</dt>
        <dd>
          {tOpportunities(lang, 'pipeline.opportunities.page.public', { status: tOpportunities(lang, `pipeline.opportunities.availability.${counts.availability}`) })}{' '}
          <a href={publicUrl}>{tOpportunities(lang, 'pipeline.opportunities.page.publicLink')}</a>
        </dd>
      </dl>
      <p class="muted">{tOpportunities(lang, 'pipeline.opportunities.availability.explained')}</p>
      <h2>{tOpportunities(lang, 'pipeline.opportunities.page.counts')}</h2>
      <CountsTable lang={lang} counts={counts} />
      <h2>{tOpportunities(lang, 'pipeline.opportunities.page.projectsTitle')}</h2>
      <p class="muted">{scope}</p>
      {projects.length === 0 ? <p>{tOpportunities(lang, 'pipeline.opportunities.page.noProjects')}</p> : <ProjectsTable lang={lang} projects={projects} />}
      {outOfScope > 0 && <p>{tOpportunities(lang, 'pipeline.opportunities.page.outOfScope', { count: outOfScope })}</p>}
    </div>
  );
}
