/**
 * "Plan my investment": the questionnaire once, then one page with policies for me, market access, suggested
 * locations, a cost estimate for the chosen location and the setup plan. The URL carries the whole profile, so the
 * plan can be shared or printed; nothing personal is stored.
 */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform, isLang, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { tSites } from '../sites/index.js';
import { tMatching } from '../matching/index.js';
import { tEstimator } from '../estimator/index.js';
import { tCosts } from '../costs/index.js';
import { tProcedures } from '../procedures/index.js';
import { InvalidRequestError, NotFoundError } from '../../platform/http/errors.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Bullets, PageHeader, Section, bi, formatNumber } from '../../platform/views/components.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import type { ContentService, ContentStore } from '../content/index.js';
import { todayInBeijing, icsStamp } from '../../platform/clock.js';
import { ContactCard } from '../directory/index.js';
import { checkMarketAccess } from '../market-access/index.js';
import { marketAccessOf } from '../market-access/index.js';
import { AccessVerdict } from '../market-access/index.js';
import type { Facts } from '../matching/index.js';
import { matchPolicies } from '../matching/index.js';
import { PROFILE_QUERY, profileFacts } from '../matching/index.js';
import { ruleBookOf } from '../matching/index.js';
import { MatchResults, NextQuestions } from '../matching/index.js';
import { AlertSubscribeForm, ProfileForm, profileFromQuery } from '../matching/index.js';
import type { SearchService } from '../search/index.js';
import { rankSites } from '../sites/index.js';
import { questionsToAsk } from '../matching/index.js';
import { RankedList } from '../sites/index.js';
import { buildPlan, planIcs } from './plan.js';
import { activitySteps, businessAreaOf, firstDeadline, planEstimate, policyCounts, type PlanEstimate } from './plan-summary.js';
import { licenceNote, PlanSummary } from './views/plan-summary.js';
import { fieldNames, parseForm, type RawForm } from '../../platform/http/form.js';
import { planForm, START_RANGE, type PlanInput } from './plan.form.js';


/** The plan's own fields read (never refused here), and the start date: the one given, or today in Beijing. */
function readPlanForm(query: RawForm, lang: Lang, today: string) {
  const form = parseForm(planForm, query, lang);
  const badStart = form.errors.some((e) => e.field === 'start');
  return { input: form.input, area: form.valid.office_area, start: form.valid.start ?? today, badStart };
}

/** Links from each section to its full tool carry the answers already given, so nothing is typed twice. */
function toolLinks(lang: Lang, store: ContentStore, facts: Facts, activity: string, extras: PlanInput) {
  const district = typeof facts.district === 'string' ? facts.district : '';
  const withQuery = (path: string, params: Record<string, string>) => {
    const filled = Object.entries(params).filter(([, v]) => v !== '');
    return filled.length ? `${path}?${new URLSearchParams(filled).toString()}` : path;
  };
  return {
    access: withQuery(urls.marketAccess(lang), {
      activity,
      in_ftz: facts.in_ftz === true ? 'yes' : '',
      foreign_share_pct: typeof facts.foreign_share_pct === 'number' ? String(facts.foreign_share_pct) : '',
    }),
    estimator: withQuery(urls.estimator(lang), {
      location1: district && businessAreaOf(store, district) ? `${district}|${businessAreaOf(store, district)}` : district,
      office_area: extras.office_area ?? '',
      staff: typeof facts.staff === 'number' ? String(facts.staff) : '',
      salary: extras.salary ?? '',
    }),
  };
}

function CostSection({ lang, cost }: { lang: Lang; cost: PlanEstimate | null }) {
  if (!cost) return <p>{t(lang, 'plan.costNeeds')}</p>;
  const { estimate } = cost;
  return (
    <>
      <ul class="bullets">
        {estimate.components.map((c) => (
          <li>
            {c.name[lang]}: {c.amount_range_cny ? `${formatNumber(c.amount_range_cny.min, lang)}–${formatNumber(c.amount_range_cny.max, lang)}` : c.amount_cny === null ? tEstimator(lang, 'estimator.notPriced') : formatNumber(c.amount_cny, lang)} {tEstimator(lang, 'estimator.yuan')} <span class="muted">({c.formula_text[lang]})</span>
          </li>
        ))}
      </ul>
      <p>
        <strong>
          {t(lang, 'plan.cost.totalPerYear')}: {formatNumber(estimate.total, lang)} {tEstimator(lang, 'estimator.yuan')}
        </strong>{' '}
        · {tEstimator(lang, 'estimator.totalRange')}: {formatNumber(estimate.total_range.min, lang)}–{formatNumber(estimate.total_range.max, lang)}
      </p>
      <Bullets items={estimate.notes.map((n) => n[lang])} />
    </>
  );
}

const PLAN_FACTS = ['industry', 'activity', 'business_lines', 'entity_type', 'district', 'staff', 'hires_foreign_staff', 'imports_goods'] as const;

