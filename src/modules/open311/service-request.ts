/**
 * A GeoReport v2 POST read into the service line's one submission schema (the web form and the JSON API use the
 * same one). Open311's own fields map to the case's: description, email, phone, first_name + last_name; the service
 * code gives kind and topic; every other case field is an attribute of the service definition. Location is not how
 * this line routes a request (the district attribute is), so lat/long, address_string, address_id and media_url are
 * optional and, when given, kept as lines under the description for the handler (a media link is never fetched).
 */
import { caseSubmissionSchema, type CaseSubmission } from '../cases/index.js';
import type { ContentStore } from '../content/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { badRequest, notFound } from './open311-errors.js';
import { t } from './messages.js';
import { parseServiceCode, serviceDefinition } from './services.js';

/** GeoReport v2: "free form text limited to 4,000 characters" (the case itself takes more). */
export const DESCRIPTION_MAX = 4000;
const SUBJECT_FROM_DESCRIPTION_MAX = 100;

type Body = Record<string, unknown>;

/** A form field's value: the first of a repeated field, trimmed; empty counts as not sent (GeoReport "Optional"). */
function scalar(body: Body, name: string): string | undefined {
  const raw = body[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** `attribute[code]=v` and `attribute[code][]=v` from a form; `{"attribute": {"code": v}}` from JSON. */
export function attributesOf(body: Body): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, value: unknown) => {
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v ?? '').trim()).filter((v) => v !== '');
    if (values.length) found.set(code, [...(found.get(code) ?? []), ...values]);
  };
  for (const [key, value] of Object.entries(body)) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (match) add(match[1], value);
  }
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) for (const [code, value] of Object.entries(nested)) add(code, value);
  return found;
}

