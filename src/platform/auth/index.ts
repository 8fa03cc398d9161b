/** Staff authentication building blocks: passwords, tokens, sessions, throttling, cookies and the route guard. */
export { STAFF_ROLES, DEPARTMENT_KINDS, staffDb, type StaffDb, type StaffRole, type StaffTables, type DepartmentKind } from './auth.tables.js';
export { hashPassword, verifyPassword, verifyDecoy, passwordProblems, PASSWORD_MIN, PASSWORD_MAX, type PasswordProblem } from './password.js';
export { randomToken, hashToken, csrfTokenFor, sameSecret } from './tokens.js';
export { startSession, resolveSession, type SessionPolicy, type StaffPrincipal } from './session.js';
export { deleteSession, deleteUserSessions } from './session.repository.js';
export { isSignInThrottled, recordSignInFailure, THROTTLE } from './throttle.js';
export { SESSION_COOKIE, FORM_COOKIE, readCookie, cookieHeader, clearedCookieHeader } from './cookies.js';
export { installStaffGuards, isStaffRoute, isAllowed, ANONYMOUS_STAFF_ROUTES, MissingStaffGuardError, type StaffGuard, type DenyReason } from './guard.js';
export { inScope, staffScopeOf, type ScopeColumns, type StaffScope } from './scope.js';
