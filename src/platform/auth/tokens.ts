/**
 * Secrets handed to people (session cookies, set-password links) are 256 random bits; the database keeps only their
 * SHA-256, so reading the tables gives nobody a usable session or link. A fast hash is enough: the input is random,
 * not a password, so there is nothing to guess.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings (different lengths are simply unequal). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The CSRF token of a session, derived from its secret cookie token: nothing to store, different for every session,
 * and knowing it (it is in every form) does not reveal the cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('staff-csrf').digest('base64url');
}
