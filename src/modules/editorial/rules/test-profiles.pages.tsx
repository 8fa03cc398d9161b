/**
 * Rule test profiles: the investors the test runner matches a rule change against. A profile is the answers to the
 * public questionnaire (/policies-for-me), entered field by field or taken from a pasted Policies for me address, and
 * read by the same code as that page (profileFacts). List for CONTENT_READERS; create, edit and remove for
 * CONTENT_EDITORS, each audited (content.test_profile_saved / content.test_profile_removed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../platform/http/errors.js';
import { routes, urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, RowActionForm, type FieldError } from '../../../platform/views/forms.js';
import { FACT_NAMES, FACTS, type ContentStore, type FactName } from '../../content/index.js';
import { profileFacts, profileFromQuery } from '../../matching/index.js';
import type { SearchService } from '../../search/index.js';
import { describedBy, langOf, sendStaffPage, StaffField, StaffNotice, staffTimeFormat } from '../../staff/index.js';
import { CONTENT_EDITORS, CONTENT_READERS } from '../editorial-access.js';
import type { EditorialServices } from '../editorial-services.js';
import { tRules } from '../messages.rules.js';
import { anyValueWords, factLabel, valueWords } from './fact-words.js';
import { allowedValues } from './rule-form.js';
import { findTestProfile, listTestProfiles, removeTestProfile, saveTestProfile, TestProfileNameTaken, type ProfileAnswers, type TestProfileRow } from './test-profiles.tables.js';

const readers = { config: { staffGuard: { roles: CONTENT_READERS } } };
const editors = { config: { staffGuard: { roles: CONTENT_EDITORS } } };

/** The answers as a query string (for "open in Policies for me"). */
export function answersQuery(answers: ProfileAnswers): string {
  return new URLSearchParams(Object.entries(answers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString();
}

/** The answers a Policies for me (or plan) address carries, or null when it is not one or carries none. */
export function answersOfAddress(address: string): ProfileAnswers | null {
  let url: URL;
  try {
    url = new URL(address, 'https://invest.example');
  } catch {
    return null;
  }
  if (!/^\/(en|zh)\/(policies-for-me|plan)\/?$/.test(url.pathname)) return null;
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const had = query[k];
    query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  const answers = profileFromQuery(query);
  return Object.keys(answers).length ? answers : null;
}

/** One line of the answers in words: "Type of entity: R&D centre · Paid-in capital: 1500000". */
export function answersWords(lang: Lang, store: ContentStore, answers: ProfileAnswers): string {
  const parts = FACT_NAMES.filter((f) => answers[f] !== undefined).map((f) => {
    const v = answers[f];
    const values = (Array.isArray(v) ? v : [v]).map((x) => (FACTS[f].type === 'boolean' ? tRules(lang, ['true', 'yes', 'on', '是'].includes(x) ? 'editorial.rules.profiles.yes' : 'editorial.rules.profiles.no') : FACTS[f].type === 'number' && Number.isFinite(Number(x)) ? (anyValueWords(lang, store, f, Number(x)) ?? x) : valueWords(lang, store, f, x)));
    return `${factLabel(lang, f)}: ${values.join(lang === 'zh' ? '、' : ', ')}`;
  });
  return parts.length ? parts.join(' · ') : tRules(lang, 'editorial.rules.profiles.noAnswers');
}

interface ProfileFormValues {
  name: string;
  description: string;
  address: string;
  answers: ProfileAnswers;
}

function AnswerField({ lang, store, fact, answers, error }: { lang: Lang; store: ContentStore; fact: FactName; answers: ProfileAnswers; error?: string }) {
  const type = FACTS[fact].type;
  const given = answers[fact];
  const one = Array.isArray(given) ? (given[0] ?? '') : (given ?? '');
  const label = factLabel(lang, fact);
  const notGiven = tRules(lang, 'editorial.rules.profiles.notGiven');
  const aria = describedBy(fact, false, error);
  if (type === 'set') {
    const values = allowedValues(fact, store) ?? [];
    const chosen = Array.isArray(given) ? given : given ? given.split(',') : [];
    return (
      <fieldset id={`field-${fact}`} class={`rule-values${error ? ' field--error' : ''}`}>
        <legend>{label}</legend>
        {error && <p class="field__error">{error}</p>}
        <div class="rule-values__list">
          {values.map((v, i) => (
            <div class="checkbox">
              <input type="checkbox" id={`${fact}.${i}`} name={fact} value={v} checked={chosen.includes(v)} />
              <label for={`${fact}.${i}`}>{valueWords(lang, store, fact, v)}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  let input;
  if (type === 'boolean') {
    const yes = ['true', 'yes', 'on', '是'].includes(one);
    const no = ['false', 'no', '否'].includes(one);
    input = (
      <select id={fact} name={fact} aria-describedby={aria}>
        <option value="">{notGiven}</option>
        <option value="true" selected={yes}>{tRules(lang, 'editorial.rules.profiles.yes')}</option>
        <option value="false" selected={no}>{tRules(lang, 'editorial.rules.profiles.no')}</option>
      </select>
    );
  } else if (type === 'number' || type === 'text') {
    input = <input id={fact} name={fact} type="text" value={one} inputmode={type === 'number' ? 'decimal' : undefined} aria-describedby={aria} aria-invalid={error ? 'true' : undefined} />;
  } else {
    const values = allowedValues(fact, store) ?? [];
    input = (
      <select id={fact} name={fact} aria-describedby={aria} aria-invalid={error ? 'true' : undefined}>
        <option value="">{notGiven}</option>
        {one && !values.includes(one) && <option value={one} selected>{one}</option>}
        {values.map((v) => (
          <option value={v} selected={v === one}>
            {valueWords(lang, store, fact, v)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div id={`field-${fact}`}>
      <StaffField lang={lang} name={fact} label={label} error={error}>
        {input}
      </StaffField>
    </div>
  );
}

function ProfileFormView({ lang, csrf, action, store, values, errors, title }: { lang: Lang; csrf: string; action: string; store: ContentStore; values: ProfileFormValues; errors: FieldError[]; title: string }) {
  const errorAt = new Map(errors.map((e) => [e.field, e.message]));
  return (
    <>
      <p>
        <a href={urls.staffContentTestProfiles(lang)}>{tRules(lang, 'editorial.rules.profiles.title')}</a>
      </p>
      <h1>{title}</h1>
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <StaffField lang={lang} name="name" label={tRules(lang, 'editorial.rules.profiles.name')} error={errorAt.get('name')}>
          <input id="name" name="name" type="text" value={values.name} maxLength={200} required aria-describedby={describedBy('name', false, errorAt.get('name'))} aria-invalid={errorAt.has('name') ? 'true' : undefined} />
        </StaffField>
        <StaffField lang={lang} name="description" label={tRules(lang, 'editorial.rules.profiles.description')} error={errorAt.get('description')}>
          <textarea id="description" name="description" rows={3} maxLength={2000}>
            {values.description}
          </textarea>
        </StaffField>
        <StaffField lang={lang} name="address" label={tRules(lang, 'editorial.rules.profiles.paste')} hint={tRules(lang, 'editorial.rules.profiles.pasteHint')} error={errorAt.get('address')}>
          <input id="address" name="address" type="text" value={values.address} aria-describedby={describedBy('address', true, errorAt.get('address'))} aria-invalid={errorAt.has('address') ? 'true' : undefined} />
        </StaffField>
        <fieldset>
          <legend>{tRules(lang, 'editorial.rules.profiles.answers')}</legend>
          <p class="hint">{tRules(lang, 'editorial.rules.profiles.answersHelp')}</p>
          {FACT_NAMES.map((fact) => (
            <AnswerField lang={lang} store={store} fact={fact} answers={values.answers} error={errorAt.get(`field-${fact}`)} />
          ))}
        </fieldset>
        <button type="submit" class="button">
          {tRules(lang, 'editorial.rules.profiles.save')}
        </button>
      </form>
    </>
  );
}

function ProfileListView({ lang, csrf, store, profiles, editor, notice }: { lang: Lang; csrf: string; store: ContentStore; profiles: TestProfileRow[]; editor: boolean; notice?: string }) {
  return (
    <>
      <h1>{tRules(lang, 'editorial.rules.profiles.title')}</h1>
      <p class="lead">{tRules(lang, 'editorial.rules.profiles.lead')}</p>
      {notice && <StaffNotice text={notice} />}
      {editor && (
        <p>
          <a class="button" href={urls.staffContentTestProfileNew(lang)}>
            {tRules(lang, 'editorial.rules.profiles.new')}
          </a>
        </p>
      )}
      {profiles.length === 0 ? (
        <p>{tRules(lang, 'editorial.rules.profiles.none')}</p>
      ) : (
        <>
          <p>{tRules(lang, 'editorial.rules.profiles.count', { count: profiles.length })}</p>
          <table class="staff-table">
            <caption class="visually-hidden">{tRules(lang, 'editorial.rules.profiles.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{tRules(lang, 'editorial.rules.profiles.col.name')}</th>
                <th scope="col">{tRules(lang, 'editorial.rules.profiles.col.answers')}</th>
                <th scope="col">{tRules(lang, 'editorial.rules.profiles.col.updated')}</th>
                <th scope="col">{tRules(lang, 'editorial.rules.profiles.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {profiles.map((p) => (
                <tr>
                  <th scope="row">
                    {editor ? <a href={urls.staffContentTestProfile(lang, p.id)}>{p.name}</a> : p.name}
                    {p.description && <p class="hint">{p.description}</p>}
                  </th>
                  <td>{answersWords(lang, store, p.answers)}</td>
                  <td>{staffTimeFormat[lang].format(p.updatedAt)}</td>
                  <td>
                    <a href={`${urls.policiesForMe(lang)}?${answersQuery(p.answers)}`}>{tRules(lang, 'editorial.rules.profiles.open')}</a>
                    {editor && (
                      <RowActionForm action={urls.staffContentTestProfileRemove(lang, p.id)} csrf={csrf} label={tRules(lang, 'editorial.rules.profiles.remove')} which={p.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

export function registerTestProfilePages(app: FastifyInstance, services: EditorialServices, search: SearchService): void {
  const { context } = services;

  app.get(routes.staffContentTestProfiles, readers, async (request, reply) => {
    const lang = langOf(request);
    const notice = (request.query as { notice?: string }).notice;
    const text = notice === 'saved' ? tRules(lang, 'editorial.rules.profiles.notice.saved') : notice === 'removed' ? tRules(lang, 'editorial.rules.profiles.notice.removed') : undefined;
    const profiles = await listTestProfiles(context.db);
    const view = <ProfileListView lang={lang} csrf={request.staff!.csrfToken} store={context.content.store} profiles={profiles} editor={CONTENT_EDITORS.includes(request.staff!.role)} notice={text} />;
    return sendStaffPage(request, reply, lang, tRules(lang, 'editorial.rules.profiles.title'), view);
  });

  function renderForm(request: FastifyRequest, reply: FastifyReply, profile: TestProfileRow | null, values: ProfileFormValues, errors: FieldError[], status = 200) {
    const lang = langOf(request);
    const title = profile ? tRules(lang, 'editorial.rules.profiles.edit', { name: profile.name }) : tRules(lang, 'editorial.rules.profiles.new');
    const action = profile ? urls.staffContentTestProfile(lang, profile.id) : urls.staffContentTestProfileNew(lang);
    const view = <ProfileFormView lang={lang} csrf={request.staff!.csrfToken} action={action} store={context.content.store} values={values} errors={errors} title={title} />;
    return sendStaffPage(request, reply, lang, title, view, status);
  }

  async function save(request: FastifyRequest, reply: FastifyReply, profile: TestProfileRow | null) {
    const lang = langOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
    const values: ProfileFormValues = { name: str(body.name).slice(0, 200), description: str(body.description).slice(0, 2000), address: str(body.address).slice(0, 4000), answers: profileFromQuery(body) };
    const errors: FieldError[] = [];
    if (!values.name) errors.push({ field: 'name', message: tRules(lang, 'editorial.rules.problem.required', { field: tRules(lang, 'editorial.rules.profiles.name') }) });
    if (values.address) {
      const pasted = answersOfAddress(values.address);
      if (pasted) values.answers = pasted;
      else errors.push({ field: 'address', message: tRules(lang, 'editorial.rules.profiles.badAddress') });
    }
    // Read as Policies for me reads them: an answer that page would refuse is refused here, at its field.
    errors.push(...profileFacts(values.answers, context.content.store, search, lang).errors);
    if (errors.length) return renderForm(request, reply, profile, values, errors, 400);
    try {
      await saveTestProfile(context.db, { userId: request.staff!.userId, requestId: request.id }, context.now(), { id: profile?.id, name: values.name, description: values.description || null, answers: values.answers });
    } catch (error) {
      if (!(error instanceof TestProfileNameTaken)) throw error;
      return renderForm(request, reply, profile, values, [{ field: 'name', message: tRules(lang, 'editorial.rules.profiles.nameTaken') }], 409);
    }
    return reply.redirect(urls.staffContentTestProfiles(lang, { notice: 'saved' }), 303);
  }

  async function profileOr404(request: FastifyRequest) {
    const profile = await findTestProfile(context.db, (request.params as { id: string }).id);
    if (!profile) throw new NotFoundError('No such test profile.');
    return profile;
  }

  app.get(routes.staffContentTestProfileNew, editors, async (request, reply) => renderForm(request, reply, null, { name: '', description: '', address: '', answers: {} }, []));
  app.post(routes.staffContentTestProfileNew, editors, async (request, reply) => save(request, reply, null));
  app.get(routes.staffContentTestProfile, editors, async (request, reply) => {
    const profile = await profileOr404(request);
    return renderForm(request, reply, profile, { name: profile.name, description: profile.description ?? '', address: '', answers: profile.answers }, []);
  });
  app.post(routes.staffContentTestProfile, editors, async (request, reply) => save(request, reply, await profileOr404(request)));
  app.post(routes.staffContentTestProfileRemove, editors, async (request, reply) => {
    const lang = langOf(request);
    const removed = await removeTestProfile(context.db, { userId: request.staff!.userId, requestId: request.id }, context.now(), (request.params as { id: string }).id);
    if (!removed) throw new NotFoundError('No such test profile.');
    return reply.redirect(urls.staffContentTestProfiles(lang, { notice: 'removed' }), 303);
  });
}
