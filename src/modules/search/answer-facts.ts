/** Reads one structured fact out of a search hit and states it as a sentence, with its source. */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { SourceRef } from '../../platform/views/sources.js';
import { cellText } from '../content/index.js';
import { displayValue, type ContentStore, type ContentTable } from '../content/index.js';
import { tableRowText } from './passages.js';
import type { SearchHit } from './search-index.js';

import type { Intent } from './intents.js';
import { agreement, agrees, negationDiffers, termsOf, type Subject } from './answer-subject.js';

export interface AnswerCard {
  intent: Intent;
  sentence: string;
  value: string;
  subject: string;
  url: string;
  source: SourceRef;
  /** When several rows of a table answer together: each row's name and value, shown as a list. */
  rows?: { label: string; value: string }[];
}

const zh = (lang: Lang) => lang === 'zh';

function card(hit: SearchHit, lang: Lang, intent: Intent, subject: string, value: string, sentence: string): AnswerCard {
  return { intent, subject, value, sentence, url: hit.unit.url[lang], source: hit.unit.source };
}

function contactFact(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang): AnswerCard | null {
  const contact = store.get('contacts', hit.unit.id);
  if (!contact) return null;
  const name = contact[lang].name;
  const say = (label: { en: string; zh: string }, value: string) =>
    card(hit, lang, intent, name, value, zh(lang) ? `${name}的${label.zh}是${value}。` : `The ${label.en} of ${name} is ${value}.`);
  switch (intent) {
    case 'phone':
      return contact.phones.length ? say({ en: 'telephone number', zh: '电话' }, contact.phones.map((p) => (p.label ? `${p.number} (${p.label[lang]})` : p.number)).join(zh(lang) ? '，' : ', ')) : null;
    case 'address':
      return contact[lang].address ? say({ en: 'address', zh: '地址' }, contact[lang].address!) : null;
    case 'postcode':
      return contact.postcode ? say({ en: 'postcode', zh: '邮编' }, contact.postcode) : null;
    case 'fax':
      return contact.fax ? say({ en: 'fax number', zh: '传真' }, contact.fax) : null;
    case 'email':
      return contact.email ? say({ en: 'email address', zh: '电子邮箱' }, contact.email) : null;
    case 'website':
      return contact.website ? say({ en: 'website', zh: '网址' }, contact.website) : null;
    default:
      return null;
  }
}

function parkFact(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang): AnswerCard | null {
  const park = store.get('parks', hit.unit.id);
  if (!park || hit.unit.key !== `parks:${park.id}`) return null;
  const name = park[lang].name;
  if (intent === 'phone' && park.phones.length) return card(hit, lang, intent, name, park.phones.join(', '), zh(lang) ? `${name}的电话是${park.phones.join('，')}。` : `The telephone number of ${name} is ${park.phones.join(', ')}.`);
  if (intent === 'address' && park[lang].address) return card(hit, lang, intent, name, park[lang].address!, zh(lang) ? `${name}的地址是${park[lang].address}。` : `The address of ${name} is ${park[lang].address}.`);
  if ((intent === 'figure' || intent === 'threshold') && park.planned_area_km2) {
    const v = `${park.planned_area_km2} km²`;
    return card(hit, lang, intent, name, v, zh(lang) ? `${name}的规划面积为${park.planned_area_km2}平方公里。` : `${name} has a planned area of ${v}.`);
  }
  return null;
}

/**
 * The rows of a table that answer the question: those whose text agrees best with the question's subject, and among
 * them those that add the fewest words the question did not use ("minimum wage" does not say "part-time"). One row
 * left is the answer; several left are all part of it (the table is the answer); none agreeing is no answer.
 */
