/**
 * What the platform knows about one location of any kind (district, park or zone, FTZ cluster, 2025 project), in the
 * aspects the side-by-side comparison shows. A park, cluster or project inherits what is known only per district
 * (rents, district policies, contacts) from the district(s) it lies in, and says so.
 */
import type { ContentStore, Contact, Industry, Policy } from '../content/index.js';
import { districtRents, type DistrictRent } from '../districts/index.js';
import type { LocationKind } from './rank.js';
import { findTerm } from './terms.js';

type Bi = { en: string; zh: string };

export interface LocationProfile {
  kind: LocationKind;
  id: string;
  name: Bi;
  /** Districts the location lies in (all of them for a district-spanning zone). */
  districts: string[];
  industries: Industry[];
  ftz: Bi[];
  bonded: Bi[];
  rents: DistrictRent[];
  policies: Policy[];
  projects: Bi[];
  contacts: { name: Bi; phone?: string }[];
}

function nameVariants(store: ContentStore, districtId: string): string[] {
  const d = store.get('districts', districtId);
  if (!d) return [];
  return [d.en.name.replace(/ District$/, ''), d.zh.name.replace(/区$/, ''), ...(d.id === 'bda' ? ['Economic-Technological Development Area', '经济技术开发区', 'Yizhuang', '亦庄'] : [])];
}

/** District- and park-level policies whose title names the place. */
function policiesNaming(store: ContentStore, names: string[]): Policy[] {
  return store.policies.filter((p) => (p.level === 'district' || p.level === 'park') && names.some((n) => n.length > 1 && `${p.en.title} ${p.zh.title}`.includes(n)));
}

const uniqueById = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];

function districtPart(store: ContentStore, districts: string[]) {
  const profiles = districts.map((d) => store.districtProfile(d)).filter((p) => p !== undefined);
  return {
    clusters: uniqueById(profiles.flatMap((p) => p.clusters)),
    bonded: uniqueById(profiles.flatMap((p) => p.parks.filter((x) => x.park_type === 'bonded_zone'))),
    rents: districts.flatMap((d) => districtRents(store, d)),
    policies: uniqueById(policiesNaming(store, districts.flatMap((d) => nameVariants(store, d)))),
    projects: profiles.flatMap((p) => p.projects),
    industries: uniqueById(profiles.flatMap((p) => p.industries)),
    contacts: uniqueById(profiles.flatMap((p) => p.contacts.filter((c: Contact) => c.org_type === 'commerce_bureau' || c.org_type === 'investment_promotion'))),
  };
}

const biName = (x: { en: { name: string }; zh: { name: string } }): Bi => ({ en: x.en.name, zh: x.zh.name });
const contactOf = (c: Contact) => ({ name: biName(c), phone: c.phones[0]?.number });

export function locationProfile(store: ContentStore, kind: LocationKind, id: string): LocationProfile | null {
  const industriesMatching = (text: Bi) =>
    store.all('site-terms').flatMap((t) => (t.applies_to === 'industry' && findTerm(t, text) ? [store.get('industries', t.industry)!] : []));
  switch (kind) {
    case 'district': {
      const d = store.get('districts', id);
      if (!d) return null;
      const part = districtPart(store, [id]);
      return { kind, id, name: biName(d), districts: [id], industries: part.industries, ftz: part.clusters.map(biName), bonded: part.bonded.map(biName), rents: part.rents, policies: part.policies, projects: [{ en: String(part.projects.length), zh: String(part.projects.length) }], contacts: part.contacts.map(contactOf) };
    }
    case 'park': {
      const park = store.get('parks', id);
      if (!park) return null;
      const part = districtPart(store, park.districts.length <= 2 ? park.districts : []);
      const industries = store.all('industries').filter((i) => i.parks.includes(park.id) || (park.parent !== undefined && i.parks.includes(park.parent)));
      return {
        kind, id, name: biName(park), districts: park.districts,
        industries,
        ftz: part.clusters.map(biName),
        bonded: park.park_type === 'bonded_zone' ? [biName(park)] : part.bonded.map(biName),
        rents: part.rents,
        policies: uniqueById([...policiesNaming(store, [park.en.name, park.zh.name]), ...part.policies]),
        projects: [{ en: String(part.projects.length), zh: String(part.projects.length) }],
        contacts: [...(park.phones.length ? [{ name: { en: park.en.management_body ?? park.en.name, zh: park.zh.management_body ?? park.zh.name }, phone: park.phones[0] }] : []), ...part.contacts.map(contactOf)],
      };
    }
    case 'ftz_cluster': {
      const zone = store.get('zones', id);
      if (!zone || (zone.zone_type !== 'ftz_cluster' && zone.zone_type !== 'airport_zone')) return null;
      const part = districtPart(store, zone.districts);
      const text = { en: [zone.en.summary, ...zone.en.points].join(' '), zh: [zone.zh.summary, ...zone.zh.points].join(' ') };
      return { kind, id, name: biName(zone), districts: zone.districts, industries: uniqueById(industriesMatching(text)), ftz: [biName(zone)], bonded: part.bonded.map(biName), rents: part.rents, policies: part.policies, projects: [{ en: String(part.projects.length), zh: String(part.projects.length) }], contacts: part.contacts.map(contactOf) };
    }
    case 'project': {
      const project = store.get('projects', id);
      if (!project) return null;
      const part = districtPart(store, [project.district]);
      return { kind, id, name: biName(project), districts: [project.district], industries: uniqueById(industriesMatching(biName(project))), ftz: part.clusters.map(biName), bonded: part.bonded.map(biName), rents: part.rents, policies: part.policies, projects: [biName(project)], contacts: part.contacts.map(contactOf) };
    }
  }
}
