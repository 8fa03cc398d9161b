/** Forms and queries of the staff pages, and the create-admin command's arguments. */
import { z } from 'zod';

/** 32 random bytes in base64url. */
const secretToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const signInQuerySchema = z.object({
  notice: z.enum(['signed-out', 'signed-out-everywhere', 'password-set', 'session-ended']).optional().catch(undefined),
});

// Long inputs are cut before argon2 sees them: the work per attempt stays bounded whatever is posted.
export const signInFormSchema = z.object({
  email: z.string().trim().max(320).catch(''),
  password: z.string().max(1024).catch(''),
});
export type SignInForm = z.infer<typeof signInFormSchema>;

export const setPasswordQuerySchema = z.object({ token: secretToken });

export const setPasswordFormSchema = z.object({
  token: secretToken.catch(''),
  password: z.string().max(1024).catch(''),
  confirm: z.string().max(1024).catch(''),
});

export const createAdminArgsSchema = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address').max(320),
  name: z.string().trim().min(1, 'must not be empty').max(200),
});
