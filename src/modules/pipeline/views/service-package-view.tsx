/**
 * The service package page: the project it belongs to, the summary (open, overdue), the items' table — each row with
 * its owner unit, due date (overdue said in words), status, the linked case's status and SLA state — and, for those
 * who may change it, a small update form per row and the form that adds an item.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { describedBy, ErrorSummary, Field, type FieldError } from '../../../platform/views/forms.js';
import { caseSlaLabel, caseStatusLabel, shortInstant, type CaseSla, type CaseStatus } from '../../cases/index.js';
import { StaffNotice } from '../../staff/index.js';
import { t } from '../messages.js';
import { tTimeline } from '../messages.timeline.js';
import type { ServiceItemRow, ServicePackageSummary } from '../service-package.queries.js';
import { ITEM_STATUSES } from '../stage-rules.js';

export interface ItemForm {
  values: Record<string, string | undefined>;
  errors: FieldError[];
}

export type LinkedCase =
  | { reference: string; visible: true; linkable: boolean; status: CaseStatus; sla: CaseSla; dueAt: Date }
  | { reference: string; visible: false };

export interface ServicePackageModel {
  lang: Lang;
  csrf: string;
  project: { reference: string; name: string };
  today: string;
  summary: ServicePackageSummary;
  items: { row: ServiceItemRow; overdue: boolean; linked: LinkedCase | null; form: ItemForm }[];
  mayEdit: boolean;
  departments: { value: string; label: string }[];
  add: ItemForm;
  errors: FieldError[];
  notice?: string;
}

const idOf = (itemId: string | null, field: string) => (itemId ? `item-${itemId}-${field}` : `new-${field}`);
const errorAt = (form: ItemForm, id: string) => form.errors.find((e) => e.field === id)?.message;

/** The fields an item's form has (the add form also has its title): owner, due date, status, case. */
function ItemFields({ model, itemId, form }: { model: ServicePackageModel; itemId: string | null; form: ItemForm }) {
  const { lang } = model;
  const field = (name: string) => ({ id: idOf(itemId, name), error: errorAt(form, idOf(itemId, name)), value: form.values[name] ?? '' });
  const owner = field('owner_department_id');
  const due = field('due_on');
  const status = field('status');
  const linked = field('case_reference');
  return (
    <>
      <Field lang={lang} name={owner.id} label={tTimeline(lang, 'pipeline.services.field.owner')} error={owner.error}>
        <select id={owner.id} name="owner_department_id" aria-invalid={owner.error ? 'true' : undefined} aria-describedby={describedBy(owner.id, false, owner.error)}>
          <option value="">{tTimeline(lang, 'pipeline.services.choice.none')}</option>
          {model.departments.map((d) => (
            <option value={d.value} selected={owner.value === d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </Field>
      <Field lang={lang} name={due.id} label={tTimeline(lang, 'pipeline.services.field.due')} hint={tTimeline(lang, 'pipeline.services.field.due.hint')} error={due.error}>
        <input id={due.id} name="due_on" type="date" value={due.value} aria-invalid={due.error ? 'true' : undefined} aria-describedby={describedBy(due.id, true, due.error)} />
      </Field>
      <Field lang={lang} name={status.id} label={tTimeline(lang, 'pipeline.services.field.status')} error={status.error}>
        <select id={status.id} name="status" aria-invalid={status.error ? 'true' : undefined} aria-describedby={describedBy(status.id, false, status.error)}>
          {ITEM_STATUSES.map((s) => (
            <option value={s} selected={status.value === s}>
              {t(lang, `pipeline.item.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field lang={lang} name={linked.id} label={tTimeline(lang, 'pipeline.services.field.case')} hint={tTimeline(lang, 'pipeline.services.field.case.hint')} error={linked.error}>
        <input id={linked.id} name="case_reference" type="text" maxLength={40} value={linked.value} aria-invalid={linked.error ? 'true' : undefined} aria-describedby={describedBy(linked.id, true, linked.error)} />
      </Field>
    </>
  );
}

function CaseCell({ lang, linked }: { lang: Lang; linked: LinkedCase | null }) {
  if (!linked) return <>{tTimeline(lang, 'pipeline.services.case.none')}</>;
  if (!linked.visible) {
    return (
      <>
        {linked.reference}
        <span class="case-table__sub">{tTimeline(lang, 'pipeline.services.case.outOfScope')}</span>
      </>
    );
  }
  return (
    <>
      {linked.linkable ? <a href={urls.staffCase(lang, linked.reference)}>{linked.reference}</a> : linked.reference}
      <span class="case-table__sub">{tTimeline(lang, 'pipeline.services.case.status', { status: caseStatusLabel(lang, linked.status) })}</span>
      <span class={`sla sla--${linked.sla}`}>{tTimeline(lang, 'pipeline.services.case.sla', { sla: caseSlaLabel(lang, linked.sla) })}</span>
      <span class="case-table__sub">{tTimeline(lang, 'pipeline.services.case.due', { due: shortInstant(lang, linked.dueAt) })}</span>
    </>
  );
}

function ItemsTable({ model }: { model: ServicePackageModel }) {
  const { lang } = model;
  const h = (key: Parameters<typeof tTimeline>[1]) => <th scope="col">{tTimeline(lang, key)}</th>;
  return (
    <div class="table-wrap">
      <table class="data-table case-table service-package">
        <caption>{tTimeline(lang, 'pipeline.services.table.caption')}</caption>
        <thead>
          <tr>
            {h('pipeline.services.table.title')}
            {h('pipeline.services.table.owner')}
            {h('pipeline.services.table.due')}
            {h('pipeline.services.table.status')}
            {h('pipeline.services.table.case')}
            {model.mayEdit && h('pipeline.services.table.update')}
          </tr>
        </thead>
        <tbody>
          {model.items.map(({ row, overdue, linked, form }) => (
            <tr id={`item-${row.id}`}>
              <th scope="row">{row.title}</th>
              <td>{row.owner_department_id ? ((lang === 'zh' ? row.owner_zh : row.owner_en) ?? row.owner_department_id) : tTimeline(lang, 'pipeline.services.noOwner')}</td>
              <td>
                {row.due_on ?? tTimeline(lang, 'pipeline.services.noDue')}
                {overdue && <span class="sla sla--overdue">{tTimeline(lang, 'pipeline.services.overdue')}</span>}
              </td>
              <td>{t(lang, `pipeline.item.${row.status}`)}</td>
              <td>
                <CaseCell lang={lang} linked={linked} />
              </td>
              {model.mayEdit && (
                <td>
                  <details open={form.errors.length > 0}>
                    <summary>{tTimeline(lang, 'pipeline.services.update.legend', { title: row.title })}</summary>
                    <form method="post" action={urls.staffProjectServiceItem(lang, model.project.reference, row.id)} class="staff-form">
                      <input type="hidden" name="_csrf" value={model.csrf} />
                      <ItemFields model={model} itemId={row.id} form={form} />
                      <button type="submit" class="button button--small">
                        {tTimeline(lang, 'pipeline.services.update.submit')}
                      </button>
                    </form>
                  </details>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddItem({ model }: { model: ServicePackageModel }) {
  const { lang, add } = model;
  const title = { id: idOf(null, 'title'), error: errorAt(add, idOf(null, 'title')) };
  return (
    <section aria-labelledby="add-item-title">
      <h2 id="add-item-title">{tTimeline(lang, 'pipeline.services.add')}</h2>
      <form method="post" action={urls.staffProjectServices(lang, model.project.reference)} class="staff-form">
        <input type="hidden" name="_csrf" value={model.csrf} />
        <Field lang={lang} name={title.id} label={tTimeline(lang, 'pipeline.services.field.title')} error={title.error}>
          <input id={title.id} name="title" type="text" maxLength={300} value={add.values.title ?? ''} aria-invalid={title.error ? 'true' : undefined} aria-describedby={describedBy(title.id, false, title.error)} />
        </Field>
        <ItemFields model={model} itemId={null} form={add} />
        <button type="submit" class="button">
          {tTimeline(lang, 'pipeline.services.add.submit')}
        </button>
      </form>
    </section>
  );
}

export function ServicePackageView({ model }: { model: ServicePackageModel }) {
  const { lang, project, summary } = model;
  return (
    <div class="service-package-page">
      {model.errors.length > 0 && <ErrorSummary lang={lang} errors={model.errors} />}
      <p class="case-back">
        <a href={urls.staffProject(lang, project.reference)}>{tTimeline(lang, 'pipeline.services.back', { reference: project.reference })}</a>
      </p>
      <p class="muted">{tTimeline(lang, 'pipeline.services.kicker')}</p>
      <h1>
        {project.reference}: {project.name}
      </h1>
      {model.notice && <StaffNotice text={model.notice} />}
      <p>{tTimeline(lang, 'pipeline.services.intro')}</p>
      <p role="status" id="items">
        {tTimeline(lang, 'pipeline.services.summary', { items: summary.items, open: summary.open, overdue: summary.overdue })}
      </p>
      {!model.mayEdit && <p class="muted">{tTimeline(lang, 'pipeline.services.readOnly')}</p>}
      {model.items.length === 0 ? <p>{tTimeline(lang, 'pipeline.services.none')}</p> : <ItemsTable model={model} />}
      {model.mayEdit && <AddItem model={model} />}
    </div>
  );
}

/** The answer to a change the person may not make on this project's package (403), with the way back. */
export function ServicePackageRefused({ lang, reference, message }: { lang: Lang; reference: string; message: string }) {
  return (
    <div>
      <h1>{message}</h1>
      <p>
        <a href={urls.staffProject(lang, reference)}>{tTimeline(lang, 'pipeline.services.back', { reference })}</a>
      </p>
    </div>
  );
}
