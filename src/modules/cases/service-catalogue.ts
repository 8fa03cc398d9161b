/**
 * What the public pages show of the service catalogue (content/service-line): the time limits each kind of request
 * gets, the three limits of the complaint mechanism for foreign-invested enterprises, the topics and the districts —
 * in the order an investor reads them.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { SourceRef } from '../../platform/views/sources.js';
import { CASE_KINDS, LIMIT_STAGES, type CaseKind, type ContentStore, type ServiceLimit, type ServiceTopic } from '../content/index.js';

export interface ServiceCatalogue {
  /** Each kind with the 12345 line's feedback limits that apply to it (the accepting office picks one). */
  kinds: { kind: CaseKind; limits: ServiceLimit[] }[];
  /** Acceptance, materials and handling limits of the foreign-invested enterprise complaint mechanism. */
  fieLimits: ServiceLimit[];
  topics: ServiceTopic[];
  districts: { id: string; name: string }[];
}

export function serviceCatalogue(store: ContentStore, lang: Lang): ServiceCatalogue {
  const limits = store.all('service-limits');
  const byAmount = (a: ServiceLimit, b: ServiceLimit) => a.limit.amount - b.limit.amount;
  return {
    kinds: CASE_KINDS.map((kind) => ({ kind, limits: limits.filter((l) => l.stage === 'feedback' && !l.fie_complaint && l.case_kinds.includes(kind)).sort(byAmount) })),
    fieLimits: limits.filter((l) => l.fie_complaint).sort((a, b) => LIMIT_STAGES.indexOf(a.stage) - LIMIT_STAGES.indexOf(b.stage)),
    topics: [...store.all('service-topics')].sort((a, b) => a.order - b.order),
    districts: store.districts.map((d) => ({ id: d.id, name: d[lang].name })),
  };
}

export function limitSources(limits: readonly ServiceLimit[]): SourceRef[] {
  return limits.flatMap((l) => l.sources);
}

/** The legal texts the limits cite (each once). */
export function legalBases(limits: readonly ServiceLimit[], lang: Lang): string[] {
  return [...new Set(limits.flatMap((l) => (l.legal_basis ? [l.legal_basis[lang]] : [])))];
}
