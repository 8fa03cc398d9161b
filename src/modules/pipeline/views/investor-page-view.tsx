/**
 * The investor page: who they are, their projects in the reader's scope, the one timeline, and for pipeline writers
 * the two forms that add to it (an interaction or shared plan; a linked service-line case).
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { describedBy, ErrorSummary, Field, type FieldError } from '../../../platform/views/forms.js';
import { StaffNotice } from '../../staff/index.js';
import { fieldLabel, t } from '../messages.js';
import { tTimeline } from '../messages.timeline.js';
import { INTERACTION_KINDS } from '../stage-rules.js';
import type { InvestorTimeline } from '../timeline.js';
import { regionName } from './project-options.js';
import { TimelineView } from './timeline-view.js';

export interface FormState {
  values: Record<string, string | undefined>;
  errors: FieldError[];
}
export interface InvestorForms {
  interaction: FormState;
  linkCase: FormState;
}

export interface InvestorPageProps {
  lang: Lang;
  csrf: string;
  timeline: InvestorTimeline;
  mayWrite: boolean;
  today: string;
  forms: InvestorForms;
  errors: FieldError[];
  notice?: string;
}

function Facts({ lang, timeline }: { lang: Lang; timeline: InvestorTimeline }) {
  const { investor } = timeline;
  const none = tTimeline(lang, 'pipeline.investors.notGiven');
  return (
    <section aria-labelledby="investor-facts">
      <h2 id="investor-facts">{tTimeline(lang, 'pipeline.timeline.facts')}</h2>
      <dl class="case-facts">
        <dt>{fieldLabel(lang, 'investor_name')}</dt>
        <dd>{investor.name}</dd>
        <dt>{fieldLabel(lang, 'investor_name_zh')}</dt>
        <dd lang={investor.nameZh ? 'zh' : undefined}>{investor.nameZh ?? none}</dd>
        <dt>{fieldLabel(lang, 'origin')}</dt>
        <dd>{regionName(lang, investor.origin)}</dd>
        <dt>{fieldLabel(lang, 'parent_group')}</dt>
        <dd>{investor.parentGroup ?? none}</dd>
      </dl>
    </section>
  );
}

function Projects({ lang, timeline }: { lang: Lang; timeline: InvestorTimeline }) {
  return (
    <section aria-labelledby="investor-projects">
      <h2 id="investor-projects">{tTimeline(lang, 'pipeline.timeline.projects')}</h2>
      {timeline.projects.length === 0 ? (
        <p>{tTimeline(lang, 'pipeline.timeline.projects.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table case-table">
            <caption>{tTimeline(lang, 'pipeline.timeline.projects.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tTimeline(lang, 'pipeline.timeline.projects.reference')}</th>
                <th scope="col">{tTimeline(lang, 'pipeline.timeline.projects.name')}</th>
                <th scope="col">{tTimeline(lang, 'pipeline.timeline.projects.stage')}</th>
                <th scope="col">{tTimeline(lang, 'pipeline.timeline.projects.status')}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.projects.map((project) => (
                <tr>
                  <th scope="row">
                    <a href={urls.staffProject(lang, project.reference)}>{project.reference}</a>
                  </th>
                  <td>{project.name}</td>
                  <td>{t(lang, `pipeline.stage.${project.stage}`)}</td>
                  <td>{t(lang, `pipeline.status.${project.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type Hint = Parameters<typeof tTimeline>[1] | undefined;

function TextField({ lang, form, prefix, name, label, hint, max, type = 'text' }: { lang: Lang; form: FormState; prefix: string; name: string; label: string; hint?: Hint; max: number; type?: 'text' | 'date' | 'url' | 'textarea' }) {
  const id = `${prefix}-${name}`;
  const error = form.errors.find((e) => e.field === id)?.message;
  const props = { id, name, value: form.values[name] ?? '', 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': describedBy(id, Boolean(hint), error) };
  return (
    <Field lang={lang} name={id} label={label} hint={hint ? tTimeline(lang, hint) : undefined} error={error}>
      {type === 'textarea' ? (
        <textarea {...props} rows={4} maxLength={max} />
      ) : type === 'date' ? (
        <input {...props} type="date" />
      ) : type === 'url' ? (
        <input {...props} type="url" maxLength={max} />
      ) : (
        <input {...props} type="text" maxLength={max} />
      )}
    </Field>
  );
}

function InteractionForm({ props }: { props: InvestorPageProps }) {
  const { lang, timeline } = props;
  const form = props.forms.interaction;
  const select = (name: string, label: string, options: { value: string; label: string }[]) => {
    const id = `interaction-${name}`;
    const error = form.errors.find((e) => e.field === id)?.message;
    return (
      <Field lang={lang} name={id} label={label} error={error}>
        <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, false, error)}>
          {options.map((o) => (
            <option value={o.value} selected={(form.values[name] ?? '') === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  const common = { lang, form, prefix: 'interaction' };
  return (
    <form method="post" action={urls.staffInvestorInteractions(lang, timeline.investor.id)} class="staff-form" aria-labelledby="record-interaction">
      <h3 id="record-interaction">{tTimeline(lang, 'pipeline.timeline.interaction')}</h3>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {select('kind', tTimeline(lang, 'pipeline.timeline.field.kind'), INTERACTION_KINDS.map((kind) => ({ value: kind, label: t(lang, `pipeline.interaction.${kind}`) })))}
      <TextField {...common} name="occurred_on" type="date" label={tTimeline(lang, 'pipeline.timeline.field.occurred_on')} hint="pipeline.timeline.field.occurred_on.hint" max={10} />
      <TextField {...common} name="people" label={tTimeline(lang, 'pipeline.timeline.field.people')} hint="pipeline.timeline.field.people.hint" max={500} />
      <TextField {...common} name="notes" type="textarea" label={tTimeline(lang, 'pipeline.timeline.field.notes')} max={5000} />
      {select('project_reference', tTimeline(lang, 'pipeline.timeline.field.project'), [
        { value: '', label: tTimeline(lang, 'pipeline.timeline.choice.none') },
        ...timeline.projects.map((p) => ({ value: p.reference, label: `${p.reference} ${p.name}` })),
      ])}
      <TextField {...common} name="plan_url" type="url" label={tTimeline(lang, 'pipeline.timeline.field.plan_url')} hint="pipeline.timeline.field.plan_url.hint" max={4000} />
      <button type="submit" class="button">
        {tTimeline(lang, 'pipeline.timeline.interaction.submit')}
      </button>
    </form>
  );
}

function LinkCaseForm({ props }: { props: InvestorPageProps }) {
  const { lang } = props;
  return (
    <form method="post" action={urls.staffInvestorCases(lang, props.timeline.investor.id)} class="staff-form" aria-labelledby="link-case">
      <h3 id="link-case">{tTimeline(lang, 'pipeline.timeline.linkCase')}</h3>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <TextField lang={lang} form={props.forms.linkCase} prefix="link" name="case_reference" label={tTimeline(lang, 'pipeline.timeline.field.case')} hint="pipeline.timeline.field.case.hint" max={40} />
      <button type="submit" class="button">
        {tTimeline(lang, 'pipeline.timeline.linkCase.submit')}
      </button>
    </form>
  );
}

export function InvestorPageView(props: InvestorPageProps) {
  const { lang, timeline } = props;
  const { investor } = timeline;
  return (
    <div class="investor-page">
      {props.errors.length > 0 && <ErrorSummary lang={lang} errors={props.errors} />}
      <p class="case-back">
        <a href={urls.staffInvestors(lang)}>{tTimeline(lang, 'pipeline.timeline.back')}</a>
      </p>
      <h1>
        {investor.name}
        {investor.nameZh && <span lang="zh"> {investor.nameZh}</span>}
      </h1>
      {props.notice && <StaffNotice text={props.notice} />}
      {!timeline.inScope && <p>{tTimeline(lang, 'pipeline.timeline.nothing')}</p>}
      <Facts lang={lang} timeline={timeline} />
      {timeline.inScope && <Projects lang={lang} timeline={timeline} />}
      {timeline.inScope && <TimelineView lang={lang} timeline={timeline} />}
      {props.mayWrite && (
        <section aria-labelledby="record-forms">
          <h2 id="record-forms">{tTimeline(lang, 'pipeline.timeline.forms')}</h2>
          <InteractionForm props={props} />
          <LinkCaseForm props={props} />
        </section>
      )}
    </div>
  );
}
