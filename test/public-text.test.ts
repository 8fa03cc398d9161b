/**
 * What a visitor reads on every public page, in both languages: no raw codes of values (rd_center, wfoe), no notes
 * written for editors ("as printed", "the guide prints", 应为), and on /zh pages no English sentences. Every page of
 * the sitemap, every tool page and every page of the lists is rendered once; the checks run on its visible text.
 * Notes about the data itself belong in the "About this data" disclosure (<details class="data-note">), which the
 * curation-phrase check skips. PUBLIC_TEXT_DUMP=<file> appends every finding to that file as JSON.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPaths } from '../src/modules/sitemap/sitemap.js';
import { urls } from '../src/platform/http/urls.js';
import type { Lang } from '../src/platform/i18n/i18n.js';
import { latinSentences, withoutAddresses } from './helpers/latin-sentences.js';
import { everyPageType } from './helpers/page-urls.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface Page {
  url: string;
  /** Visible text of the whole page. */
  text: string;
  /** Visible text without the "About this data" disclosures. */
  publicText: string;
  /** Visible text of <main>, without what is marked lang="en". */
  main: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A tag with its attributes, whose quoted values may hold ">". */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** Visible text: scripts, styles, comments, form-control values and attributes go; each tag becomes a space. */
export function visibleText(html: string): string {
  const withoutInvisible = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<textarea\b[\s\S]*?<\/textarea>/gi, ' ');
  return decode(withoutInvisible.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}

/** Removes every <details class="data-note"> … </details> (they do not nest). */
function withoutDataNotes(html: string): string {
  return html.replace(/<details\b[^>]*class="[^"]*\bdata-note\b[^"]*"[^>]*>[\s\S]*?<\/details>/g, ' ');
}