function answeringRows(table: ContentTable, subject: Subject, lang: Lang): number[] {
  const rows = table.rows.map((row, index) => ({ index, terms: termsOf(tableRowText(table, row, lang)), label: rowLabelTerms(table, row, lang) }));
  // A word of the question that other rows have and this one lacks asks for those rows ("monthly" is the full-time
  // row's unit, "part-time" the others' label): this row does not answer it.
  const contradicted = (r: (typeof rows)[number]) => negationDiffers(subject, r.terms) || subject.terms.some((t) => !r.terms.has(t) && rows.some((o) => o.terms.has(t)));
  const candidates = rows.filter((r) => !contradicted(r));
  const best = Math.max(0, ...candidates.map((r) => agreement(subject, r.terms)));
  const agreeing = candidates.filter((r) => agreement(subject, r.terms) === best && agrees(subject, r.terms));
  // Rows are told apart only by words of their own labels that the question uses; when it uses none, every agreeing
  // row answers ("social insurance rates" is the whole table).
  const shared = (t: string) => agreeing.every((r) => r.label.has(t));
  const named = (r: (typeof rows)[number]) => subject.terms.filter((t) => r.label.has(t) && !shared(t)).length;
  const most = Math.max(0, ...agreeing.map(named));
  if (most === 0) return agreeing.map((r) => r.index);
  const distinguished = agreeing.filter((r) => named(r) === most);
  const extras = (r: (typeof rows)[number]) => [...r.label].filter((t) => !subject.terms.includes(t)).length;
  const fewest = Math.min(...distinguished.map(extras));
  return distinguished.filter((r) => extras(r) === fewest).map((r) => r.index);
}

function rowLabelTerms(table: ContentTable, row: ContentTable['rows'][number], lang: Lang): Set<string> {
  const text = table.columns.filter((c) => !c.hidden && c.type === 'text').map((c) => cellText(row[c.key], lang)).join(' ');
  return termsOf(text);
}

const MAX_ROWS_IN_CARD = 8;

/** The kind of figure each intent asks for: a time limit is in days or months, a price in yuan, a rate in per cent. */
const VALUE_KIND: Record<Intent, RegExp> = {
  rent: /yuan|元|¥/i,
  price: /yuan|元|¥/i,
  rate: /%|‰|per ?cent|百分/i,
  time_limit: /\b(days?|weeks?|months?|years?|hours?|minutes?)\b|工作日|天|日|周|月|年|小时|分钟/i,
  threshold: /\d/,
  figure: /\d/,
  phone: /\d/, postcode: /\d/, fax: /\d/, email: /@/, website: /\./, address: /./, documents: /./, document_number: /./,
};

function tableRowFact(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang, subject: Subject): AnswerCard | null {
  if (!['rent', 'price', 'rate', 'time_limit', 'threshold', 'figure'].includes(intent)) return null;
  const item = hit.unit.type === 'costs' ? store.get('costs', hit.unit.id) : hit.unit.type === 'procedures' ? store.get('procedures', hit.unit.id) : undefined;
  if (!item) return null;
  const part = hit.unit.key.split(':')[2];
  // The table the hit is in (a hit on a row names it; a hit on the whole item may mean any of its tables).
  const tables = item.tables.filter((table) => !part || part.startsWith(`${table.id}-`) || !/-\d+$/.test(part));
  for (const table of tables) {
    const rows = answeringRows(table, subject, lang);
    if (rows.length === 0 || rows.length > MAX_ROWS_IN_CARD) continue;
    const label = table.columns.find((c) => !c.hidden && c.type === 'text');
    // A row's value: its cells other than its name, leaving out a number the row already states in words
    // ("No less than 2420 yuan per month" makes "Minimum: 2,420 yuan" and "Per: month" say nothing new).
    const valueOf = (row: ContentTable['rows'][number]) => {
      const cells = table.columns
        .filter((c) => !c.hidden && c !== label && row[c.key] !== null && row[c.key] !== undefined && cellText(row[c.key], lang) !== '—')
        .map((c) => ({ c, text: cellText(row[c.key], lang) }));
      const worded = cells.filter((x) => typeof row[x.c.key] !== 'number' && /\d/.test(x.text)).map((x) => x.text.replace(/,/g, '')).join(' ');
      const said = (x: (typeof cells)[number]) => (typeof row[x.c.key] === 'number' ? worded.includes(String(row[x.c.key])) : !/\d/.test(x.text) && worded.includes(x.text));
      const shown = cells.filter((x) => !(worded && said(x)));
      return shown.map((x) => `${x.c[lang]}: ${x.text}${x.c.unit ? ` ${x.c.unit[lang]}` : ''}`).join(zh(lang) ? '；' : '; ');
    };
    if (!rows.every((i) => VALUE_KIND[intent].test(valueOf(table.rows[i])))) continue;
    const rowName = (row: ContentTable['rows'][number]) => (label ? cellText(row[label.key], lang) : '');
    if (rows.length === 1) {
      const row = table.rows[rows[0]];
      const value = valueOf(row);
      if (!value) continue;
      const subjectText = `${table[lang].caption}${label ? ` — ${rowName(row)}` : ''}`;
      return card(hit, lang, intent, subjectText, value, zh(lang) ? `${subjectText}：${value}。` : `${subjectText}: ${value}.`);
    }
    // Several rows answer together: the table's rows, each named, are the answer.
    const listed = rows.map((i) => ({ label: rowName(table.rows[i]), value: valueOf(table.rows[i]) }));
    const value = listed.map((r) => `${r.label} — ${r.value}`).join(zh(lang) ? '；' : '; ');
    const subjectText = table[lang].caption;
    return { ...card(hit, lang, intent, subjectText, value, zh(lang) ? `${subjectText}：` : `${subjectText}:`), rows: listed };
  }
  return null;
}

