/**
 * The service line's reports through the real stack (PGlite, and PostgreSQL with TEST_DATABASE_URL; real HTTP via
 * inject, real sign-in): the staff dashboard's figures and CSV files for cases with known outcomes
 * (test/helpers/case-reports.ts), the scope of each role, the drill-down lists, the CSV formula guard, the public
 * performance page's small-count suppression and caching, and no English sentence on the Chinese pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentService, type ContentStore } from '../src/modules/content/index.js';
import { caseDb, type CaseDb } from '../src/modules/cases/case.tables.js';
import type { StaffRole } from '../src/platform/auth/index.js';
import { urls } from '../src/platform/http/urls.js';
import { seedReportCases, REPORT_NOW, type ReportCases } from './helpers/case-reports.js';
import { databaseTargets } from './helpers/databases.js';
import { latinSentences } from './helpers/latin-sentences.js';
import { createStaffWithPassword, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';
import { applyAction } from '../src/modules/cases/case-workflow.js';
import { calendarDeadlines } from '../src/modules/cases/calendar-deadlines.js';
import { buildWorkingCalendar } from '../src/modules/calendar/index.js';
import { caseSubmissionSchema } from '../src/modules/cases/case.schemas.js';
import { submitCase } from '../src/modules/cases/submit-case.js';

const PASSWORD = 'copper kettle by the west gate';
const PERIOD = { from: '2026-11-02', to: '2026-12-01' };

/** RFC 4180 rows (quoted fields with doubled quotes, CRLF), without the byte-order mark. */
function parseCsv(body: string): string[][] {
  expect(body.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = body.slice(1);
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    else cell += c;
  }
  return rows;
}

/** The figures CSV as "figure|group" → [value, out of, rate]. */
function figuresOf(body: string): Map<string, string[]> {
  const [header, ...rows] = parseCsv(body);
  expect(header).toEqual(['Figure', 'Group', 'Value', 'Out of', 'Rate (%)']);
  return new Map(rows.map(([figure, group, ...values]) => [`${figure}|${group}`, values]));
}

/** Visible text of <main> (a tag's quoted attribute values may hold ">"). */
function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
  return main.replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ');
}

