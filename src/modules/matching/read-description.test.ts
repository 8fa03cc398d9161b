/** Business lines read from an investor's own words, by the terms content/rules/facts.json gives for each line. */
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { valuesInDescription } from './read-description.js';

let store: ContentStore;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
});
const lines = (text: string) => valuesInDescription(store, 'business_lines', text).map((v) => v.value).sort();

describe('business lines in a description', () => {
  it.each([
    ['R&D and manufacturing of humanoid robots', ['embodied_intelligence', 'manufacturing', 'robotics']],
    ['a traditional Chinese medicine hospital', ['tcm_hospital']],
    ['general hospital', ['hospital']],
    ['cross-border transfer of customer data', ['data_export']],
    ['开设品牌首店', ['first_store']],
    ['脑机接口研发', ['brain_computer_interface']],
    ['management consulting', []],
  ])('reads "%s" as %j', (text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});
