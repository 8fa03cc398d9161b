/**
 * The test runner's page (routes.staffContentRevisionTests, CONTENT_READERS): for a revision of a rule or a rule
 * parameter, every saved test profile matched against the live content and against the content with the revision
 * applied (test-runner.ts), today in Beijing; the profiles whose outcome changes, rule by rule, with the conditions
 * that changed it. `ruleTestsOf` and `RuleTestSummary` are for the revision page's short summary.
 */
import type { FastifyInstance } from 'fastify';
import { todayInBeijing } from '../../../platform/clock.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { routes, urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { findRevision, type ContentStore, type Revision, type StoredProblem } from '../../content/index.js';
import { profileFacts } from '../../matching/index.js';
import type { SearchService } from '../../search/index.js';
import { langOf, sendStaffPage } from '../../staff/index.js';
import { CONTENT_READERS } from '../editorial-access.js';
import type { EditorialServices } from '../editorial-services.js';
import { kindLabel } from '../messages.js';
import { tRules } from '../messages.rules.js';
import { anyValueWords } from './fact-words.js';
import { fieldWords } from './rule-editor.pages.js';
import { fieldOfPath } from './rule-form.js';
import { listTestProfiles } from './test-profiles.tables.js';
import { runRuleTests, storeWithItem, type LeafChange, type TestProfile, type TestRun } from './test-runner.js';
import { staleSentences, type StaleSentence } from './quoted-amounts.js';

export const TESTED_KINDS = ['rules', 'rule-parameters'] as const;

export interface RuleTests {
  today: string;
  /** The revision's schema problems: it cannot be applied, so nothing ran. */
  problems: StoredProblem[];
  run: TestRun | null;
  /** Profiles whose saved answers the questionnaire no longer accepts (not run). */
  unreadable: string[];
  /** Each profile's description, by id. */
  descriptions: Map<string, string>;
  store: ContentStore;
  /** Sentences that still quote the amount a parameter revision changes (quoted-amounts.ts). */
  stale: StaleSentence[];
}

/** Runs every saved test profile against the live content and the content with `revision` applied. */
export async function ruleTestsOf(services: EditorialServices, search: SearchService, revision: Revision, lang: Lang): Promise<RuleTests> {
  const { context } = services;
  const live = context.content.store;
  const today = todayInBeijing(context.now());
  const after = storeWithItem(live, revision.kind, revision.itemId, revision.data);
  if ('problems' in after) return { today, problems: after.problems, run: null, unreadable: [], descriptions: new Map(), store: live, stale: [] };
  const stale = revision.kind === 'rule-parameters'
    ? staleSentences(live.get('rule-parameters', revision.itemId), after.store.get('rule-parameters', revision.itemId), after.store.all('rules'))
    : [];
  const profiles: TestProfile[] = [];
  const unreadable: string[] = [];
  const descriptions = new Map<string, string>();
  for (const row of await listTestProfiles(context.db)) {
    if (row.description) descriptions.set(row.id, row.description);
    const { facts } = profileFacts(row.answers, live, search, lang);
    if (facts) profiles.push({ id: row.id, name: row.name, facts });
    else unreadable.push(row.name);
  }
  return { today, problems: [], run: runRuleTests(live, after.store, profiles, today), unreadable, descriptions, store: live, stale };
}

/** "12 test profiles ran: 1 change outcome, 11 unchanged." */
export function ruleTestSummaryText(lang: Lang, tests: RuleTests): string {
  if (!tests.run) return tRules(lang, 'editorial.rules.tests.invalid');
  const stale = tests.stale.length > 0 ? ` ${tRules(lang, 'editorial.rules.tests.staleSummary', { count: tests.stale.length })}` : '';
  if (stale) return `${tests.run.ran === 0 ? tRules(lang, 'editorial.rules.tests.noProfiles') : tRules(lang, 'editorial.rules.tests.summary', { ran: tests.run.ran, changed: tests.run.changed.length, unchanged: tests.run.unchanged })}${stale}`;
  if (tests.run.ran === 0) return tRules(lang, 'editorial.rules.tests.noProfiles');
  return tRules(lang, 'editorial.rules.tests.summary', { ran: tests.run.ran, changed: tests.run.changed.length, unchanged: tests.run.unchanged });
}

/** The summary with a link to the full results, for the revision page. */
export function RuleTestSummary({ lang, revisionId, tests }: { lang: Lang; revisionId: string; tests: RuleTests }) {
  return (
    <p class="rule-test-summary" role="status">
      {ruleTestSummaryText(lang, tests)} <a href={urls.staffContentRevisionTests(lang, revisionId)}>{tRules(lang, 'editorial.rules.tests.link')}</a>
    </p>
  );
}

function Why({ lang, store, change }: { lang: Lang; store: ContentStore; change: LeafChange }) {
  const none = tRules(lang, 'editorial.rules.tests.none');
  const needed = (v: unknown) => anyValueWords(lang, store, change.fact, v) ?? none;
  return (
    <li>
      {tRules(lang, 'editorial.rules.tests.why', {
        label: change.label[lang],
        given: anyValueWords(lang, store, change.fact, change.given) ?? tRules(lang, 'editorial.rules.tests.notGiven'),
        before: needed(change.before.needed),
        after: needed(change.after.needed),
        was: tRules(lang, `editorial.rules.tests.result.${change.before.result}`),
        is: tRules(lang, `editorial.rules.tests.result.${change.after.result}`),
      })}
      {change.param && (
        <>
          {' '}
          (<code>{change.param}</code>)
        </>
      )}
    </li>
  );
}

