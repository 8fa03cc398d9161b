/** Kysely types of the calendar's tables (src/migrations/2026_12_03_0900_create_calendar_overrides.ts). */
import type { ColumnType, Kysely } from 'kysely';
import type { AuditTables } from '../../platform/audit/record-audit.js';
import type { StaffTables } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

export interface CalendarOverrideTable {
  /** A `date` column: written as YYYY-MM-DD, read back through to_char (drivers turn dates into local Dates). */
  date: ColumnType<string, string, never>;
  is_working_day: boolean;
  name_en: string;
  name_zh: string;
  note: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date, never>;
}

export interface CalendarEnteredYearTable {
  year: number;
  note: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date, never>;
}

export type CalendarTables = AuditTables &
  Pick<StaffTables, 'staff_users'> & {
    calendar_overrides: CalendarOverrideTable;
    calendar_entered_years: CalendarEnteredYearTable;
  };

export type CalendarDb = Kysely<Database & CalendarTables>;

export function calendarDb(db: Db): CalendarDb {
  return db.withTables<CalendarTables>();
}
