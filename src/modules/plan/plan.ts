/**
 * The setup plan: the ordered steps from plan to operation for one investor profile (content/plan/setup-steps.json),
 * each with the procedure's documents and authority, the contacts in the investor's district, and the dated
 * obligations (annual reports, employment registration), which also export to iCalendar.
 */
import type { Contact, ContentStore, Procedure } from '../content/index.js';
import type { Facts } from '../matching/index.js';
import type { PlanStepTemplate } from '../content/index.js';

export type { PlanStepTemplate };

export interface DatedObligation {
  step: string;
  title: { en: string; zh: string };
  start: string;
  end: string;
}

export interface PlanStep {
  template: PlanStepTemplate;
  procedures: Procedure[];
  contacts: Contact[];
  obligation?: DatedObligation;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether the investor's industry or one of its business lines is among those a regulated-activity step is for. */
function forActivity(only: NonNullable<PlanStepTemplate['only_activity']>, industry: string | undefined, lines: string[]): boolean {
  const wanted: readonly string[] = only.business_lines ?? [];
  return (industry !== undefined && (only.industries ?? []).includes(industry)) || lines.some((l) => wanted.includes(l));
}

/** The steps for one profile; a step for a regulated activity appears only once the industry or business line is known. */
export function buildPlan(template: readonly PlanStepTemplate[], store: ContentStore, facts: Facts, startDate: string): PlanStep[] {
  const entity = typeof facts.entity_type === 'string' ? facts.entity_type : undefined;
  const district = typeof facts.district === 'string' ? facts.district : undefined;
  const industry = typeof facts.industry === 'string' ? facts.industry : undefined;
  const lines = Array.isArray(facts.business_lines) ? facts.business_lines.map(String) : [];
  const firstYear = Number(startDate.slice(0, 4)) + 1;
  return [...template]
    .sort((a, b) => a.order - b.order)
    .filter((s) => !s.only_entity || (entity !== undefined && s.only_entity.includes(entity)))
    .filter((s) => !s.unless_entity || entity === undefined || !s.unless_entity.includes(entity))
    .filter((s) => !s.only_if || facts[s.only_if] !== false)
    .filter((s) => !s.only_activity || forActivity(s.only_activity, industry, lines))
    .map((s) => {
      const procedures = [s.procedure, ...s.also].map((id) => store.get('procedures', id)!);
      const named = procedures.flatMap((p) => p.contacts).map((id) => store.get('contacts', id)).filter((c): c is Contact => c !== undefined);
      // The offices of the investor's district first; municipal offices when the district has none of that kind.
      const local = district ? store.all('contacts').filter((c) => c.district === district && s.district_contacts.includes(c.org_type)) : [];
      const municipal = named.filter((c) => c.district === null);
      const contacts = [...new Map([...local, ...(local.length ? [] : named.filter((c) => !district || c.district === district || c.district === null)), ...municipal].map((c) => [c.id, c])).values()].slice(0, 6);
      let obligation: DatedObligation | undefined;
      if (s.obligation?.kind === 'window') obligation = { step: s.id, title: { en: s.obligation.en, zh: s.obligation.zh }, start: `${firstYear}-${s.obligation.start}`, end: `${firstYear}-${s.obligation.end}` };
      if (s.obligation?.kind === 'within_days') obligation = { step: s.id, title: { en: s.obligation.en, zh: s.obligation.zh }, start: startDate, end: addDays(startDate, s.obligation.days) };
      return { template: s, procedures, contacts, obligation };
    });
}

/** iCalendar (RFC 5545) with one all-day event per dated obligation. */
export function planIcs(steps: PlanStep[], lang: 'en' | 'zh', stamp: string): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
  const day = (date: string) => date.replace(/-/g, '');
  const events = steps
    .filter((s) => s.obligation)
    .map((s) => {
      const o = s.obligation!;
      return [
        'BEGIN:VEVENT',
        `UID:${o.step}-${day(o.start)}@invest-beijing-one-stop`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${day(o.start)}`,
        `DTEND;VALUE=DATE:${day(addDays(o.end, 1))}`,
        `SUMMARY:${escape(o.title[lang])}`,
        `DESCRIPTION:${escape(s.template[lang].title)}`,
        'END:VEVENT',
      ].join('\r\n');
    });
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Invest Beijing One-Stop//Setup plan//EN', 'CALSCALE:GREGORIAN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}
