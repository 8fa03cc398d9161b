/** Where a ranked location lives on the site, and how locations are named in links and comparison lists. */
import type { Lang } from '../../platform/i18n/i18n.js';
import { urls } from '../../platform/http/urls.js';
import type { LocationKind, LocationScore } from './rank.js';

/** A location's key in a URL (`compare=park:beijing-etdz`); a bare id is a district (links made before parks were ranked). */
export const locationKey = (location: { kind: LocationKind; id: string }) => `${location.kind}:${location.id}`;

export function parseLocationKey(key: string): { kind: LocationKind; id: string } | null {
  const match = /^(?:(district|park|ftz_cluster|project):)?([a-z0-9-]{1,80})$/.exec(key.trim());
  return match ? { kind: (match[1] ?? 'district') as LocationKind, id: match[2] } : null;
}

export function locationUrl(lang: Lang, location: Pick<LocationScore, 'kind' | 'id' | 'districts' | 'name'>): string {
  switch (location.kind) {
    case 'district': return urls.district(lang, location.id);
    case 'park': return urls.park(lang, location.id);
    case 'ftz_cluster': return urls.zone(lang, location.id);
    case 'project': return urls.projects(lang, { district: location.districts[0], q: location.name.en });
  }
}
