/**
 * /:lang/staff/admin/departments: the districts and departments accounts are scoped to, for administrators only
 * (every route: `staffGuard: { roles: ['admin'] }`, and every POST carries the session's CSRF token). Adding,
 * deactivating and activating a department are audited in the change's transaction (admin-departments.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.js';
import { DEPARTMENT_KINDS, type StaffDb, type StaffGuard } from '../../../platform/auth/index.js';
import { AppError, NotFoundError } from '../../../platform/http/errors.js';
import { routes, urls } from '../../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import { findDepartment, listDepartments, listDistricts, nameIn } from '../department.repository.js';
import { t } from '../messages.js';
import { langOf, sendStaffPage } from '../staff.pages.js';
import { DepartmentsView, NewDepartmentView, type DepartmentNotice } from '../views/departments-view.js';
import { addDepartment, changeDepartmentActive, departmentFormSchema, departmentProblems, departmentStatusFormSchema, type DepartmentForm } from './admin-departments.js';

export interface DepartmentPageDeps {
  db: StaffDb;
  clock: Clock;
}

const ADMIN: StaffGuard = { roles: ['admin'] };

const listQuerySchema = z.object({
  kind: z.enum(DEPARTMENT_KINDS).optional().catch(undefined),
  district: z.string().max(64).regex(/^[a-z][a-z0-9-]*$/).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  notice: z.enum(['created', 'deactivated', 'activated']).optional().catch(undefined),
  id: z.string().max(100).optional().catch(undefined),
});

const forbidden = () => new AppError(403, 'forbidden', 'Forbidden', 'You are no longer an enabled administrator.');

function route(app: FastifyInstance, method: 'GET' | 'POST', url: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) {
  app.route({ method, url, config: { staffGuard: ADMIN }, handler });
}

export function registerDepartmentPages(app: FastifyInstance, deps: DepartmentPageDeps): void {
  const { db, clock } = deps;

  route(app, 'GET', routes.staffAdminDepartments, async (request, reply) => {
    const lang = langOf(request);
    const query = listQuerySchema.parse(request.query ?? {});
    const [districts, departments] = await Promise.all([
      listDistricts(db),
      listDepartments(db, { kind: query.kind, districtId: query.district, active: query.status ? query.status === 'active' : undefined }),
    ]);
    const changed = query.notice && query.id ? await findDepartment(db, query.id) : undefined;
    const notice: DepartmentNotice | undefined = changed && query.notice ? { kind: query.notice, name: nameIn(lang, changed) } : undefined;
    const body = (
      <DepartmentsView
        lang={lang}
        staff={request.staff!}
        districts={districts}
        departments={departments}
        filter={{ kind: query.kind ?? '', district: query.district ?? '', status: query.status ?? '' }}
        notice={notice}
      />
    );
    return sendStaffPage(request, reply, lang, t(lang, 'staff.admin.departments.title'), body);
  });

  const emptyForm: DepartmentForm = { name_en: '', name_zh: '', kind: '', district: '' };
  const newPage = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, form: DepartmentForm, errors: FieldError[]) => {
    const title = t(lang, 'staff.admin.departments.new.title');
    const body = <NewDepartmentView lang={lang} staff={request.staff!} form={form} errors={errors} districts={await listDistricts(db)} />;
    return sendStaffPage(request, reply, lang, errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, errors.length ? 400 : 200);
  };

  route(app, 'GET', routes.staffAdminDepartmentNew, async (request, reply) => newPage(request, reply, langOf(request), emptyForm, []));

  route(app, 'POST', routes.staffAdminDepartmentNew, async (request, reply) => {
    const lang = langOf(request);
    const form = departmentFormSchema.parse(request.body ?? {});
    const districtIds = new Set((await listDistricts(db)).map((d) => d.id));
    const { problems, value } = departmentProblems(form, districtIds);
    const errors: FieldError[] = problems.map((p) => ({ field: p.field, message: t(lang, p.key) }));
    if (!value) return newPage(request, reply, lang, form, errors);
    const result = await addDepartment(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, department: value });
    if (result.ok) return reply.redirect(urls.staffAdminDepartments(lang, { notice: 'created', id: result.id }), 303);
    if (result.reason === 'name-taken') return newPage(request, reply, lang, form, [{ field: result.field, message: t(lang, 'staff.admin.error.departmentNameTaken') }]);
    throw forbidden();
  });

  route(app, 'POST', routes.staffAdminDepartmentStatus, async (request, reply) => {
    const lang = langOf(request);
    const { id } = request.params as { id: string };
    const { action } = departmentStatusFormSchema.parse(request.body ?? {});
    const result = await changeDepartmentActive(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, departmentId: id, active: action === 'activate' });
    if (result.ok) return reply.redirect(urls.staffAdminDepartments(lang, { notice: action === 'activate' ? 'activated' : 'deactivated', id: result.id }), 303);
    if (result.reason === 'not-found') throw new NotFoundError(`No department ${id}.`);
    throw forbidden();
  });

  // The status form's address opened directly (the language switch of the page that answered it, a reload): back to
  // the list, never a repeat of the change.
  route(app, 'GET', routes.staffAdminDepartmentStatus, async (request, reply) => reply.redirect(urls.staffAdminDepartments(langOf(request)), 303));
}
