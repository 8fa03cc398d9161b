/**
 * Runs the Kysely migrator over src/migrations. Migrations are imported statically (not read from disk)
 * so that the same list works under tsx, in tests and in a bundle.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { openDatabase, type Db, type DatabaseOptions } from './database.js';
import * as createContent from '../../migrations/2026_11_23_0900_create_content.js';
import * as contentFilesChecksum from '../../migrations/2026_11_23_1300_content_files_checksum.js';
import * as createStaff from '../../migrations/2026_12_01_0400_create_staff.js';
import * as createJobs from '../../migrations/2026_12_01_0500_create_jobs.js';
import * as createDepartments from '../../migrations/2026_12_02_0900_create_departments.js';
import * as createCases from '../../migrations/2026_12_02_1200_create_cases.js';
import * as createCaseEscalations from '../../migrations/2026_12_02_1300_create_case_escalations.js';
import * as createCalendarOverrides from '../../migrations/2026_12_03_0900_create_calendar_overrides.js';
import * as createAppRole from '../../migrations/2026_12_03_1200_create_app_role.js';
import * as createCaseSubmissionAddresses from '../../migrations/2026_12_04_1000_create_case_submission_addresses.js';
import * as indexCaseWorkbench from '../../migrations/2026_12_06_1000_index_case_workbench.js';
import * as indexCaseReports from '../../migrations/2026_12_06_1100_index_case_reports.js';
import * as createOpen311Clients from '../../migrations/2026_12_05_1400_create_open311_clients.js';
import * as createPipeline from '../../migrations/2026_12_07_0900_create_pipeline.js';
import * as createContentRevisions from '../../migrations/2026_12_08_0900_create_content_revisions.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026_11_23_0900_create_content': createContent,
  '2026_11_23_1300_content_files_checksum': contentFilesChecksum,
  '2026_12_01_0400_create_staff': createStaff,
  '2026_12_01_0500_create_jobs': createJobs,
  '2026_12_02_0900_create_departments': createDepartments,
  '2026_12_02_1200_create_cases': createCases,
  '2026_12_02_1300_create_case_escalations': createCaseEscalations,
  '2026_12_03_0900_create_calendar_overrides': createCalendarOverrides,
  '2026_12_03_1200_create_app_role': createAppRole,
  '2026_12_04_1000_create_case_submission_addresses': createCaseSubmissionAddresses,
  '2026_12_06_1000_index_case_workbench': indexCaseWorkbench,
  '2026_12_06_1100_index_case_reports': indexCaseReports,
  '2026_12_05_1400_create_open311_clients': createOpen311Clients,
  '2026_12_07_0900_create_pipeline': createPipeline,
  '2026_12_08_0900_create_content_revisions': createContentRevisions,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export class MigrationError extends Error {}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs the migrations up to and including `name`: tests of a migration's data step start from the schema before it. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  if (!(name in MIGRATIONS)) throw new MigrationError(`No migration ${name}`);
  const { error, results } = await new Migrator({ db, provider }).migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

/**
 * Runs the migrations as the schema's owner when `migrationUrl` is given (MIGRATION_DATABASE_URL: the app's own
 * DATABASE_URL may then be a role that owns nothing), over `db` otherwise.
 */
export async function migrateAsOwner(db: Db, migrationUrl: string | undefined, options: Omit<DatabaseOptions, 'databaseUrl' | 'dataDir'> = {}): Promise<string[]> {
  if (!migrationUrl) return migrateToLatest(db);
  const owner = await openDatabase({ ...options, databaseUrl: migrationUrl, dataDir: 'unused' });
  try {
    return await migrateToLatest(owner);
  } finally {
    await owner.destroy();
  }
}