describe.each(databaseTargets())('service line reports (%s)', (target) => {
  let t: StaffTestApp;
  let db: CaseDb;
  let store: ContentStore;
  let cases: ReportCases;
  const cookie: Partial<Record<string, string>> = {};
  const names = { haidian: '', chaoyang: '', unit: '' };

  const get = (who: string | null, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...headers, ...(who ? { cookie: cookie[who]! } : {}) } });

  beforeAll(async () => {
    t = await startStaffApp({ target });
    t.clock.now = REPORT_NOW;
    db = caseDb(t.database.db);
    const content = new ContentService(t.database.db);
    await content.refresh();
    store = content.store;
    cases = await seedReportCases(db, store);
    const accounts: [string, StaffRole, { districtId?: string; departmentId?: string }][] = [
      ['coordinator', 'municipal_coordinator', {}],
      ['officer', 'district_officer', { districtId: 'haidian' }],
      ['handler', 'department_handler', { departmentId: cases.haidianUnit }],
      ['viewer', 'viewer', {}],
      ['admin', 'admin', {}],
      ['editor', 'content_editor', {}],
    ];
    for (const [who, role, scope] of accounts) {
      await createStaffWithPassword(t, { email: `${who}@example.gov.cn`, name: who, role, ...scope, password: PASSWORD });
      cookie[who] = await signInAs(t.app, `${who}@example.gov.cn`, PASSWORD);
    }
    const district = (id: string) => db.selectFrom('districts').select('name_en').where('id', '=', id).executeTakeFirstOrThrow();
    names.haidian = (await district('haidian')).name_en;
    names.chaoyang = (await district('chaoyang')).name_en;
    names.unit = (await db.selectFrom('departments').select('name_en').where('id', '=', cases.haidianUnit).executeTakeFirstOrThrow()).name_en;
  }, 180_000);
  afterAll(() => t?.close());

  it('counts the figures of the last 30 days for a coordinator, exactly', async () => {
    const response = await get('coordinator', urls.staffCasesDashboardCsv('en'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="service-line-figures-2026-11-02-2026-12-01.csv"');
    const f = figuresOf(response.body);
    const period = '2026-11-02 to 2026-12-01';
    expect(f.get(`Received|${period}`)).toEqual(['8', '', '']);
    expect(f.get(`Accepted|${period}`)).toEqual(['4', '', '']);
    expect(f.get(`Answered|${period}`)).toEqual(['5', '', '']);
    expect(f.get('Answered on time|All time limits')).toEqual(['3', '5', '60']);
    expect(f.get('Answered on time|Demand, complaint or report — general matter')).toEqual(['2', '3', '66.7']);
    expect(f.get('Answered on time|General inquiry')).toEqual(['1', '2', '50']);
    expect(f.get('Answered on time|Sophisticated inquiry, one department')).toEqual(['0', '0', '']);
    expect(f.get(`Resolution rate|${period}`)).toEqual(['2', '3', '66.7']);
    expect(f.get(`Mean rating|${period}`)).toEqual(['3.67', '3', '']);
    expect(['1', '2', '3', '4', '5'].map((n) => f.get(`Rating|${n}`)![0])).toEqual(['0', '1', '0', '1', '1']);
    // Weeks in Beijing time: B, submitted on Sunday 15 November UTC, falls in the week of Monday the 16th.
    expect(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'].map((w) => f.get(`Received|Week of ${w}`)![0])).toEqual(['0', '1', '4', '3', '0']);
    expect(['2026-11-09', '2026-11-16', '2026-11-23'].map((w) => f.get(`On time|Week of ${w}`))).toEqual([['1', '1', '100'], ['1', '2', '50'], ['1', '2', '50']]);
    expect(f.get(`Open|Lead unit: ${names.unit}`)).toEqual(['1', '', '']);
    expect(f.get(`Due soon|Lead unit: ${names.unit}`)).toEqual(['1', '1', '']);
    expect(f.get('Overdue|Lead unit: Not dispatched yet')).toEqual(['1', '2', '']);
    expect(f.get('Paused|Lead unit: Not dispatched yet')).toEqual(['1', '2', '']);
    expect(f.get(`Overdue|District: ${names.chaoyang}`)).toEqual(['1', '2', '']);
    expect(f.get('Open|Topic: Conduct of an administrative body')).toEqual(['2', '', '']);
  });

  it('shows the same figures on the page, each count a link to its cases, each chart named and backed by a table', async () => {
    const response = await get('coordinator', urls.staffCasesDashboard('en'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    // Received: the workbench's own filters (submitted from/to) select the same cases.
    expect(html).toContain(`<a href="/en/staff/cases?from=2026-11-02&amp;to=2026-12-01">8</a>`);
    // Answered late per limit: a list of its own, which the workbench cannot filter.
    expect(html).toContain('href="/en/staff/cases/dashboard/cases?figure=answered&amp;from=2026-11-02&amp;to=2026-12-01&amp;limit=general-demand&amp;sla=breached">1</a>');
    // Overdue in a district: the workbench's SLA and district filters.
    expect(html).toContain('href="/en/staff/cases?district=chaoyang&amp;sla=overdue">1</a>');
    const charts = html.match(/<svg role="img" aria-label="[^"]+"/g) ?? [];
    expect(charts).toEqual([
      '<svg role="img" aria-label="On-time rate by time limit, in per cent"',
      '<svg role="img" aria-label="How many cases were given each rating, 1 to 5"',
      '<svg role="img" aria-label="Cases received and answered per week"',
      '<svg role="img" aria-label="On-time rate of the cases answered each week, in per cent"',
    ]);
    expect(html).not.toMatch(/<script/);
    expect(mainText(html)).toContain('Of the cases answered in the period for which the enterprise');
  });

  it('counts only their district for a district officer, and only their department’s cases for a handler', async () => {
    const officer = figuresOf((await get('officer', urls.staffCasesDashboardCsv('en'))).body);
    const period = '2026-11-02 to 2026-12-01';
    expect(officer.get(`Received|${period}`)).toEqual(['4', '', '']);
    expect(officer.get(`Accepted|${period}`)).toEqual(['3', '', '']);
    expect(officer.get('Answered on time|All time limits')).toEqual(['2', '3', '66.7']);
    expect(officer.get(`Resolution rate|${period}`)).toEqual(['1', '2', '50']);
    expect([...officer.keys()].filter((k) => k.startsWith('Open|District'))).toEqual([`Open|District: ${names.haidian}`]);
    // Asking for another district gives nothing, not that district's cases.
    const other = figuresOf((await get('officer', urls.staffCasesDashboardCsv('en', { district: 'chaoyang' }))).body);
    expect(other.get(`Received|${period}`)).toEqual(['0', '', '']);
    const list = parseCsv((await get('officer', urls.staffCasesDashboardListCsv('en', { figure: 'received', ...PERIOD }))).body);
    expect(list.slice(1).map((row) => row[0]).sort()).toEqual([cases.refs.A, cases.refs.B, cases.refs.E, cases.refs.G].sort());
    const page = (await get('officer', urls.staffCasesDashboard('en'))).body;
    expect(page).toContain(`Figures for ${names.haidian} only`);
    expect(page).not.toContain('id="district"');

    const handler = figuresOf((await get('handler', urls.staffCasesDashboardCsv('en'))).body);
    expect(handler.get(`Received|${period}`)).toEqual(['3', '', '']);
    expect(handler.get('Answered on time|All time limits')).toEqual(['1', '2', '50']);
    expect(handler.get(`Open|Lead unit: ${names.unit}`)).toEqual(['1', '', '']);
  });

  it('filters by topic, kind and the foreign-invested enterprise complaint mechanism', async () => {
    const received = async (query: Record<string, string>) => {
      const period = `${query.from ?? PERIOD.from} to ${query.to ?? PERIOD.to}`;
      return figuresOf((await get('coordinator', urls.staffCasesDashboardCsv('en', query))).body).get(`Received|${period}`)![0];
    };
    expect(await received({ topic: 'policies' })).toBe('3');
    expect(await received({ kind: 'inquiry' })).toBe('2');
    expect(await received({ fie: 'yes' })).toBe('1');
    expect(await received({ fie: 'no', district: 'chaoyang' })).toBe('3');
    // One Beijing day: B (01:00 on the 16th in Beijing, the 15th in UTC) and C.
    expect(await received({ from: '2026-11-16', to: '2026-11-16' })).toBe('2');
  });

  it('lists the cases behind a count, as a page and as CSV, with classifications and no personal data', async () => {
    const query = { figure: 'answered', ...PERIOD, sla: 'breached' };
    const csv = await get('coordinator', urls.staffCasesDashboardListCsv('en', query));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="service-line-cases-answered.csv"');
    expect(csv.body).toBe(
      '\ufeff' +
        [
          'Reference,Kind,Topic,District,Lead unit,Status,Submitted (Beijing time),Due (Beijing time),Answered (Beijing time),Time limit state',
          `${cases.refs.C},Inquiry,Setting up and registering,${names.chaoyang},Not dispatched yet,Replied,2026-11-16 10:00,2026-11-16 10:00,2026-11-16 11:00,Answered late`,
          `${cases.refs.B},Demand,Policies and their implementation,${names.haidian},${names.unit},Replied,2026-11-16 01:00,2026-11-23 24:00,2026-11-24 10:00,Answered late`,
        ].join('\r\n') +
        '\r\n',
    );
    expect(csv.body).not.toMatch(/Example Robotics|ops@example\.com|subsidy/i);
    const page = await get('coordinator', urls.staffCasesDashboardList('en', { figure: 'open', ...PERIOD, unit: 'none' }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lead unit: Not dispatched yet');
    const listed = [...page.body.matchAll(/<th scope="row"><a href="\/en\/staff\/cases\/(IB-[\d-]+)">/g)].map((m) => m[1]);
    expect(listed).toEqual([cases.refs.F, cases.refs.I]);
    // A state an open case cannot be in is an error, not an empty list.
    const wrong = await get('coordinator', urls.staffCasesDashboardList('en', { figure: 'open', sla: 'met' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('error-summary');
    expect((await get('coordinator', urls.staffCasesDashboardListCsv('en', { figure: 'received', from: 'soon' }))).statusCode).toBe(400);
  });

  it('refuses roles that do not read cases, and sends a visitor without a session to sign in', async () => {
    for (const who of ['admin', 'editor']) {
      for (const url of [urls.staffCasesDashboard('en'), urls.staffCasesDashboardCsv('en'), urls.staffCasesDashboardList('en', { figure: 'received' }), urls.staffCasesDashboardListCsv('en', { figure: 'received' })]) {
        expect((await get(who, url)).statusCode, `${who} ${url}`).toBe(403);
      }
    }
    const signedOut = await get(null, urls.staffCasesDashboardCsv('en'));
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe(urls.staffSignIn('en'));
    expect((await get('viewer', urls.staffCasesDashboard('zh'))).statusCode).toBe(200);
  });

  it('reports every invalid filter at once and shows no figures', async () => {
    const response = await get('coordinator', urls.staffCasesDashboard('en', { from: '2026-13-01', to: '2026-11-30', kind: 'letter', topic: 'weather' }));
    expect(response.statusCode).toBe(400);
    const summary = response.body.slice(response.body.indexOf('error-summary'), response.body.indexOf('</ul>', response.body.indexOf('error-summary')));
    expect([...summary.matchAll(/href="#(\w+)"/g)].map((m) => m[1])).toEqual(['from', 'topic', 'kind']);
    expect(response.body).not.toContain('stat-grid');
    const order = await get('coordinator', urls.staffCasesDashboard('en', { from: '2026-11-30', to: '2026-11-01' }));
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('The start of the period must be on or before its end');
    expect((await get('coordinator', urls.staffCasesDashboard('en', { from: '2020-01-01', to: '2026-11-30' }))).body).toContain('Choose a period of at most two years');
  });

  it('writes no English sentence on the Chinese dashboard', async () => {
    const html = (await get('coordinator', urls.staffCasesDashboard('zh'))).body;
    expect(html).toContain('诉求办理数据看板');
    expect(latinSentences(mainText(html))).toEqual([]);
    const list = (await get('coordinator', urls.staffCasesDashboardList('zh', { figure: 'answered', ...PERIOD }))).body;
    expect(latinSentences(mainText(list).replace(/Example Robotics/g, ''))).toEqual([]);
  });

  describe('the public performance page', () => {
    it('publishes aggregates for the last 12 months beside the guide’s 12345 figure, suppressing small counts', async () => {
      const response = await get(null, urls.servicePerformance('en'));
      expect(response.statusCode).toBe(200);
      const text = mainText(response.body);
      expect(text).toContain('The 12 months from 2025-12-01 to 2026-11-30');
      // A to I all fall in the 12 months; three said whether their matter was resolved: too few for a rate.
      expect(text).toContain('Received 9 enterprise requests. Too few enterprises have said whether their matter was resolved');
      expect(text).toContain('Handled 255,000 enterprise requests, with a resolution rate of 97.5%.');
      expect(text).toContain('This is the city hotline’s figure, not this platform’s.');
      expect(text).toContain('Beijing Foreign Investment Guide');
      // On time: 4 of the 6 answered (A, D, G, H); per limit, fewer than 5 each.
      expect(text).toMatch(/All time limits 6 66\.7%/);
      expect(text).toMatch(/Demand, complaint or report — general matter fewer than 5 fewer than 5/);
      expect(text).toMatch(new RegExp(`${names.haidian} 5 fewer than 5`));
      expect(text).toMatch(new RegExp(`${names.chaoyang} fewer than 5 fewer than 5`));
      expect(text).toContain('Fewer than 5 enterprises have rated an answer');
      expect(response.body).not.toMatch(/IB-\d{4}|Example Robotics|ops@example\.com/);
    });

    it('may be cached for a few minutes, by browsers too, and answers a matching ETag with 304', async () => {
      const first = await get(null, urls.servicePerformance('en'));
      expect(first.headers['cache-control']).toBe('public, max-age=300');
      const again = await get(null, urls.servicePerformance('en'), { 'if-none-match': String(first.headers.etag) });
      expect(again.statusCode).toBe(304);
    });

    it('writes the Chinese page in Chinese, the guide’s figure as the guide writes it', async () => {
      const html = (await get(null, urls.servicePerformance('zh'))).body;
      const text = mainText(html);
      expect(text).toContain('受理企业诉求9件。');
      expect(text).toContain('办理企业诉求25.5万件，解决率97.5%。');
      expect(latinSentences(text)).toEqual([]);
    });
  });

  it('guards every CSV cell that a spreadsheet would run as a formula', async () => {
    // A unit whose name an administrator typed as a formula, and a case dispatched to it.
    await db.insertInto('departments').values({ id: 'formula-unit', name_en: '=HYPERLINK("http://evil.example","Haidian")', name_zh: '@SUM(1)', kind: 'district', district_id: 'dongcheng', active: true }).execute();
    const deadlines = calendarDeadlines(() => buildWorkingCalendar());
    const filed = await submitCase(db, store, deadlines, caseSubmissionSchema.parse({ kind: 'demand', topic: 'policies', district: 'dongcheng', subject: 'Formula unit', description: 'A case for the formula unit.', lang: 'en', consent: true, anonymous: true }), { channel: 'web', now: new Date('2026-11-30T02:00:00Z'), baseUrl: 'http://test.invalid' });
    const coordinator = await db.selectFrom('staff_users').select(['id', 'email', 'name']).where('email', '=', 'coordinator@example.gov.cn').executeTakeFirstOrThrow();
    const staff = { userId: coordinator.id, email: coordinator.email, name: coordinator.name, role: 'municipal_coordinator' as const, districtId: null, departmentId: null, sessionId: 's', csrfToken: 'c', signedInAt: REPORT_NOW };
    const deps = { db, store, deadlines, baseUrl: 'http://test.invalid', now: new Date('2026-11-30T03:00:00Z') };
    await applyAction(deps, filed.reference, { type: 'staff', staff }, 'accept', { limit_id: 'general-demand' });
    await applyAction(deps, filed.reference, { type: 'staff', staff }, 'dispatch', { lead: 'formula-unit' });
    for (const lang of ['en', 'zh'] as const) {
      const body = (await get('coordinator', urls.staffCasesDashboardListCsv(lang, { figure: 'open', unit: 'formula-unit' }))).body;
      const row = parseCsv(body)[1];
      expect(row[4]).toBe(lang === 'en' ? `'=HYPERLINK("http://evil.example","Haidian")` : `'@SUM(1)`);
      if (lang === 'en') expect(body).toContain(`,"'=HYPERLINK(""http://evil.example"",""Haidian"")",`);
      const figures = (await get('coordinator', urls.staffCasesDashboardCsv(lang))).body;
      expect(figures).not.toMatch(/(^|,)[=@+-]/m);
    }
  });
});
