import { sql, type Kysely } from 'kysely';

/**
 * The administrators' corrections to the PRC working calendar (src/modules/calendar). The holiday arrangements come
 * from the chinese-days package; an override for a date wins over it (a municipal closure, a correction, a notice the
 * package does not have yet). One override per date: changing one is removing it and adding another, each audited.
 *
 * calendar_entered_years lists the years the package lacks whose whole arrangement administrators have entered as
 * overrides (every holiday and make-up working day of that year's notice): only then does the calendar count in
 * that year instead of refusing it. Overrides of a year not listed still apply, but do not make the year known.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'date', (c) => c.primaryKey())
    .addColumn('is_working_day', 'boolean', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().check(sql`length(name_en) BETWEEN 1 AND 200`))
    .addColumn('name_zh', 'text', (c) => c.notNull().check(sql`length(name_zh) BETWEEN 1 AND 200`))
    .addColumn('note', 'text', (c) => c.check(sql`length(note) <= 1000`))
    .addColumn('created_by', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar_entered_years')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year BETWEEN 2000 AND 2100`))
    .addColumn('note', 'text', (c) => c.check(sql`length(note) <= 1000`))
    .addColumn('created_by', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_entered_years').execute();
  await db.schema.dropTable('calendar_overrides').execute();
}
