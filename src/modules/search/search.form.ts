/** The search box's query (words, a kind of content, a page of results) and the question box's. */
import { z } from 'zod';
import { text } from '../../platform/http/form.js';
import { MAX_TEXT_CHARS } from '../../platform/http/page-guard.js';

/** A kind or a page that is not one is read as none (all kinds, the first page): search never refuses a query. */
export const searchForm = z.object({
  q: text({ max: MAX_TEXT_CHARS }),
  type: text({ max: MAX_TEXT_CHARS }),
  page: text({ max: MAX_TEXT_CHARS }),
});

export const askForm = z.object({ q: text({ max: MAX_TEXT_CHARS }) });
