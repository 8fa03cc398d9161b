import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { SearchIndex } from './search-index.js';
import { answerQuestion } from './answers.js';

let index: SearchIndex;
let store: ContentStore;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
  index = SearchIndex.fromStore(store);
});

describe('search', () => {
  it('finds R&D centre policies from a Chinese query', () => {
    const outcome = index.search('外资研发中心', { lang: 'zh', type: 'policies' });
    expect(outcome.hits[0].unit.id).toMatch(/rd-center/);
  });

  it('finds the Tongzhou real estate registration centre from 房产登记 通州', () => {
    const top = index.search('房产登记 通州', { lang: 'zh', limit: 3 }).hits.map((h) => h.unit.id);
    expect(top).toContain('tongzhou-real-estate-registration');
  });

  it('tolerates typos and plurals in English, and offers a correction', () => {
    const outcome = index.search('represntative offices registraton', { lang: 'en' });
    expect(outcome.hits[0].unit.id).toBe('resident-representative-office-registration');
    expect(outcome.didYouMean).toContain('representative');
  });

  it('filters by type and counts results per type', () => {
    const all = index.search('commerce bureau', { lang: 'en' });
    const contacts = index.search('commerce bureau', { lang: 'en', type: 'contacts' });
    expect(contacts.hits.every((h) => h.unit.type === 'contacts')).toBe(true);
    expect(contacts.total).toBe(all.countsByType.contacts);
  });

  it('returns nothing, not an error, for words that match nothing or only stop words', () => {
    expect(index.search('zzqxw', { lang: 'en' }).total).toBe(0);
    expect(index.search('   ', { lang: 'en' }).total).toBe(0);
  });

  it('keeps every passage within about 1,000 characters', () => {
    expect(index.units.every((u) => u.passage.en.length <= 1000 && u.passage.zh.length <= 1000)).toBe(true);
  });

  it('suggests completions', () => {
    const suggestions = index.suggest('perman', 'en');
    expect(suggestions.some((s) => /permanent/i.test(s.text))).toBe(true);
  });
});

describe('answers', () => {
  it('states a phone number in a sentence with its source', () => {
    const answer = answerQuestion(index, store, 'What is the phone number of the Haidian District Commerce Bureau?', 'en');
    expect(answer.card?.sentence).toBe('The telephone number of Haidian District Commerce Bureau is +86 10 88496768.');
    expect(answer.card?.source.document).toBe('000_b5e748836c3b3473.txt');
  });

  it('answers a Chinese question in Chinese', () => {
    const answer = answerQuestion(index, store, '海淀区人力社保局的邮编是多少', 'zh');
    expect(answer.card?.sentence).toBe('北京市海淀区人力资源和社会保障局的邮编是100195。');
  });

  it('reads a price from a cost table row', () => {
    const answer = answerQuestion(index, store, 'minimum wage for full-time employees', 'en');
    expect(answer.passages[0].unit.type).toBe('costs');
    const rent = answerQuestion(index, store, 'Grade A office rent in Financial Street', 'en');
    expect(rent.card?.value).toContain('453.37');
  });

  it('says so when nothing is found', () => {
    const answer = answerQuestion(index, store, 'qqqzzz xxyyzz', 'en');
    expect(answer.noAnswer).toBe(true);
    expect(answer.card).toBeNull();
  });
});

describe('answer cards that would state another fact', () => {
  it('do not answer a fax question with the telephone, nor residential heating with the non-residential table', async () => {
    const idx = SearchIndex.fromStore(new ContentStore(1, await realContent()));
    const store = new ContentStore(1, await realContent());
    expect(answerQuestion(idx, store, '北京市投资促进局的传真号码是多少？', 'zh').card).toBeNull();
    expect(answerQuestion(idx, store, 'What is the heating price per square metre for residential users in the six urban districts?', 'en').card).toBeNull();
    expect(answerQuestion(idx, store, '海淀区商务局电话号码是多少', 'zh').card?.value).toContain('88496768');
  });
});
