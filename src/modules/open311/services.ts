/**
 * Open311 services from the service catalogue: one service per topic and kind of request the topic takes
 * (`policies.inquiry`, `policies.complaint`, …), grouped by topic. A service code thus says everything the case's
 * routing needs (its kind picks the first time limit, its topic the reply templates), a client shows a plain list or
 * a list grouped by topic, and `GET requests?service_code=` filters by both. Every other field of the case is an
 * attribute of the service definition.
 */
import { CASE_KINDS, DISTRICT_IDS, type CaseKind, type ContentStore, type ServiceTopic } from '../content/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { Open311Attribute, Open311Service, ServiceDefinition } from './open311.schemas.js';

export interface ServiceCode {
  topic: ServiceTopic;
  kind: CaseKind;
}

export function serviceCodeOf(topicId: string, kind: CaseKind): string {
  return `${topicId}.${kind}`;
}

/** The topic and kind a code names, when the catalogue has the topic and the topic takes the kind. */
export function parseServiceCode(store: ContentStore, code: string): ServiceCode | undefined {
  const dot = code.lastIndexOf('.');
  if (dot < 1) return undefined;
  const kind = code.slice(dot + 1) as CaseKind;
  if (!CASE_KINDS.includes(kind)) return undefined;
  const topic = store.all('service-topics').find((item) => item.id === code.slice(0, dot));
  return topic && topic.case_kinds.includes(kind) ? { topic, kind } : undefined;
}

export function serviceName(store: ContentStore, topicId: string, kind: CaseKind, lang: Lang): string {
  const topic = store.all('service-topics').find((item) => item.id === topicId);
  return t(lang, 'open311.service.name', { kind: t(lang, `open311.kind.${kind}`), topic: topic?.[lang].name ?? topicId });
}

export function serviceList(store: ContentStore, lang: Lang): Open311Service[] {
  const topics = [...store.all('service-topics')].sort((a, b) => a.order - b.order);
  return topics.flatMap((topic) =>
    CASE_KINDS.filter((kind) => topic.case_kinds.includes(kind)).map((kind) => ({
      service_code: serviceCodeOf(topic.id, kind),
      service_name: serviceName(store, topic.id, kind, lang),
      description: topic[lang].hint,
      metadata: true,
      type: 'realtime' as const,
      keywords: [t(lang, `open311.kind.${kind}`), topic[lang].name, t(lang, 'open311.service.group')].join(', '),
      group: topic[lang].name,
    })),
  );
}

const yesNo = (lang: Lang) => [
  { key: 'true', name: t(lang, 'open311.value.yes') },
  { key: 'false', name: t(lang, 'open311.value.no') },
];

/** The attributes every service takes (fie_complaint only for complaints), in the order a client shows them. */
export function serviceDefinition(store: ContentStore, code: ServiceCode, lang: Lang): ServiceDefinition {
  const districts = DISTRICT_IDS.map((id) => ({ key: id, name: store.all('districts').find((d) => d.id === id)?.[lang].name ?? id }));
  const attributes: Omit<Open311Attribute, 'order' | 'variable'>[] = [
    { code: 'subject', datatype: 'string', required: false, datatype_description: t(lang, 'open311.attr.subject.type'), description: t(lang, 'open311.attr.subject') },
    { code: 'district', datatype: 'singlevaluelist', required: false, datatype_description: null, description: t(lang, 'open311.attr.district'), values: districts },
    { code: 'enterprise_name', datatype: 'string', required: false, datatype_description: t(lang, 'open311.attr.enterprise_name.type'), description: t(lang, 'open311.attr.enterprise_name') },
    { code: 'uscc', datatype: 'string', required: false, datatype_description: t(lang, 'open311.attr.uscc.type'), description: t(lang, 'open311.attr.uscc') },
    { code: 'foreign_invested', datatype: 'singlevaluelist', required: false, datatype_description: null, description: t(lang, 'open311.attr.foreign_invested'), values: yesNo(lang) },
    { code: 'investor_origin', datatype: 'string', required: false, datatype_description: t(lang, 'open311.attr.investor_origin.type'), description: t(lang, 'open311.attr.investor_origin') },
    ...(code.kind === 'complaint'
      ? [{ code: 'fie_complaint', datatype: 'singlevaluelist' as const, required: false, datatype_description: null, description: t(lang, 'open311.attr.fie_complaint'), values: yesNo(lang) }]
      : []),
    { code: 'anonymous', datatype: 'singlevaluelist', required: false, datatype_description: null, description: t(lang, 'open311.attr.anonymous'), values: yesNo(lang) },
    {
      code: 'lang', datatype: 'singlevaluelist', required: false, datatype_description: null, description: t(lang, 'open311.attr.lang'),
      values: [{ key: 'en', name: t(lang, 'open311.value.en') }, { key: 'zh', name: t(lang, 'open311.value.zh') }],
    },
    { code: 'consent', datatype: 'singlevaluelist', required: true, datatype_description: null, description: t(lang, 'open311.attr.consent'), values: [{ key: 'true', name: t(lang, 'open311.value.agree') }] },
  ];
  return {
    service_code: serviceCodeOf(code.topic.id, code.kind),
    attributes: attributes.map((attribute, index) => ({ variable: true, order: index + 1, ...attribute })),
  };
}
