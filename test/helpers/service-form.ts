/**
 * The service line's public form as a visitor uses it: open the form (form cookie + hidden _csrf), post it, read the
 * reference and token off the confirmation; staff actors acting on the filed case through the same workflow the
 * staff pages use; and the visible text of a page for the language checks.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildWorkingCalendar } from '../../src/modules/calendar/index.js';
import type { ContentStore } from '../../src/modules/content/index.js';
import { calendarDeadlines } from '../../src/modules/cases/calendar-deadlines.js';
import { applyAction, type CaseActor } from '../../src/modules/cases/case-workflow.js';
import type { CaseAction } from '../../src/modules/cases/case-states.js';
import type { CaseDb } from '../../src/modules/cases/case.tables.js';
import type { StaffPrincipal, StaffRole } from '../../src/platform/auth/index.js';
import { urls } from '../../src/platform/http/urls.js';
import type { Lang } from '../../src/platform/i18n/i18n.js';
import { cookieHeaderOf, cookiesOf, hiddenCsrf } from './staff.js';

export interface OpenedForm {
  cookie: string;
  csrf: string;
  response: LightMyRequestResponse;
}

/** GET a form page and keep its cookie and hidden token, as a browser would. */
export async function openForm(app: FastifyInstance, url: string): Promise<OpenedForm> {
  const response = await app.inject({ url });
  return { cookie: cookieHeaderOf(cookiesOf(response)), csrf: hiddenCsrf(response.body), response };
}

let address = 0;
/** A client address of its own for each submission, so the per-address limit counts only where a test means it to. */
export function nextAddress(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

export function validForm(lang: Lang, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    kind: 'demand',
    topic: 'policies',
    district: 'haidian',
    subject: lang === 'zh' ? '研发中心补贴未拨付' : 'R&D centre subsidy not paid',
    description: lang === 'zh' ? '我们三月申请了研发中心补贴，至今没有收到任何答复。' : 'We applied for the R&D centre subsidy in March and have heard nothing since.',
    enterprise_name: lang === 'zh' ? '示例机器人（北京）有限公司' : 'Example Robotics (Beijing) Co., Ltd.',
    uscc: '91350100M000100Y43',
    foreign_invested: 'yes',
    investor_origin: lang === 'zh' ? '德国' : 'Germany',
    contact_name: lang === 'zh' ? '王丽' : 'Li Wang',
    contact_email: `ops-${Math.random().toString(36).slice(2, 10)}@example.com`,
    consent: 'yes',
    website: '',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Opens the form and posts `fields` with the form's cookie and token (from `remoteAddress`, a fresh one by default). */
export async function submitServiceForm(app: FastifyInstance, lang: Lang, fields: Record<string, string>, options: { remoteAddress?: string; opened?: OpenedForm } = {}) {
  const opened = options.opened ?? (await openForm(app, urls.service(lang)));
  return app.inject({
    method: 'POST',
    url: urls.service(lang),
    headers: { cookie: opened.cookie },
    remoteAddress: options.remoteAddress ?? nextAddress(),
    payload: { _csrf: opened.csrf, ...fields },
  });
}

export function confirmationOf(body: string): { reference: string; token: string } {
  const reference = body.match(/id="case-reference">([^<]+)</)?.[1];
  const token = body.match(/id="case-token">([^<]+)</)?.[1];
  if (!reference || !token) throw new Error('no reference or token on the page');
  return { reference, token };
}

/** The messages of the error summary, in order. */
export function summaryErrors(body: string): { field: string; message: string }[] {
  const summary = body.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#([\w-]+)">([^<]*)<\/a>/g)].map((m) => ({ field: m[1], message: decode(m[2]) }));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text a person reads in <main>: no tags, no form values, no hidden fields. */
export function mainText(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  const main = start >= 0 && end > start ? html.slice(start, end) : html;
  return decode(main.replace(/<textarea\b[\s\S]*?<\/textarea>/gi, ' ').replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Staff acting on cases through applyAction, as real accounts (the timeline points at them). */
export function staffActors(db: CaseDb, store: () => ContentStore, now: () => Date) {
  const deadlines = calendarDeadlines(() => buildWorkingCalendar());
  return {
    async make(role: StaffRole, scope: { districtId?: string; departmentId?: string } = {}): Promise<CaseActor> {
      const id = crypto.randomUUID();
      await db.insertInto('staff_users').values({ id, email: `${id}@example.gov.cn`, name: role, password_hash: null, role, district_id: scope.districtId ?? null, department_id: scope.departmentId ?? null, disabled_at: null }).execute();
      const staff: StaffPrincipal = { userId: id, email: `${id}@example.gov.cn`, name: role, role, districtId: scope.districtId ?? null, departmentId: scope.departmentId ?? null, sessionId: 's', csrfToken: 'c', signedInAt: now() };
      return { type: 'staff', staff };
    },
    act(reference: string, actor: CaseActor, action: CaseAction, input: unknown) {
      return applyAction({ db, store: store(), deadlines, baseUrl: 'http://test.invalid', now: now() }, reference, actor, action, input);
    },
  };
}

export interface FilePart {
  filename: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body as a browser writes it from the form: the fields in order, then the files. */
export function multipartForm(fields: Record<string, string>, files: FilePart[], fileField = 'attachments') {
  const boundary = `----ibform${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