export function registerPlanPages(app: FastifyInstance, deps: PageDeps, content: ContentService, search: SearchService): void {
  registerPage(app, deps, routes.plan, ({ lang, store, query, path, today }) => {
    const { facts, known, errors, answered } = profileFacts(query, store, search, lang);
    const ready = facts && answered;
    const book = ruleBookOf(store);
    // The same facts (profileFacts) and the same "today" as Policies for me, so both pages list the same policies.
    const match = ready ? matchPolicies(book, store, facts, today) : null;
    const answeredKeys = profileFromQuery(query);
    const activity = typeof answeredKeys.activity === 'string' ? answeredKeys.activity : '';
    const extras = readPlanForm(query, lang, today);
    const accessResult = ready && activity.length >= 2 ? checkMarketAccess(marketAccessOf(store), { activity, inFtz: facts.in_ftz === true, foreignSharePct: typeof facts.foreign_share_pct === 'number' ? facts.foreign_share_pct : undefined }) : null;
    const area = extras.area;
    const siteQuery: Record<string, string> = {
      ...(typeof facts?.industry === 'string' ? { industry: facts.industry } : {}),
      ...(facts?.in_ftz === true ? { ftz: 'yes' } : {}),
      ...(facts?.imports_goods === true ? { bonded: 'yes' } : {}),
      ...(area !== undefined ? { area: String(area) } : {}),
    };
    const sites = ready
      ? rankSites(store, { industry: siteQuery.industry, needs: { ftz: facts.in_ftz === true, bonded_zone: facts.imports_goods === true, near_airport: false, same_industry_cluster: false, area_m2: area }, limit: 3 })
      : null;
    const start = extras.start;
    // The plan needs a few answers the policy rules may not: what the company does (market access), where (contacts,
    // costs), staff and imports (steps). Those still missing are asked first, then the most decisive policy questions.
    const planAsks = PLAN_FACTS.filter((fact) => answeredKeys[fact] === undefined).map((fact) => ({ fact, hint: t(lang, `plan.needed.${fact}`) }));
    const ask = questionsToAsk(lang, errors, match?.nextQuestions ?? matchPolicies(book, store, known, today).nextQuestions, planAsks);
    const links = toolLinks(lang, store, facts ?? {}, activity, extras.input);
    const steps = ready ? buildPlan(store.all('plan-steps'), store, facts, start) : [];
    const cost = ready ? planEstimate(store, facts, extras.input.office_area ?? '', extras.input.salary ?? '') : null;
    const chosen = typeof facts?.district === 'string' ? store.get('districts', facts.district) : undefined;
    const profileQuery = new URLSearchParams(Object.entries(profileFromQuery(query)).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString();
    return {
      title: t(lang, 'plan.title'),
      description: t(lang, 'plan.lead'),
      section: 'nav.tool.plan',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: t(lang, 'plan.title') }],
      sources: steps.flatMap((s) => s.procedures.flatMap((p) => p.sources.slice(0, 1))).concat(store.costs[0].sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'plan.title')} lead={t(lang, 'plan.lead')} />
          {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
          {ready && match && (
            <>
              <PlanSummary
                lang={lang}
                chosenDistrict={chosen ? { en: chosen.en.name, zh: chosen.zh.name } : undefined}
                ranked={sites ? [...sites.districts.slice(0, 2), ...sites.parks.slice(0, 1)] : []}
                cost={cost}
                policies={policyCounts(match.results)}
                access={accessResult}
                steps={steps.length}
                deadline={firstDeadline(steps)}
                addedSteps={activitySteps(steps)}
                today={today}
              />
              <p class="panel">
                {t(lang, 'plan.share')} <a href={path}>{t(lang, 'plan.thisLink')}</a> · <a href={`${urls.planIcs(lang)}?${profileQuery}&start=${start}`}>{t(lang, 'plan.ics')}</a>
              </p>
              <Section id="policies" title={tMatching(lang, 'match.resultsTitle')}>
                <p class="result-count">{tMatching(lang, 'match.summary', policyCounts(match.results))}</p>
                <NextQuestions questions={match.nextQuestions} lang={lang} />
                <MatchResults results={match.results} store={store} lang={lang} collapseAfter={3} />
                <p>
                  <a href={`${urls.policiesForMe(lang)}?${profileQuery}`}>{t(lang, 'plan.allPolicies')}</a>
                </p>
                <AlertSubscribeForm lang={lang} origin="plan" profile={answeredKeys} headingLevel={3} />
              </Section>
              <Section id="market-access" title={tPlatform(lang, 'access.title')}>
                {accessResult ? <AccessVerdict result={accessResult} lang={lang} /> : <p>{t(lang, 'plan.accessNeeds')}</p>}
                <p>
                  <a href={links.access}>{tPlatform(lang, 'access.title')}</a>
                </p>
              </Section>
              <Section id="locations" title={tSites(lang, 'sites.locations')}>
                {sites && (
                  <>
                    <h3>{tSites(lang, 'sites.kind.district')}</h3>
                    <RankedList locations={sites.districts} lang={lang} />
                    {sites.parks.length > 0 && (
                      <>
                        <h3>{tSites(lang, 'sites.kind.park')}</h3>
                        <RankedList locations={sites.parks.slice(0, 2)} lang={lang} />
                      </>
                    )}
                    {sites.clusters.length > 0 && (
                      <>
                        <h3>{tSites(lang, 'sites.kind.ftz_cluster')}</h3>
                        <RankedList locations={sites.clusters.slice(0, 2)} lang={lang} />
                      </>
                    )}
                  </>
                )}
                <p>
                  <a href={`${urls.sites(lang)}?${new URLSearchParams(siteQuery).toString()}`}>{tPlatform(lang, 'sites.title')}</a>
                </p>
              </Section>
              <Section id="costs" title={t(lang, 'plan.costsTitle')}>
                <CostSection lang={lang} cost={cost} />
                <p>
                  <a href={links.estimator}>{tCosts(lang, 'costs.estimate')}</a>
                </p>
              </Section>
              <Section id="steps" title={t(lang, 'plan.steps')}>
                <p class="panel licence-note">
                  {licenceNote(activitySteps(steps), lang)}
                  {accessResult && (accessResult.verdict === 'restricted' || accessResult.verdict === 'opened_by_beijing_pilot') && (
                    <>
                      {' '}
                      <a href="#market-access">{t(lang, 'plan.licences.accessConditions')}</a>
                    </>
                  )}
                </p>
                <ol class="steps">
                  {steps.map((step) => (
                    <li class="step">
                      <h3 class="step__title">{step.template[lang].title}</h3>
                      {step.template.only_activity && <p class="tag">{t(lang, 'plan.licences.forActivity')}</p>}
                      <ul class="link-list">
                        {step.procedures.map((p) => (
                          <li>
                            <a href={urls.procedure(lang, p.id)}>{p[lang].title}</a>
                            {p.steps[0]?.authority && <span class="muted"> — {bi(p.steps[0].authority, lang)}</span>}
                          </li>
                        ))}
                      </ul>
                      {step.procedures[0].steps.flatMap((s) => s[lang].documents).length > 0 && (
                        <details>
                          <summary>{tProcedures(lang, 'procedures.documents')}</summary>
                          <Bullets items={step.procedures[0].steps.flatMap((s) => s[lang].documents).slice(0, 12)} />
                        </details>
                      )}
                      {step.template.obligation && (
                        <p class="obligation">
                          <strong>{step.template.obligation[lang]}</strong>
                          {step.obligation && ` (${step.obligation.start} – ${step.obligation.end})`}
                        </p>
                      )}
                      {step.contacts.length > 0 && (
                        <ul class="contact-grid">
                          {step.contacts.slice(0, 3).map((c) => (
                            <ContactCard contact={c} lang={lang} />
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ol>
              </Section>
            </>
          )}
          <Section id="questionnaire" title={tMatching(lang, answered ? 'match.refine' : 'match.start')}>
            <ProfileForm lang={lang} store={store} query={query} action={urls.plan(lang)} submitLabel={t(lang, 'plan.submit')} ask={ask} carry={extras.input}>
              <fieldset>
                <legend>{t(lang, 'plan.extra')}</legend>
                <div class="form-grid">
                  <div class="field">
                    <label for="office_area">{tEstimator(lang, 'estimator.officeArea')}</label>
                    <input id="office_area" name="office_area" inputMode="decimal" value={extras.input.office_area ?? ''} />
                  </div>
                  <div class="field">
                    <label for="salary">{tEstimator(lang, 'estimator.salary')}</label>
                    <input id="salary" name="salary" inputMode="decimal" value={extras.input.salary ?? ''} />
                  </div>
                  <div class="field">
                    <label for="start">{t(lang, 'plan.start')}</label>
                    <input id="start" name="start" type="date" value={extras.input.start ?? ''} />
                  </div>
                </div>
              </fieldset>
            </ProfileForm>
          </Section>
          <p class="muted">{t(lang, 'plan.disclaimer')}</p>
        </>
      ),
    };
  }, { dependsOnDate: true, query: [...PROFILE_QUERY, ...fieldNames(planForm)] });

  app.get(routes.planIcs, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (!isLang(lang)) throw new NotFoundError('Plans exist under /en and /zh.');
    const query = request.query as RawForm;
    const { facts } = profileFacts(query, content.store, search, lang);
    const now = deps.clock();
    const extras = readPlanForm(query, lang, todayInBeijing(now));
    if (extras.badStart) {
      throw new InvalidRequestError(`The start date "${(extras.input.start ?? '').slice(0, 20)}" is not a real date between ${START_RANGE.min} and ${START_RANGE.max} (YYYY-MM-DD).`, [
        { name: 'start', reason: `a real calendar date from ${START_RANGE.min} to ${START_RANGE.max}, written YYYY-MM-DD` },
      ]);
    }
    if (!facts) {
      throw new InvalidRequestError('The profile in this link is not valid; open the plan page again.', [{ name: 'profile', reason: 'the answers in this link are not valid' }]);
    }
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="invest-beijing-obligations.ics"')
      .send(planIcs(buildPlan(content.store.all('plan-steps'), content.store, facts, extras.start), lang, icsStamp(now)));
  });
}
