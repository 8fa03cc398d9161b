/** GET /api/v1/market-access?activity=&in_ftz=&foreign_share_pct=&lang= */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { t } from './messages.js';
import { parseInput } from '../../platform/http/validation.js';
import { checkMarketAccess, type AccessFinding } from './check.js';
import type { ContentService } from '../content/index.js';
import { marketAccessOf } from './market-access.data.js';

export const accessQuerySchema = z
  .object({
    activity: z.string().trim().min(2, 'activity is required: describe the planned business').max(300),
    in_ftz: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
    foreign_share_pct: z.coerce.number().min(0).max(100).optional(),
    lang: z.enum(['en', 'zh']).default('en'),
  })
  .strict();


function serialise(f: AccessFinding, lang: 'en' | 'zh') {
  return {
    code: f.item.id,
    list: f.list.id,
    edition: f.list[lang].title,
    item_number: f.item.item_number,
    measure: f.item.measure,
    restriction: f.item.restriction,
    exceeds_cap: f.exceedsCap ?? null,
    sector: f.item.sector[lang],
    text: f.item[lang].text,
    conditions: f.item.conditions?.[lang] ?? null,
    document_number: f.item.document_number ?? f.list.document_number ?? null,
    matched_keywords: f.matched,
    verified: f.item.verified,
    notice: f.item.verified ? null : t(lang, 'access.unverified'),
    sources: f.item.sources,
    official_link: f.list.url ?? f.item.sources.find((s) => s.url)?.url ?? null,
  };
}

export function registerMarketAccessApi(api: FastifyInstance, content: ContentService): void {
  api.get('/api/v1/market-access', async (request) => {
    const query = parseInput(accessQuerySchema, request.query);
    const result = checkMarketAccess(marketAccessOf(content.store), { activity: query.activity, inFtz: query.in_ftz, foreignSharePct: query.foreign_share_pct });
    return {
      activity: query.activity,
      in_ftz: query.in_ftz,
      verdict: result.verdict,
      conclusive: result.conclusive,
      lists_checked: result.listsChecked.map((l) => ({ id: l.id, title: l[query.lang].title, effective: l.effective, complete: l.complete, verified: l.verified })),
      items: result.findings.map((f) => serialise(f, query.lang)),
      beijing_openings: result.openings.map((f) => serialise(f, query.lang)),
      note:
        result.verdict === 'no_item_found' && !result.conclusive
          ? query.lang === 'zh'
            ? '在平台所存清单版本中未找到相关条目。由于所存清单未经核实或不完整，这并不意味着该活动不受限制，请以官方清单为准。'
            : 'No item found in the list editions held. Because those editions are not verified or not complete, this does not mean the activity is allowed: check the official list.'
          : null,
    };
  });
}
