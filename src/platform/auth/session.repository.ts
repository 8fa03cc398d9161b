/** SQL of staff sessions. Rows are keyed by the SHA-256 of the cookie token; the token itself is never stored. */
import type { StaffDb, StaffRole } from './auth.tables.js';

export interface SessionRow {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
  districtId: string | null;
  departmentId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(
  db: StaffDb,
  row: { id: string; userId: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({ id: row.id, user_id: row.userId, created_at: row.now, last_seen_at: row.now, expires_at: row.expiresAt, ip: row.ip, user_agent: row.userAgent })
    .execute();
}

/** The session with its (enabled) user, or undefined. */
export async function findSessionWithUser(db: StaffDb, sessionId: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .where('s.id', '=', sessionId)
    .where('u.disabled_at', 'is', null)
    .select([
      's.id as sessionId',
      'u.id as userId',
      'u.email',
      'u.name',
      'u.role',
      'u.district_id as districtId',
      'u.department_id as departmentId',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
    ])
    .executeTakeFirst();
}

export async function touchSession(db: StaffDb, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: StaffDb, sessionId: string): Promise<number> {
  const result = await db.deleteFrom('staff_sessions').where('id', '=', sessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteUserSessions(db: StaffDb, userId: string): Promise<number> {
  const result = await db.deleteFrom('staff_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