function TestsView({ lang, revision, tests }: { lang: Lang; revision: Revision; tests: RuleTests }) {
  const { store, run } = tests;
  const title = tRules(lang, 'editorial.rules.tests.title', { revision: revision.id });
  const outcome = (o: string) => tRules(lang, `editorial.rules.tests.outcome.${o as 'applies'}`);
  return (
    <>
      <p>
        <a href={urls.staffContentRevision(lang, revision.id)}>{tRules(lang, 'editorial.rules.tests.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{tRules(lang, 'editorial.rules.tests.of', { kind: kindLabel(lang, revision.kind), id: revision.itemId })}</p>
      {revision.data === null && <p>{tRules(lang, 'editorial.rules.tests.withdrawal')}</p>}
      <p class="lead">{tRules(lang, 'editorial.rules.tests.lead', { date: tests.today })}</p>
      {!run ? (
        <div class="error-summary" role="alert">
          <p>{tRules(lang, 'editorial.rules.tests.invalid')}</p>
          <ul>
            {tests.problems.map((p) => (
              <li>
                {revision.kind === 'rules' ? fieldWords(lang, fieldOfPath(p.path)) : p.path.join('.')}: <span lang="en">{p.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p class="result-count" role="status">
            <strong>{run.ran === 0 ? tRules(lang, 'editorial.rules.tests.ran', { count: 0 }) : ruleTestSummaryText(lang, tests)}</strong>
          </p>
          {run.ran === 0 && (
            <p>
              {tRules(lang, 'editorial.rules.tests.noProfiles')} <a href={urls.staffContentTestProfiles(lang)}>{tRules(lang, 'editorial.rules.profiles.title')}</a>
            </p>
          )}
          {tests.stale.length > 0 && (
            <div class="error-summary" role="alert">
              <h2>{tRules(lang, 'editorial.rules.tests.staleTitle')}</h2>
              <p>{tRules(lang, 'editorial.rules.tests.staleAbout')}</p>
              <ul>
                {tests.stale.map((s) => (
                  <li>
                    {s.ruleId ? (
                      <a href={urls.staffContentEdit(lang, 'rules', s.ruleId)}>{tRules(lang, 'editorial.rules.tests.staleRule', { rule: s.ruleId })}</a>
                    ) : (
                      tRules(lang, 'editorial.rules.tests.staleName')
                    )}
                    : <q lang={s.lang}>{s.sentence}</q>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {tests.unreadable.length > 0 && <p>{tRules(lang, 'editorial.rules.tests.unreadable', { names: tests.unreadable.join(', ') })}</p>}
          <section aria-labelledby="changed">
            <h2 id="changed">{tRules(lang, 'editorial.rules.tests.changedTitle')}</h2>
            {run.changed.length === 0 && <p>{tRules(lang, 'editorial.rules.tests.noneChanged')}</p>}
            {run.changed.map(({ profile, rules }) => (
              <article class="panel rule-test-profile">
                <h3>{profile.name}</h3>
                {tests.descriptions.get(profile.id) && <p class="hint">{tests.descriptions.get(profile.id)}</p>}
                <table class="staff-table">
                  <caption class="visually-hidden">{tRules(lang, 'editorial.rules.tests.rulesCaption', { name: profile.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tRules(lang, 'editorial.rules.tests.col.rule')}</th>
                      <th scope="col">{tRules(lang, 'editorial.rules.tests.col.policy')}</th>
                      <th scope="col">{tRules(lang, 'editorial.rules.tests.col.outcome')}</th>
                      <th scope="col">{tRules(lang, 'editorial.rules.tests.col.why')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rules.map((r) => (
                      <tr>
                        <th scope="row">
                          <a href={urls.staffContentItem(lang, 'rules', r.ruleId)}>
                            <code>{r.ruleId}</code>
                          </a>
                        </th>
                        <td>{store.get('policies', r.policy)?.[lang].title ?? r.policy}</td>
                        <td class="rule-test-outcome">
                          {outcome(r.before)} → <strong>{outcome(r.after)}</strong>
                        </td>
                        <td>
                          {r.leaves.length ? (
                            <ul>
                              {r.leaves.map((change) => (
                                <Why lang={lang} store={store} change={change} />
                              ))}
                            </ul>
                          ) : (
                            tRules(lang, 'editorial.rules.tests.whyNoLeaf')
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </article>
            ))}
          </section>
          <p>{tRules(lang, 'editorial.rules.tests.unchanged', { count: run.unchanged })}</p>
        </>
      )}
    </>
  );
}

export function registerTestRunnerPage(app: FastifyInstance, services: EditorialServices, search: SearchService): void {
  app.get(routes.staffContentRevisionTests, { config: { staffGuard: { roles: CONTENT_READERS } } }, async (request, reply) => {
    const lang = langOf(request);
    const { revision: id } = request.params as { revision: string };
    const revision = /^\d{1,18}$/.test(id) ? await findRevision(services.context.db, id) : null;
    if (!revision || !(TESTED_KINDS as readonly string[]).includes(revision.kind)) throw new NotFoundError('No revision of a rule or rule parameter here.');
    const tests = await ruleTestsOf(services, search, revision, lang);
    return sendStaffPage(request, reply, lang, tRules(lang, 'editorial.rules.tests.title', { revision: revision.id }), <TestsView lang={lang} revision={revision} tests={tests} />);
  });
}