function stepFact(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang): AnswerCard | null {
  if (hit.unit.type !== 'procedures') return null;
  const procedure = store.get('procedures', hit.unit.id);
  if (!procedure) return null;
  const stepMatch = hit.unit.key.match(/:step-(\d+)$/);
  // A hit on the procedure itself answers from its first step that holds the fact asked for.
  const step = stepMatch
    ? procedure.steps[Number(stepMatch[1]) - 1]
    : procedure.steps.find((s) => (intent === 'time_limit' ? s.time_limit : intent === 'documents' ? s[lang].documents.length : false));
  if (!step) return null;
  const subject = `${procedure[lang].title} — ${step[lang].title}`;
  if (intent === 'time_limit' && step.time_limit) {
    return card(hit, lang, intent, subject, step.time_limit[lang], zh(lang) ? `${subject}的时限：${step.time_limit.zh}。` : `Time limit for ${subject}: ${step.time_limit.en}.`);
  }
  if (intent === 'documents' && step[lang].documents.length) {
    const list = step[lang].documents.join(zh(lang) ? '；' : '; ');
    return card(hit, lang, intent, subject, list, zh(lang) ? `${subject}需要提交：${list}。` : `For ${subject} you need: ${list}.`);
  }
  return null;
}

function statisticFact(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang): AnswerCard | null {
  if (hit.unit.type !== 'statistics' || !['figure', 'rate', 'price', 'threshold'].includes(intent)) return null;
  const stat = store.get('statistics', hit.unit.id);
  if (!stat) return null;
  const shown = displayValue(stat, lang);
  const value = `${shown.value} ${shown.unit}`;
  return card(hit, lang, intent, stat[lang].label, value, zh(lang) ? `${stat.year}年${stat.zh.label}为${value}。` : `${stat.en.label} in ${stat.year}: ${value}.`);
}

/**
 * The fact this hit gives for the intent, or null — also when the fact's subject does not agree with the question's
 * (see answer-subject.ts): a passage near the question is shown as a passage, never stated as its answer.
 */
export function factFromHit(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang, subject: Subject): AnswerCard | null {
  const stated = (fact: AnswerCard | null) => (fact && agrees(subject, fact.subject) ? fact : null);
  switch (hit.unit.type) {
    case 'contacts':
      return stated(contactFact(hit, intent, store, lang));
    case 'parks':
      return stated(parkFact(hit, intent, store, lang));
    case 'statistics':
      return stated(statisticFact(hit, intent, store, lang));
    case 'costs':
      return tableRowFact(hit, intent, store, lang, subject);
    case 'procedures':
      return stated(stepFact(hit, intent, store, lang)) ?? tableRowFact(hit, intent, store, lang, subject);
    default:
      return null;
  }
}