/** Removes elements marked as English on purpose (a Chinese page's glossary term or a project's printed English name). */
function withoutMarkedEnglish(html: string): string {
  return html.replace(/<(\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ');
}

function mainOf(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  return start >= 0 && end > start ? html.slice(start, end) : html;
}

/** (a) A value's code: snake_case (rd_center, hq_authorised), or one of the bare value codes of the questionnaire. */
const BARE_CODES = ['wfoe', 'jv', 'rep_office', 'rd_center', 'regional_hq', 'hq_authorised', 'rd_hq', 'tech_sme', 'high_tech', 'hong_kong', 'six_urban', 'ftz_cluster', 'pilot_ftz'];
export function rawCodes(text: string): string[] {
  const clean = withoutAddresses(text);
  const snake = clean.match(/(?<![\w/.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/.-])/g) ?? [];
  const bare = clean.match(new RegExp(`(?<![\\w/.-])(?:${BARE_CODES.join('|')})(?![\\w/.-])`, 'g')) ?? [];
  return [...new Set([...snake, ...bare])];
}

/** (b) Phrases that speak to editors about the sources rather than to the investor. */
const CURATION = [
  /\bseeds?\b(?! industry| breeding|ling| production| \(seedlings\))/i,
  /general knowledge/i,
  /\b(as|copied as) printed\b/i,
  /\bprinted (as|once)\b/i,
  /\bthe (guide|source|original) (prints|carries|typesets?|repeats|header|summary|table)\b/i,
  /\bthe guide's (table|list|own|conversion)\b/i,
  /\b(listed )?in the guide (under|as|this)\b/i,
  /\b(in|scan) the QR code\b/i,
  /\btypo\b/i,
  /\bmisprint/i,
  /\bcuration\b/i,
  /\beditors?'? note/i,
  /\bwe (entered|wrote|read|kept|treat|added)\b/i,
  /\bour (mapping|reading)\b/i,
  /\bgarbled\b/i,
  /\bmerged cells\b/i,
  /\(sic\)/i,
  /应为/,
  /照录|照原文/,
  /原文(印|作“|为“|如此|未标|无%|写作|列举|中写)/,
  /原表/,
  /指南(印有|未列出|未标|其他部分|中的二维码|中未)/,
  /我们(将其|理解|的标注|录入)/,
  /疑有误/,
  /按来源原文|来源文件(印作|所印)/,
];
export function curationPhrases(text: string): string[] {
  return CURATION.flatMap((pattern) => {
    const match = text.match(pattern);
    if (!match || match.index === undefined) return [];
    return [text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 60)];
  });
}

function pagePaths(t: TestApp, lang: Lang): string[] {
  const store = t.content.store;
  const paths = new Set<string>(publicPaths(store).map((path) => path(lang)));
  for (const url of Object.values(everyPageType(store, lang))) paths.add(url);
  for (const district of store.districts) {
    paths.add(urls.projects(lang, { district: district.id }));
    paths.add(urls.directory(lang, district.id));
  }
  for (let page = 2; page <= Math.ceil(store.policies.length / 20); page++) paths.add(urls.policies(lang, { page }));
  // The investor tools with every kind of answer given, so every value's label is shown somewhere.
  paths.add(`${urls.policiesForMe(lang)}?entity_type=wfoe&district=chaoyang&statuses=hq_authorised,tech_sme&investor_origin=hong_kong&investor_type=company&in_ftz=yes&staff=10&paid_in_capital_usd=100000`);
  paths.add(`${urls.policiesForMe(lang)}?entity_type=rep_office&district=bda&statuses=rd_hq&investor_origin=taiwan&imports_goods=yes&hires_foreign_staff=no&business_lines=embodied_intelligence,tcm_hospital`);
  paths.add(`${urls.plan(lang)}?industry=new-generation-information-technology&entity_type=wfoe&district=chaoyang&staff=20&hires_foreign_staff=yes&imports_goods=yes&activity=software`);
  // Every market-access item's check, so each item's conditions and each list's notes are read.
  for (const item of store.all('market-access-items')) paths.add(`${urls.marketAccess(lang)}?activity=${item.id}`);
  return [...paths];
}

let t: TestApp;
const pages: Record<Lang, Page[]> = { en: [], zh: [] };
const failedPages: string[] = [];

beforeAll(async () => {
  t = await startTestApp('pglite');
  for (const lang of ['en', 'zh'] as const) {
    for (const url of pagePaths(t, lang)) {
      const response = await t.app.inject({ url });
      if (response.statusCode !== 200) {
        failedPages.push(`${url} answered ${response.statusCode}`);
        continue;
      }
      const html = response.body;
      pages[lang].push({ url, text: visibleText(html), publicText: visibleText(withoutDataNotes(html)), main: visibleText(withoutMarkedEnglish(mainOf(html))) });
    }
  }
}, 300_000);
afterAll(() => t.close());

function findings(lang: Lang, label: string, check: (page: Page) => string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const page of pages[lang]) {
    const hits = check(page);
    if (hits.length) found[page.url] = hits;
  }
  if (process.env.PUBLIC_TEXT_DUMP) appendFileSync(process.env.PUBLIC_TEXT_DUMP, JSON.stringify({ lang, check: label, found }, null, 1) + '\n');
  return found;
}

describe('the scanners', () => {
  it('see visible text only', () => {
    expect(visibleText('<p title="rd_center > x">A<script>var wfoe_x=1</script> <b>B</b> &amp; C</p>')).toBe('A B & C');
    expect(rawCodes('you said wfoe; needed: rd_center; see https://x.gov.cn/a_b and a_b@x.com')).toEqual(['rd_center', 'wfoe']);
    expect(curationPhrases('The guide prints 12306 (as printed).')).toHaveLength(2);
    expect(latinSentences('高新技术企业 Beijing Government Notice [2021] No.21 文件')).toHaveLength(0);
    expect(latinSentences('来源：LIFE IN BEIJING > Medical Services in the city of Beijing')).toHaveLength(1);
    expect(latinSentences('单价 yuan per cubic metre for the users')).toHaveLength(1);
  });
});

describe.each(['en', 'zh'] as const)('public pages in %s', (lang) => {
  it('cover every page of the sitemap, each answering 200', () => {
    expect(failedPages.filter((f) => f.startsWith(`/${lang}`))).toEqual([]);
    expect(pages[lang].length).toBeGreaterThan(200);
  });

  it('show no raw codes of values', () => {
    expect(findings(lang, 'codes', (page) => rawCodes(page.text))).toEqual({});
  });

  it('show no notes written for editors outside "About this data"', () => {
    expect(findings(lang, 'curation', (page) => curationPhrases(page.publicText))).toEqual({});
  });
});

describe('Chinese pages', () => {
  it('have no English sentences in the page body', () => {
    expect(findings('zh', 'latin', (page) => latinSentences(page.main))).toEqual({});
  });
});
