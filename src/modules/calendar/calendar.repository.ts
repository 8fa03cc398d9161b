/** The only SQL of the calendar module: the administrators' overrides and the years they have entered whole. */
import { sql } from 'kysely';
import type { CalendarOverride } from './working-calendar.js';
import type { CalendarDb } from './calendar.tables.js';

const dateText = sql<string>`to_char(date, 'YYYY-MM-DD')`;

export async function listOverrides(db: CalendarDb): Promise<CalendarOverride[]> {
  const rows = await db
    .selectFrom('calendar_overrides')
    .select([dateText.as('date'), 'is_working_day', 'name_en', 'name_zh', 'note', 'created_by', 'created_at'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, working: r.is_working_day, name: { en: r.name_en, zh: r.name_zh }, note: r.note, createdBy: r.created_by, createdAt: r.created_at }));
}

export async function listEnteredYears(db: CalendarDb): Promise<{ year: number; note: string | null; createdBy: string | null; createdAt: Date }[]> {
  const rows = await db.selectFrom('calendar_entered_years').selectAll().orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, note: r.note, createdBy: r.created_by, createdAt: r.created_at }));
}

/**
 * A fingerprint of what the calendar is built from (each override's date, status and names; the entered years): a
 * process compares it with the one it loaded to decide whether to rebuild. Both tables hold a few rows a year.
 */
export async function calendarFingerprint(db: CalendarDb): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(',', date, is_working_day, name_en, name_zh), ';' ORDER BY date) FROM calendar_overrides),
      (SELECT string_agg(year::text, ',' ORDER BY year) FROM calendar_entered_years))) AS fingerprint`.execute(db);
  return rows[0].fingerprint;
}

/** Inserts an override; false when the date already has one. */
export async function insertOverride(trx: CalendarDb, override: CalendarOverride): Promise<boolean> {
  const inserted = await trx
    .insertInto('calendar_overrides')
    .values({ date: override.date, is_working_day: override.working, name_en: override.name.en, name_zh: override.name.zh, note: override.note, created_by: override.createdBy, created_at: override.createdAt })
    .onConflict((oc) => oc.column('date').doNothing())
    .returning('is_working_day')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Deletes a date's override and returns what it was, or undefined when there was none. */
export async function deleteOverride(trx: CalendarDb, date: string): Promise<{ is_working_day: boolean; name_en: string; name_zh: string; note: string | null } | undefined> {
  return trx.deleteFrom('calendar_overrides').where('date', '=', date).returning(['is_working_day', 'name_en', 'name_zh', 'note']).executeTakeFirst();
}

export async function insertEnteredYear(trx: CalendarDb, entry: { year: number; note: string | null; createdBy: string; createdAt: Date }): Promise<boolean> {
  const inserted = await trx
    .insertInto('calendar_entered_years')
    .values({ year: entry.year, note: entry.note, created_by: entry.createdBy, created_at: entry.createdAt })
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('year')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteEnteredYear(trx: CalendarDb, year: number): Promise<{ note: string | null } | undefined> {
  return trx.deleteFrom('calendar_entered_years').where('year', '=', year).returning(['note']).executeTakeFirst();
}
