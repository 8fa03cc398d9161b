/**
 * The starter set of rule test profiles (scripts/seed-rule-test-profiles.ts): a JSON list in the format of
 * test/fixtures/independent/investor-profiles.json — `{ id, description, profile }`, the profile in the API's field
 * names and values — upserted by name (the id), each checked by the questionnaire's own schema first.
 */
import type { Db } from '../../../platform/db/database.js';
import { profileSchema } from '../../matching/index.js';
import { saveTestProfile, type ProfileAnswers } from './test-profiles.tables.js';

export interface StarterProfile {
  id: string;
  description?: string;
  profile: Record<string, unknown>;
}

/** A profile's values as the questionnaire's query carries them (numbers and yes/no as text, sets as lists). */
export function answersOfProfile(profile: Record<string, unknown>): ProfileAnswers {
  const answers: ProfileAnswers = {};
  for (const [key, value] of Object.entries(profile)) {
    if (value === undefined || value === null || value === '') continue;
    answers[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return answers;
}

export interface SeedResult {
  saved: string[];
  refused: { id: string; problem: string }[];
}

export async function seedTestProfiles(db: Db, profiles: readonly StarterProfile[], now: Date): Promise<SeedResult> {
  const result: SeedResult = { saved: [], refused: [] };
  for (const p of profiles) {
    const id = typeof p?.id === 'string' ? p.id.trim().slice(0, 200) : '';
    if (!id || typeof p.profile !== 'object' || p.profile === null) {
      result.refused.push({ id: id || '(no id)', problem: 'needs an id and a profile object' });
      continue;
    }
    const checked = profileSchema.safeParse(p.profile);
    if (!checked.success) {
      result.refused.push({ id, problem: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    const description = typeof p.description === 'string' ? p.description.slice(0, 2000) : null;
    await saveTestProfile(db, { userId: null }, now, { name: id, description, answers: answersOfProfile(p.profile), upsert: true });
    result.saved.push(id);
  }
  return result;
}