/** The subject a request without one gets: its description's first line, shortened on a word boundary. */
export function subjectFrom(description: string): string {
  const line = description.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l !== '') ?? '';
  if (line.length <= SUBJECT_FROM_DESCRIPTION_MAX) return line;
  const cut = line.slice(0, SUBJECT_FROM_DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > SUBJECT_FROM_DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/** The name the enterprise's contact gives, family name first without a space when written in Chinese characters. */
function contactName(first: string | undefined, last: string | undefined): string | undefined {
  if (first && last && /^\p{Script=Han}+$/u.test(first + last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ') || undefined;
}

const MESSAGES: Record<string, string> = {
  choose_district: 'is not one of the districts of the service definition',
  subject_required: 'is required',
  description_required: 'is required',
  description_short: 'must be at least 10 characters long',
  uscc_invalid: 'is not a unified social credit code: 18 letters and digits whose last character is the check character of the others',
  email_invalid: 'is not an e-mail address',
  phone_invalid: 'is not a telephone number (digits, spaces, brackets, dashes and a leading + only)',
  anonymous_with_contact: 'keeps no contact details: send no email or phone with attribute[anonymous]=true',
  contact_required: 'is required: give an email or a phone, or attribute[anonymous]=true',
  fie_needs_complaint: 'is only for complaints',
  fie_needs_fie: 'needs a foreign-invested enterprise: attribute[foreign_invested] may not be false',
  consent_required: 'is required: the enterprise must agree to its request being handled (value true)',
};

const FIELDS: Record<string, string> = {
  kind: 'service_code', topic: 'service_code', description: 'description', contact_email: 'email', contact_phone: 'phone',
  contact_name: 'first_name and last_name',
};

function describeIssue(path: string, code: string): string {
  const field = FIELDS[path] ?? `attribute[${path}]`;
  const tooLong = /^too_long:(\d+)$/.exec(code);
  return `${field} ${tooLong ? `is longer than ${tooLong[1]} characters` : (MESSAGES[code] ?? 'is not valid')}`;
}

/** Lines under the description for the location and media a client sent (nothing when it sent none). */
function trailer(body: Body, lang: Lang, client: string): string[] {
  const lines: string[] = [];
  const address = scalar(body, 'address_string');
  const addressId = scalar(body, 'address_id');
  const [lat, long] = [scalar(body, 'lat'), scalar(body, 'long')];
  const media = scalar(body, 'media_url');
  if (address) lines.push(t(lang, 'open311.trailer.address', { address }));
  if (addressId) lines.push(t(lang, 'open311.trailer.addressId', { id: addressId }));
  if (lat && long) lines.push(t(lang, 'open311.trailer.coordinates', { lat: Number(lat), long: Number(long) }));
  if (media) lines.push(t(lang, 'open311.trailer.media', { url: media }));
  return lines.length ? [t(lang, 'open311.trailer.heading', { client }), ...lines] : [];
}

/** The fields Open311 defines, checked before the case's own schema sees them (every problem at once). */
function checkOpen311Fields(body: Body): string[] {
  const problems: string[] = [];
  const [lat, long] = [scalar(body, 'lat'), scalar(body, 'long')];
  if ((lat === undefined) !== (long === undefined)) problems.push(`${lat === undefined ? 'lat' : 'long'} is required with ${lat === undefined ? 'long' : 'lat'}: send both or neither`);
  const inRange = (value: string | undefined, limit: number) => value === undefined || (/^-?\d+(\.\d+)?$/.test(value) && Math.abs(Number(value)) <= limit);
  if (!inRange(lat, 90)) problems.push('lat is not a latitude in decimal degrees (WGS84, -90 to 90)');
  if (!inRange(long, 180)) problems.push('long is not a longitude in decimal degrees (WGS84, -180 to 180)');
  const tooLong = (name: string, max: number) => {
    if ((scalar(body, name)?.length ?? 0) > max) problems.push(`${name} is longer than ${max} characters`);
  };
  tooLong('description', DESCRIPTION_MAX);
  tooLong('address_string', 500);
  tooLong('address_id', 100);
  tooLong('first_name', 100);
  tooLong('last_name', 100);
  const media = scalar(body, 'media_url');
  if (media !== undefined && (media.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(media) || !URL.canParse(media))) problems.push('media_url is not an http or https address');
  return problems;
}

function checkAttributes(store: ContentStore, serviceCode: string, attributes: Map<string, string[]>): string[] {
  const code = parseServiceCode(store, serviceCode)!;
  const definition = serviceDefinition(store, code, 'en');
  const problems: string[] = [];
  for (const [name, values] of attributes) {
    const attribute = definition.attributes.find((a) => a.code === name);
    if (!attribute) problems.push(`attribute[${name}] is not an attribute of service ${serviceCode}`);
    else if (values.length > 1) problems.push(`attribute[${name}] takes one value`);
    else if (attribute.values && !attribute.values.some((v) => v.key === values[0])) {
      problems.push(`attribute[${name}] must be one of: ${attribute.values.map((v) => v.key).join(', ')}`);
    }
  }
  return problems;
}

const bool = (value: string | undefined) => (value === undefined ? undefined : value === 'true');

/**
 * The submission a POST makes, or an Open311Error: 400 for a missing service code and for every invalid field at
 * once, 404 for a service code the catalogue does not have (GeoReport v2's statuses).
 */
export function submissionFromOpen311(store: ContentStore, body: Body, client: string): CaseSubmission {
  const serviceCode = scalar(body, 'service_code');
  if (!serviceCode) throw badRequest('service_code was not provided: choose one from services.json');
  const service = parseServiceCode(store, serviceCode);
  if (!service) throw notFound(`service_code ${serviceCode} was not found: services.json lists the services`);
  const attributes = attributesOf(body);
  const problems = [...checkOpen311Fields(body), ...checkAttributes(store, serviceCode, attributes)];
  if (problems.length) throw badRequest(...problems);

  const attribute = (name: string) => attributes.get(name)?.[0];
  const lang: Lang = attribute('lang') === 'zh' ? 'zh' : 'en';
  const description = scalar(body, 'description');
  const parsed = caseSubmissionSchema.safeParse({
    kind: service.kind,
    topic: service.topic.id,
    district: attribute('district'),
    fie_complaint: bool(attribute('fie_complaint')),
    subject: attribute('subject') ?? (description ? subjectFrom(description) : undefined),
    description: description === undefined ? undefined : [description, ...trailer(body, lang, client)].join('\n\n'),
    enterprise_name: attribute('enterprise_name'),
    uscc: attribute('uscc'),
    foreign_invested: bool(attribute('foreign_invested')),
    investor_origin: attribute('investor_origin'),
    contact_name: contactName(scalar(body, 'first_name'), scalar(body, 'last_name')),
    contact_email: scalar(body, 'email'),
    contact_phone: scalar(body, 'phone'),
    anonymous: bool(attribute('anonymous')),
    lang,
    consent: attribute('consent') === 'true' ? true : undefined,
  });
  if (parsed.success) return parsed.data;
  // A subject taken from the description has no problem of its own: the description's is reported.
  const issues = parsed.error.issues.filter((issue) => issue.path[0] !== 'subject' || attribute('subject') !== undefined);
  throw badRequest(...new Set(issues.map((issue) => describeIssue(String(issue.path[0] ?? 'service_code'), issue.message))));
}
