/** One URL of every public page type, for page tests, browser tests and the sitemap of checks. */
import { urls } from '../../src/platform/http/urls.js';
import type { ContentStore } from '../../src/modules/content/index.js';
import type { Lang } from '../../src/platform/i18n/i18n.js';

export function everyPageType(store: ContentStore, lang: Lang): Record<string, string> {
  const first = <K extends Parameters<ContentStore['all']>[0]>(kind: K) => store.all(kind)[0].id;
  const article = store.articles[0];
  const cluster = store.all('zones').find((z) => z.zone_type === 'ftz_cluster')!;
  const policyWithParts = store.policies.find((p) => p.parts.length > 0)!;
  const procedureWithTable = store.procedures.find((p) => p.tables.length > 0)!;
  return {
    home: urls.home(lang),
    overview: urls.overview(lang),
    statistics: urls.statistics(lang),
    article: urls.article(lang, article.section, article.id),
    twoZones: urls.twoZones(lang),
    zone: urls.zone(lang, cluster.id),
    industries: urls.industries(lang),
    industry: urls.industry(lang, first('industries')),
    parks: urls.parks(lang),
    park: urls.park(lang, first('parks')),
    projects: urls.projects(lang, { district: 'haidian' }),
    districts: urls.districts(lang),
    district: urls.district(lang, 'haidian'),
    map: urls.map(lang),
    mapFtz: urls.map(lang, 'ftz'),
    policies: urls.policies(lang),
    policiesFaceted: `${urls.policies(lang)}?topic=rd-centers&audience=foreign-invested-enterprises&sort=newest`,
    search: urls.search(lang, { q: lang === 'zh' ? '海淀区商务局' : 'commerce bureau' }),
    searchEmpty: urls.search(lang),
    ask: urls.ask(lang, lang === 'zh' ? '海淀区商务局电话是多少' : 'What is the phone number of the Haidian commerce bureau?'),
    askNothing: urls.ask(lang, 'qqqzzz xxyyzz'),
    plan: `${urls.plan(lang)}?industry=pharmaceutical-health&entity_type=rd_center&district=haidian&paid_in_capital_usd=8000000&staff=60&hires_foreign_staff=yes&office_area=600&salary=15000&activity=hospital`,
    planEmpty: urls.plan(lang),
    sites: `${urls.sites(lang)}?industry=pharmaceutical-health&ftz=yes&space=industrial&area=600&compare=haidian&compare=park:beijing-etdz&compare=project:changping-1`,
    policiesForMe: `${urls.policiesForMe(lang)}?entity_type=rd_center&district=haidian&whatif_fact=district&whatif_value=bda`,
    marketAccess: `${urls.marketAccess(lang)}?activity=app+store`,
    estimator: `${urls.estimator(lang)}?location1=haidian%7CZhongguancun&location2=changping&office_area=600&staff=60&salary=15000`,
    workingDays: urls.workingDays(lang, { from: '2026-09-30', add: 7 }),
    workingDaysEmpty: urls.workingDays(lang),
    servicePerformance: urls.servicePerformance(lang),
    policy: urls.policy(lang, policyWithParts.id),
    procedures: urls.procedures(lang),
    procedure: urls.procedure(lang, procedureWithTable.id),
    life: urls.life(lang),
    costs: urls.costs(lang),
    directory: urls.directory(lang),
    glossary: urls.glossary(lang),
    about: urls.about(lang),
  };
}
