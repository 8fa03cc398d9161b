/**
 * Districts and departments follow the content: every contact (content/contacts) is a department, keyed by the
 * contact's id, and the districts' names come from content/districts.
 *
 * Why here, and when: the staff module owns these tables and already reads the content through the ContentService,
 * so it seeds them whenever a process starts with, or switches to, a content version (`registerStaff`). Every way
 * content arrives (start-up, `npm run content:load` seen by the running processes, tests) reaches them without a
 * hook in the loader, and the content module never writes another module's tables. A migration data step would run
 * once, before the contacts of later loads exist.
 *
 * The seed is an idempotent upsert: it inserts new contacts, refreshes names, kind and district of rows seeded from a
 * contact, and writes nothing when nothing changed (so several processes seeding the same version cost one read
 * each). It never deletes a department (accounts and, later, cases point at them; a contact that left the content is
 * for an administrator to deactivate) and never touches `active` (the administrator's decision) or a department an
 * administrator added (no source contact: it is not in the upsert, and a contact whose id an added department
 * already has keeps that row unchanged).
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { DepartmentKind, StaffDb } from '../../platform/auth/index.js';
import type { Contact, ContentService, ContentStore } from '../content/index.js';

/** municipal bureau · district bureau or service centre · development zone (the BDA, parks) · national agency in Beijing. */
export function departmentKindOf(contact: Pick<Contact, 'level' | 'district'>): DepartmentKind {
  if (contact.level === 'national') return 'national';
  if (contact.level === 'municipal') return 'municipal';
  if (contact.level === 'park' || contact.district === 'bda') return 'zone';
  return 'district';
}

export async function seedDepartments(db: StaffDb, store: Pick<ContentStore, 'districts' | 'all'>): Promise<void> {
  const districts = store.districts.map((d) => ({ id: d.id, name_en: d.en.name, name_zh: d.zh.name }));
  const departments = store.all('contacts').map((c) => ({
    id: c.id,
    name_en: c.en.name,
    name_zh: c.zh.name,
    kind: departmentKindOf(c),
    district_id: c.district,
    source_contact_id: c.id,
  }));
  await db.transaction().execute(async (trx) => {
    if (districts.length) {
      await trx
        .insertInto('districts')
        .values(districts)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({ name_en: eb.ref('excluded.name_en'), name_zh: eb.ref('excluded.name_zh') }))
            .where(sql<boolean>`(districts.name_en, districts.name_zh) IS DISTINCT FROM (excluded.name_en, excluded.name_zh)`),
        )
        .execute();
    }
    for (let i = 0; i < departments.length; i += 500) {
      await trx
        .insertInto('departments')
        .values(departments.slice(i, i + 500))
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              name_en: eb.ref('excluded.name_en'),
              name_zh: eb.ref('excluded.name_zh'),
              kind: eb.ref('excluded.kind'),
              district_id: eb.ref('excluded.district_id'),
            }))
            .where(
              sql<boolean>`departments.source_contact_id = excluded.source_contact_id
                AND (departments.name_en, departments.name_zh, departments.kind, departments.district_id)
                  IS DISTINCT FROM (excluded.name_en, excluded.name_zh, excluded.kind, excluded.district_id)`,
            ),
        )
        .execute();
    }
  });
}

/**
 * Seeds once the app is ready, then with every new content version this process reads; one seed at a time. A failure
 * is logged, not fatal: accounts keep the departments they have, and the next version seeds again.
 */
export function keepDepartmentsSeeded(app: FastifyInstance, db: StaffDb, content: ContentService): void {
  let seeding = Promise.resolve();
  let closed = false;
  const seed = (store: ContentStore) => {
    seeding = seeding
      .then(() => (closed ? undefined : seedDepartments(db, store)))
      .catch((error: unknown) => app.log.error({ err: error }, 'seeding departments and districts from the content failed'));
    return seeding;
  };
  app.addHook('onReady', async () => {
    if (content.ready) await seed(content.store);
  });
  content.onChange((store) => void seed(store));
  app.addHook('onClose', async () => {
    closed = true;
    await seeding;
  });
}
