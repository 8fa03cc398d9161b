/** The market-access check's GET form: the activity in words, inside the Pilot FTZ or not, and the foreign share. */
import { z } from 'zod';
import { checkbox, decimal, text } from '../../platform/http/form.js';
import { t } from './messages.js';

export const marketAccessForm = z.object({
  activity: text({ max: 300 }),
  in_ftz: checkbox('yes'),
  foreign_share_pct: decimal({ min: 0, max: 100 }, { message: (lang) => t(lang, 'access.error.share') }),
});

/** Fewer characters than this name no activity: the form is shown without a result. */
export const MIN_ACTIVITY_CHARS = 2;
