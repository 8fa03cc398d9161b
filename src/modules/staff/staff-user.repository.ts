/** SQL of staff accounts and their one-time tokens. */
import type { StaffDb, StaffRole } from '../../platform/auth/index.js';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  districtId: string | null;
  departmentId: string | null;
  passwordHash: string | null;
  disabledAt: Date | null;
}

const userColumns = ['id', 'email', 'name', 'role', 'district_id as districtId', 'department_id as departmentId', 'password_hash as passwordHash', 'disabled_at as disabledAt'] as const;

export async function findUserByEmail(db: StaffDb, email: string): Promise<StaffUser | undefined> {
  return db.selectFrom('staff_users').where('email', '=', email.toLowerCase()).select(userColumns).executeTakeFirst();
}

export async function findUserById(db: StaffDb, id: string): Promise<StaffUser | undefined> {
  return db.selectFrom('staff_users').where('id', '=', id).select(userColumns).executeTakeFirst();
}

export async function insertUser(
  db: StaffDb,
  user: { email: string; name: string; role: StaffRole; districtId?: string | null; departmentId?: string | null; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('staff_users')
    .values({ email: user.email.toLowerCase(), name: user.name, role: user.role, district_id: user.districtId ?? null, department_id: user.departmentId ?? null, created_at: user.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePasswordHash(db: StaffDb, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('staff_users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function insertToken(db: StaffDb, token: { id: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('staff_tokens')
    .values({ id: token.id, user_id: token.userId, purpose: 'set_password', created_at: token.now, expires_at: token.expiresAt })
    .execute();
}

/** The user of an unused, unexpired set-password token; `lock` holds the token row until the transaction ends. */
export async function findUsableToken(db: StaffDb, tokenId: string, now: Date, lock = false): Promise<{ userId: string } | undefined> {
  let query = db
    .selectFrom('staff_tokens')
    .where('id', '=', tokenId)
    .where('purpose', '=', 'set_password')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .select('user_id as userId');
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function markTokenUsed(db: StaffDb, tokenId: string, now: Date): Promise<void> {
  await db.updateTable('staff_tokens').set({ used_at: now }).where('id', '=', tokenId).execute();
}

/** An earlier link stops working when a new one is issued or a password is set. */
export async function retireUserTokens(db: StaffDb, userId: string, now: Date): Promise<void> {
  await db.updateTable('staff_tokens').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
