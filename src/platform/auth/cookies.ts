/** The two staff cookies, read and written by hand: two names, fixed attributes, no need for a cookie plugin. */
export const SESSION_COOKIE = 'ib_staff_session';
/** Double-submit token of the forms used before signing in (sign-in, set-password), against login CSRF. */
export const FORM_COOKIE = 'ib_staff_form';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      // Our values are base64url: anything else was not set by us.
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Secure when the request came over TLS
 * (so a plain-HTTP local install still works), Path=/ so both /en/staff and /zh/staff see it. Administrators' session
 * cookies are SameSite=Strict (ARCHITECTURE §6): not even a top-level link from another site carries them.
 */
export function cookieHeader(name: string, value: string, options: { secure: boolean; maxAgeSeconds: number; sameSite?: 'Lax' | 'Strict' }): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', `SameSite=${options.sameSite ?? 'Lax'}`, `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearedCookieHeader(name: string, secure: boolean): string {
  return cookieHeader(name, '', { secure, maxAgeSeconds: 0 });
}
