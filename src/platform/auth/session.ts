/**
 * Server-side staff sessions. The cookie holds 256 random bits; the row holds their hash, the user, and two limits:
 * idle (no request for `idleMs`, 30 min by default) and absolute (`absoluteMs` after sign-in, 12 h by default),
 * after which the person signs in again whatever they were doing. A new session is made at every sign-in (the old
 * one is ended), so a session fixed before sign-in is worth nothing after it.
 */
import type { StaffDb, StaffRole } from './auth.tables.js';
import { csrfTokenFor, hashToken, randomToken } from './tokens.js';
import { deleteSession, findSessionWithUser, insertSession, touchSession } from './session.repository.js';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** The signed-in staff member of a request, as the guard and the pages see them. */
export interface StaffPrincipal {
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
  districtId: string | null;
  departmentId: string | null;
  sessionId: string;
  /** Goes in a hidden field of every form; the guard compares it on every POST. */
  csrfToken: string;
  signedInAt: Date;
}

/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export async function startSession(
  db: StaffDb,
  input: { userId: string; now: Date; policy: SessionPolicy; ip: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string }> {
  const token = randomToken();
  const sessionId = hashToken(token);
  await insertSession(db, {
    id: sessionId,
    userId: input.userId,
    now: input.now,
    expiresAt: new Date(input.now.getTime() + input.policy.absoluteMs),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, sessionId };
}

/** The principal of a session cookie token, or null when it is unknown, idle too long, past its end or disabled. */
export async function resolveSession(db: StaffDb, token: string, now: Date, policy: SessionPolicy): Promise<StaffPrincipal | null> {
  const sessionId = hashToken(token);
  const row = await findSessionWithUser(db, sessionId);
  if (!row) return null;
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (idleFor >= policy.idleMs || now.getTime() >= row.expiresAt.getTime()) {
    await deleteSession(db, sessionId);
    return null;
  }
  if (idleFor >= TOUCH_EVERY_MS) await touchSession(db, sessionId, now);
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    districtId: row.districtId,
    departmentId: row.departmentId,
    sessionId,
    csrfToken: csrfTokenFor(token),
    signedInAt: row.createdAt,
  };
}
