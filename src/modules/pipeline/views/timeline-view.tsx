/**
 * The investor's timeline: a GET form of checkboxes choosing the kinds shown, then one ordered list, newest first, each
 * entry dated and saying in words what happened (project moves with the project linked, items, cases, plans, contacts).
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { shortInstant } from '../../cases/index.js';
import { t } from '../messages.js';
import { tTimeline } from '../messages.timeline.js';
import { TIMELINE_KINDS, type InvestorTimeline, type TimelineEntry, type TimelineKind, type TimelineProject } from '../timeline.js';

const KIND_LABELS: Record<TimelineKind, Parameters<typeof tTimeline>[1]> = {
  project: 'pipeline.timeline.kind.project',
  service: 'pipeline.timeline.kind.service',
  case: 'pipeline.timeline.kind.case',
  plan: 'pipeline.timeline.kind.plan',
  interaction: 'pipeline.timeline.kind.interaction',
};

const civilFormats: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }),
};
const civilDate = (lang: Lang, day: string) => civilFormats[lang].format(new Date(`${day}T00:00:00Z`));

function ProjectLink({ lang, project }: { lang: Lang; project: TimelineProject | null }) {
  if (!project) return null;
  return (
    <p class="timeline-entry__project">
      {tTimeline(lang, 'pipeline.timeline.project')}: <a href={urls.staffProject(lang, project.reference)}>{project.reference}</a> {project.name}
    </p>
  );
}

function Notes({ lang, people, notes }: { lang: Lang; people: string | null; notes: string | null }) {
  return (
    <>
      {people && <p>{tTimeline(lang, 'pipeline.timeline.people', { people })}</p>}
      {notes && <p class="case-text">{notes}</p>}
    </>
  );
}

/** When it happened: the instant for what the system recorded, the day for what staff report having happened. */
function When({ lang, entry }: { lang: Lang; entry: TimelineEntry }) {
  const reported = entry.kind === 'plan' || entry.kind === 'interaction';
  return <time datetime={reported ? entry.day : entry.at.toISOString()}>{reported ? civilDate(lang, entry.day) : shortInstant(lang, entry.at)}</time>;
}

function EntryBody({ lang, entry }: { lang: Lang; entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'project': {
      const what =
        entry.event === 'created'
          ? tTimeline(lang, 'pipeline.timeline.project.created')
          : entry.event === 'moved'
            ? tTimeline(lang, 'pipeline.timeline.project.moved', { from: t(lang, `pipeline.stage.${entry.fromStage!}`), to: t(lang, `pipeline.stage.${entry.toStage}`) })
            : tTimeline(lang, 'pipeline.timeline.project.status', { from: t(lang, `pipeline.status.${entry.fromStatus!}`), to: t(lang, `pipeline.status.${entry.toStatus}`) });
      return (
        <>
          <p class="timeline-entry__what">{what}</p>
          <ProjectLink lang={lang} project={entry.project} />
          {entry.reason && <p>{tTimeline(lang, 'pipeline.timeline.reason', { reason: entry.reason })}</p>}
          {entry.note && <p>{tTimeline(lang, 'pipeline.timeline.note', { note: entry.note })}</p>}
        </>
      );
    }
    case 'service':
      return (
        <>
          <p class="timeline-entry__what">{tTimeline(lang, entry.event === 'done' ? 'pipeline.timeline.item.done' : 'pipeline.timeline.item.created', { title: entry.item.title })}</p>
          <ProjectLink lang={lang} project={entry.project} />
          <p>
            <a href={`${urls.staffProjectServices(lang, entry.project.reference)}#item-${entry.item.id}`}>{tTimeline(lang, 'pipeline.timeline.item.open')}</a>
          </p>
        </>
      );
    case 'case': {
      const { reference, subject, subjectLang, linkable } = entry.case;
      return (
        <>
          <p class="timeline-entry__what">{tTimeline(lang, `pipeline.timeline.case.${entry.event}`, { reference })}</p>
          {subject !== null ? <p lang={subjectLang ?? undefined}>{subject}</p> : <p>{tTimeline(lang, 'pipeline.timeline.case.confidential')}</p>}
          {linkable && (
            <p>
              <a href={urls.staffCase(lang, reference)}>{tTimeline(lang, 'pipeline.timeline.case.open', { reference })}</a>
            </p>
          )}
        </>
      );
    }
    case 'plan':
      return (
        <>
          <p class="timeline-entry__what">{tTimeline(lang, 'pipeline.timeline.plan')}</p>
          <p>
            <a href={entry.planUrl}>{tTimeline(lang, 'pipeline.timeline.plan.link')}</a>
          </p>
          <Notes lang={lang} people={entry.people} notes={entry.notes} />
          <ProjectLink lang={lang} project={entry.project} />
        </>
      );
    case 'interaction':
      return (
        <>
          <p class="timeline-entry__what">{t(lang, `pipeline.interaction.${entry.interaction}`)}</p>
          <Notes lang={lang} people={entry.people} notes={entry.notes} />
          <ProjectLink lang={lang} project={entry.project} />
        </>
      );
  }
}

export function TimelineView({ lang, timeline }: { lang: Lang; timeline: InvestorTimeline }) {
  return (
    <section class="investor-timeline" aria-labelledby="timeline">
      <h2 id="timeline">{tTimeline(lang, 'pipeline.timeline.heading')}</h2>
      <form method="get" action={urls.staffInvestor(lang, timeline.investor.id)} class="staff-form case-filters">
        <fieldset>
          <legend>{tTimeline(lang, 'pipeline.timeline.filter')}</legend>
          {TIMELINE_KINDS.map((kind) => (
            <div class="case-radios">
              <input type="checkbox" id={`show-${kind}`} name="show" value={kind} checked={timeline.kinds.includes(kind)} />
              <label for={`show-${kind}`}>{tTimeline(lang, KIND_LABELS[kind])}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button button--secondary">
          {tTimeline(lang, 'pipeline.timeline.filter.submit')}
        </button>
      </form>
      {timeline.entries.length === 0 ? (
        <p>{tTimeline(lang, 'pipeline.timeline.empty')}</p>
      ) : (
        <ol class="case-timeline">
          {timeline.entries.map((entry) => (
            <li class={`case-event timeline-entry timeline-entry--${entry.kind}`}>
              <p class="case-event__head">
                <When lang={lang} entry={entry} /> · {tTimeline(lang, KIND_LABELS[entry.kind])}
              </p>
              <EntryBody lang={lang} entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
