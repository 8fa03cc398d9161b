import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { urls } from '../../../platform/http/urls.js';
import type { StaffPrincipal, StaffRole } from '../../../platform/auth/index.js';

/** The roles the service line's workbench and dashboard open to (cases/case.access.ts CASE_READERS; the staff module cannot import it, as cases builds on staff). */
const CASE_WORKBENCH_ROLES: readonly StaffRole[] = ['municipal_coordinator', 'acceptance_agent', 'district_officer', 'department_handler', 'viewer'];

/** The roles the investment-project pipeline opens to (pipeline/project-access.ts PIPELINE_READERS; likewise not importable here). */
const PIPELINE_ROLES: readonly StaffRole[] = ['admin', 'municipal_coordinator', 'district_officer', 'project_commissioner', 'viewer'];
const IMPORT_ROLES: readonly StaffRole[] = ['admin', 'municipal_coordinator', 'district_officer'];
/** The roles the content pages open to (editorial/editorial-access.ts CONTENT_READERS; likewise not importable here). */
const CONTENT_ROLES: readonly StaffRole[] = ['content_editor', 'admin', 'municipal_coordinator', 'viewer'];

const timeFormat = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }),
};

export function HomeView({ lang, staff, scope }: { lang: Lang; staff: StaffPrincipal; scope: string }) {
  return (
    <div class="staff-home">
      <h1>{t(lang, 'staff.home.title')}</h1>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t(lang, 'staff.home.name')}</dt>
          <dd>{staff.name}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.email')}</dt>
          <dd>{staff.email}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.home.role')}</dt>
          <dd>{t(lang, `staff.role.${staff.role}`)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.home.scope')}</dt>
          <dd>{scope}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.home.signedInAt')}</dt>
          <dd>{timeFormat[lang].format(staff.signedInAt)}</dd>
        </div>
      </dl>
      {staff.role === 'admin' && (
        <>
          <h2>{t(lang, 'staff.admin.nav')}</h2>
          <ul>
            <li>
              <a href={urls.staffAdminUsers(lang)}>{t(lang, 'staff.admin.users.title')}</a>
            </li>
            <li>
              <a href={urls.staffAdminAudit(lang)}>{t(lang, 'staff.admin.audit.title')}</a>
            </li>
            <li>
              <a href={urls.staffAdminApiClients(lang)}>{t(lang, 'staff.home.apiClients')}</a>
            </li>
          </ul>
        </>
      )}
      {CASE_WORKBENCH_ROLES.includes(staff.role) && (
        <>
          <h2>{t(lang, 'staff.home.serviceLine')}</h2>
          <ul>
            <li>
              <a href={urls.staffCases(lang)}>{t(lang, 'staff.home.cases')}</a>
            </li>
            <li>
              <a href={urls.staffCasesDashboard(lang)}>{t(lang, 'staff.home.dashboard')}</a>
            </li>
          </ul>
        </>
      )}
      {PIPELINE_ROLES.includes(staff.role) && (
        <>
          <h2>{t(lang, 'staff.home.pipeline')}</h2>
          <ul>
            <li>
              <a href={urls.staffProjects(lang)}>{t(lang, 'staff.home.projects')}</a>
            </li>
            <li>
              <a href={urls.staffProjectsBoard(lang)}>{t(lang, 'staff.home.projectsBoard')}</a>
            </li>
            <li>
              <a href={urls.staffProjectsDashboard(lang)}>{t(lang, 'staff.home.projectsDashboard')}</a>
            </li>
            <li>
              <a href={urls.staffInvestors(lang)}>{t(lang, 'staff.home.investors')}</a>
            </li>
            <li>
              <a href={urls.staffOpportunities(lang)}>{t(lang, 'staff.home.opportunities')}</a>
            </li>
            {IMPORT_ROLES.includes(staff.role) && (
              <li>
                <a href={urls.staffProjectsImport(lang)}>{t(lang, 'staff.home.projectsImport')}</a>
              </li>
            )}
          </ul>
        </>
      )}
      {CONTENT_ROLES.includes(staff.role) && (
        <p>
          <a href={urls.staffContent(lang)}>{t(lang, 'staff.home.content')}</a>
        </p>
      )}
      <h2>{t(lang, 'staff.home.sessions')}</h2>
      <div class="staff-sessions">
        <form method="post" action={urls.staffSignOut(lang)} class="staff-form">
          <input type="hidden" name="_csrf" value={staff.csrfToken} />
          <p>
            <button type="submit" class="button button--secondary">
              {t(lang, 'staff.signOut')}
            </button>
          </p>
        </form>
        <form method="post" action={urls.staffSignOutEverywhere(lang)} class="staff-form">
          <input type="hidden" name="_csrf" value={staff.csrfToken} />
          <p>
            <button type="submit" class="button button--secondary" aria-describedby="sign-out-everywhere-hint">
              {t(lang, 'staff.signOutEverywhere')}
            </button>
          </p>
        </form>
      </div>
      <p class="hint" id="sign-out-everywhere-hint">
        {t(lang, 'staff.signOutEverywhere.hint')}
      </p>
    </div>
  );
}
