/**
 * Staff passwords: hashed with argon2id using OWASP's Password Storage Cheat Sheet parameters (19 MiB memory,
 * 2 iterations, 1 lane), and chosen under NIST SP 800-63B §5.1.1.2: at least 12 and at most 128 characters, any
 * characters, no composition rules, no forced rotation — but never a commonly used password, the person's own
 * email address, or a run of one repeated or sequential character.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify, type Options } from '@node-rs/argon2';

// 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anyone knows, verified when the email has no account (or no password yet), so that a wrong
 * address takes as long to refuse as a wrong password and timing does not tell which addresses exist.
 */
let decoyHash: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword(`decoy-${process.pid}-${Date.now()}`);
  await verifyPassword(await decoyHash, password);
  return false;
}

// Both src/platform/auth and dist/platform/auth are three folders below the repository, where the list lives.
const LIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/platform/auth/common-passwords.txt');
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(LIST, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'email' | 'repetitive';

function isRepetitiveOrSequential(password: string): boolean {
  const chars = [...password];
  if (new Set(chars).size <= 2) return true;
  const codes = chars.map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]));
  return steps.size === 1 && [...steps].every((step) => Math.abs(step) === 1);
}

/** Every problem with a new password at once (empty when it may be used). Length counts characters, not bytes. */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return ['tooShort'];
  if (length > PASSWORD_MAX) return ['tooLong'];
  const problems: PasswordProblem[] = [];
  const lower = password.toLowerCase();
  // "Password123!" is "password" with decoration: compare the core without trailing digits and symbols too.
  const core = lower.replace(/[\d\W_]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || list.has(core) || list.has(lower.replace(/\s+/g, ''))) problems.push('common');
  const address = email.toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lower.includes(address) || (localPart.length >= 4 && lower.includes(localPart))) problems.push('email');
  if (isRepetitiveOrSequential(password)) problems.push('repetitive');
  return problems;
}
