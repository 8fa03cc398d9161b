/** /:lang/market-access: can a foreign investor do this activity in Beijing, and on what terms? */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { tMatching } from '../matching/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section } from '../../platform/views/components.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import { checkMarketAccess } from './check.js';
import { marketAccessOf } from './market-access.data.js';
import { AccessVerdict } from './views/access-verdict.js';
import { fieldNames, parseForm } from '../../platform/http/form.js';
import { marketAccessForm, MIN_ACTIVITY_CHARS } from './market-access.form.js';


export function registerMarketAccessPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.marketAccess, ({ lang, store, query }) => {
    const form = parseForm(marketAccessForm, query, lang);
    const activity = form.input.activity ?? '';
    const inFtz = form.valid.in_ftz === true;
    const badShare = form.errors.some((e) => e.field === 'foreign_share_pct');
    const result = form.value && activity.length >= MIN_ACTIVITY_CHARS ? checkMarketAccess(marketAccessOf(store), { activity, inFtz, foreignSharePct: form.value.foreign_share_pct }) : null;
    return {
      title: tPlatform(lang, 'access.title'),
      description: t(lang, 'access.lead'),
      section: 'nav.tool.marketAccess',
      status: form.errors.length ? 400 : 200,
      crumbs: [{ label: tPlatform(lang, 'access.title') }],
      sources: [{ document: '000_b5e748836c3b3473.txt', section: 'POLICY SUPPORT > FOREIGN INVESTMENT' }],
      body: (
        <>
          <PageHeader lang={lang} title={tPlatform(lang, 'access.title')} lead={t(lang, 'access.lead')} />
          {form.errors.length > 0 && <ErrorSummary lang={lang} errors={form.errors} />}
          {/* The answer first: once an activity is checked, its result comes before the form (kept for the next check). */}
          {result && (
            <Section id="result" title={t(lang, 'access.resultFor', { activity })}>
              <AccessVerdict result={result} lang={lang} />
            </Section>
          )}
          <form class="filter-form" method="get" action={urls.marketAccess(lang)}>
            <div class="field">
              <label for="activity">{t(lang, 'access.activity')}</label>
              <p class="hint" id="activity-hint">{t(lang, 'access.activityHint')}</p>
              <input id="activity" name="activity" value={activity} maxLength={300} aria-describedby="activity-hint" />
            </div>
            <div class="field">
              <label for="in_ftz">{tMatching(lang, 'profile.inFtz')}</label>
              <select id="in_ftz" name="in_ftz">
                <option value="no" selected={!inFtz}>{tMatching(lang, 'profile.no')}</option>
                <option value="yes" selected={inFtz}>{tMatching(lang, 'profile.yes')}</option>
              </select>
            </div>
            <div class={`field${badShare ? ' field--error' : ''}`}>
              <label for="foreign_share_pct">{tMatching(lang, 'profile.foreignShare')}</label>
              <input id="foreign_share_pct" name="foreign_share_pct" value={form.input.foreign_share_pct ?? ''} inputMode="decimal" />
            </div>
            <button type="submit" class="button">{t(lang, 'access.submit')}</button>
          </form>
        </>
      ),
    };
  }, { query: fieldNames(marketAccessForm) });
}
