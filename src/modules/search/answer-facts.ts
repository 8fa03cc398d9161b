/** Reads one structured fact out of a search hit and states it as a sentence, with its source. */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { SourceRef } from '../../platform/views/sources.js';
import { cellText } from '../../platform/views/data-table.js';
import { displayValue, type ContentStore, type ContentTable } from '../content/index.js';
import { tableRowText } from './passages.js';
import type { SearchHit } from './search-index.js';

import type { Intent } from './intents.js';

export interface AnswerCard {
  intent: Intent;
  sentence: string;
  value: string;
  subject: string;
  url: string;
  source: SourceRef;
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

/** A table row holding a number: rents, prices, rates, time limits and thresholds live in tables. */
/**
 * The row a hit on a whole table item means: the only row that mentions more of the question's words than any
 * other. When rows tie (e.g. "electricity price" matches every tariff row) there is no single answer to state.
 */
function bestRow(table: ContentTable, terms: string[], lang: Lang): number | null {
  const scores = table.rows.map((_, index) => {
    const text = tableRowText(table, table.rows[index], lang).toLowerCase();
    return terms.filter((term) => text.includes(term)).length;
  });
  const best = Math.max(...scores);
  return best > 0 && scores.filter((s) => s === best).length === 1 ? scores.indexOf(best) : null;
}

function tableRowFact(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang, terms: string[]): AnswerCard | null {
  if (!['rent', 'price', 'rate', 'time_limit', 'threshold', 'figure'].includes(intent)) return null;
  const item = hit.unit.type === 'costs' ? store.get('costs', hit.unit.id) : hit.unit.type === 'procedures' ? store.get('procedures', hit.unit.id) : undefined;
  if (!item) return null;
  const part = hit.unit.key.split(':')[2];
  for (const table of item.tables) {
    const match = part?.match(new RegExp(`^${table.id}-(\\d+)$`));
    const rowIndex = match ? Number(match[1]) - 1 : part ? null : bestRow(table, terms, lang);
    if (rowIndex === null) continue;
    const row = table.rows[rowIndex];
    const label = table.columns.find((c) => !c.hidden && c.type === 'text');
    const values = table.columns.filter((c) => !c.hidden && c.type !== 'text' && row[c.key] !== null && row[c.key] !== undefined);
    if (!row || values.length === 0) return null;
    const subject = `${table[lang].caption}${label ? ` — ${cellText(row[label.key], lang)}` : ''}`;
    const value = values.map((c) => `${c[lang]}: ${cellText(row[c.key], lang)}${c.unit ? ` ${c.unit[lang]}` : ''}`).join(zh(lang) ? '；' : '; ');
    return card(hit, lang, intent, subject, value, zh(lang) ? `${subject}：${value}。` : `${subject}: ${value}.`);
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

export function factFromHit(hit: SearchHit, intent: Intent, store: ContentStore, lang: Lang, terms: string[] = []): AnswerCard | null {
  switch (hit.unit.type) {
    case 'contacts':
      return contactFact(hit, intent, store, lang);
    case 'parks':
      return parkFact(hit, intent, store, lang);
    case 'statistics':
      return statisticFact(hit, intent, store, lang);
    case 'costs':
      return tableRowFact(hit, intent, store, lang, terms);
    case 'procedures':
      return stepFact(hit, intent, store, lang) ?? tableRowFact(hit, intent, store, lang, terms);
    default:
      return null;
  }
}
