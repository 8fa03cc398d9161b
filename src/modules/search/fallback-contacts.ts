/**
 * Who to ask when the content has no answer: the investment promotion and commerce offices of the district the
 * question names, else the municipal ones and the 12345 enterprise hotline.
 */
import type { Contact, ContentStore } from '../content/index.js';

const MUNICIPAL = ['beijing-investment-promotion-bureau', 'beijing-commerce-bureau', 'beijing-12345-hotline'];

export function fallbackContacts(store: ContentStore, question: string): Contact[] {
  const text = question.toLowerCase();
  const district = store.districts.find((d) => text.includes(d.en.name.replace(/ District$/, '').toLowerCase()) || text.includes(d.zh.name.replace(/区$/, '')));
  const local = district
    ? store.all('contacts').filter((c) => c.district === district.id && (c.org_type === 'investment_promotion' || c.org_type === 'commerce_bureau'))
    : [];
  const municipal = MUNICIPAL.map((id) => store.get('contacts', id)).filter((c): c is Contact => c !== undefined);
  return [...local, ...municipal];
}
