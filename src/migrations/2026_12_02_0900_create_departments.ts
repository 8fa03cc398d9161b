import { sql, type Kysely } from 'kysely';

/**
 * Districts and departments become tables, and a staff account's scope points at them by foreign key: the free-text
 * `staff_users.department` and the CHECK list of district ids go.
 *
 * Where the rows come from: `districts` gets its 17 rows here (the ids of the old CHECK, so every existing account
 * keeps a valid district, with the names of content/districts). `departments` is filled from the contacts by the
 * staff module whenever a process reads a content version (src/modules/staff/seed-departments.ts, an idempotent
 * upsert): the contacts change with content loads, long after this migration ran. This migration only has to place
 * the departments that existing accounts typed by hand, so it does so from the contacts already loaded in
 * content_items (matching the English or Chinese name, or the id) and keeps any other text as a department of its own
 * (kind `other`), never losing what an administrator wrote. Each moved value is one audit row (actor: the system).
 */
const DISTRICTS: [string, string, string][] = [
  ['dongcheng', 'Dongcheng District', '东城区'],
  ['xicheng', 'Xicheng District', '西城区'],
  ['chaoyang', 'Chaoyang District', '朝阳区'],
  ['haidian', 'Haidian District', '海淀区'],
  ['fengtai', 'Fengtai District', '丰台区'],
  ['shijingshan', 'Shijingshan District', '石景山区'],
  ['mentougou', 'Mentougou District', '门头沟区'],
  ['fangshan', 'Fangshan District', '房山区'],
  ['tongzhou', 'Tongzhou District', '通州区'],
  ['shunyi', 'Shunyi District', '顺义区'],
  ['daxing', 'Daxing District', '大兴区'],
  ['changping', 'Changping District', '昌平区'],
  ['pinggu', 'Pinggu District', '平谷区'],
  ['huairou', 'Huairou District', '怀柔区'],
  ['miyun', 'Miyun District', '密云区'],
  ['yanqing', 'Yanqing District', '延庆区'],
  ['bda', 'Beijing Economic-Technological Development Area (Yizhuang)', '北京经济技术开发区（亦庄）'],
];

/** municipal bureau · district bureau or service centre · development zone (BDA, parks) · national agency in Beijing · other. */
const KINDS = ['municipal', 'district', 'zone', 'national', 'other'];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const name = (column: string) => sql.raw(`${column} text NOT NULL CHECK (length(${column}) BETWEEN 1 AND 200)`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE districts (
      id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,62}$'),
      ${name('name_en')},
      ${name('name_zh')}
    )`.execute(db);
  for (const [id, en, zh] of DISTRICTS) await sql`INSERT INTO districts (id, name_en, name_zh) VALUES (${id}, ${en}, ${zh})`.execute(db);

  await sql`
    CREATE TABLE departments (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 100),
      ${name('name_en')},
      ${name('name_zh')},
      kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
      district_id text REFERENCES districts (id),
      -- The contact (content/contacts) the row was seeded from; null for one added by an administrator.
      source_contact_id text UNIQUE,
      -- An inactive department cannot be chosen for an account; accounts that have it keep it.
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX departments_district_id ON departments (district_id)`.execute(db);

  await sql`ALTER TABLE staff_users ADD COLUMN department_id text REFERENCES departments (id)`.execute(db);
  await sql`CREATE INDEX staff_users_department_id ON staff_users (department_id)`.execute(db);
  await moveTypedDepartments(db);
  await sql`ALTER TABLE staff_users DROP CONSTRAINT staff_users_department_handler_has_department`.execute(db);
  await sql`ALTER TABLE staff_users DROP COLUMN department`.execute(db);
  await sql`ALTER TABLE staff_users ADD CONSTRAINT staff_users_department_handler_has_department CHECK (role <> 'department_handler' OR department_id IS NOT NULL)`.execute(db);
  // The district list moves from a CHECK to the districts table.
  await sql`ALTER TABLE staff_users DROP CONSTRAINT staff_users_district_id_check`.execute(db);
  await sql`ALTER TABLE staff_users ADD CONSTRAINT staff_users_district_id_fkey FOREIGN KEY (district_id) REFERENCES districts (id)`.execute(db);
  await sql`CREATE INDEX staff_users_district_id ON staff_users (district_id)`.execute(db);
}

/** Existing free-text departments → department rows (the matching contact's, or one made from the text). */
async function moveTypedDepartments(db: Kysely<unknown>): Promise<void> {
  const typed = sql`lower(btrim(u.department))`;
  await sql`
    INSERT INTO departments (id, name_en, name_zh, kind, district_id, source_contact_id)
    SELECT c.id, c.data->'en'->>'name', c.data->'zh'->>'name',
      CASE WHEN c.data->>'level' = 'national' THEN 'national'
           WHEN c.data->>'level' = 'municipal' THEN 'municipal'
           WHEN c.data->>'level' = 'park' OR c.data->>'district' = 'bda' THEN 'zone'
           WHEN c.data->>'level' = 'district' THEN 'district'
           ELSE 'other' END,
      (SELECT d.id FROM districts d WHERE d.id = c.data->>'district'),
      c.id
    FROM content_items c
    WHERE c.kind = 'contacts'
      AND EXISTS (SELECT 1 FROM staff_users u WHERE ${typed} IN (lower(c.data->'en'->>'name'), lower(c.data->'zh'->>'name'), c.id))`.execute(db);
  const matched = sql`(SELECT d.id FROM departments d WHERE ${typed} IN (lower(d.name_en), lower(d.name_zh), d.id) ORDER BY d.id LIMIT 1)`;
  await sql`
    INSERT INTO departments (id, name_en, name_zh, kind)
    SELECT DISTINCT 'typed-' || left(md5(${typed}), 12), left(btrim(u.department), 200), left(btrim(u.department), 200), 'other'
    FROM staff_users u
    WHERE u.department IS NOT NULL AND btrim(u.department) <> '' AND ${matched} IS NULL
    ON CONFLICT (id) DO NOTHING`.execute(db);
  await sql`
    INSERT INTO audit_log (at, actor_id, action, entity, entity_id, before, after)
    SELECT now(), NULL, 'staff_user.department_moved', 'staff_user', u.id::text,
      jsonb_build_object('department', u.department), jsonb_build_object('department_id', ${matched})
    FROM staff_users u
    WHERE u.department IS NOT NULL`.execute(db);
  await sql`UPDATE staff_users u SET department_id = ${matched} WHERE u.department IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE staff_users DROP CONSTRAINT staff_users_district_id_fkey`.execute(db);
  await sql`ALTER TABLE staff_users ADD CONSTRAINT staff_users_district_id_check CHECK (district_id IN (${list(DISTRICTS.map(([id]) => id))}))`.execute(db);
  await sql`ALTER TABLE staff_users ADD COLUMN department text CHECK (length(department) BETWEEN 1 AND 200)`.execute(db);
  await sql`UPDATE staff_users u SET department = (SELECT d.name_en FROM departments d WHERE d.id = u.department_id) WHERE u.department_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE staff_users DROP CONSTRAINT staff_users_department_handler_has_department`.execute(db);
  await sql`ALTER TABLE staff_users ADD CONSTRAINT staff_users_department_handler_has_department CHECK (role <> 'department_handler' OR department IS NOT NULL)`.execute(db);
  await sql`ALTER TABLE staff_users DROP COLUMN department_id`.execute(db);
  await sql`DROP TABLE departments`.execute(db);
  await sql`DROP TABLE districts`.execute(db);
}
