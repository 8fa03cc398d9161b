/**
 * How the reports write their values, the same on the pages and in the CSV files: rates in per cent with one
 * decimal (97.5%), durations in minutes, hours or days, instants as Beijing time to the minute, and the names of
 * districts, units, topics and limits in the reader's language.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import { formatNumber } from '../../platform/views/components.js';
import type { ContentStore, ServiceLimit } from '../content/index.js';
import type { CaseKind } from '../content/index.js';
import type { Share } from './dashboard-figures.js';
import { t, tReports } from './messages.js';

/** A share in per cent, one decimal, as a number (for CSV and charts); null without cases. */
export function percent(share: Share): number | null {
  return share.of === 0 ? null : Math.round((share.yes / share.of) * 1000) / 10;
}

export function rateText(share: Share, lang: Lang): string {
  const value = percent(share);
  return value === null ? tReports(lang, 'report.none') : tReports(lang, 'report.rate', { rate: value.toFixed(1) });
}

export function durationText(hours: number, lang: Lang): string {
  if (hours < 1) return tReports(lang, 'report.minutes', { minutes: Math.round(hours * 60) });
  if (hours < 48) return tReports(lang, 'report.hours', { hours: formatNumber(Math.round(hours * 10) / 10, lang) });
  return tReports(lang, 'report.days', { days: formatNumber(Math.round((hours / 24) * 10) / 10, lang) });
}

/** An instant as Beijing time, "2026-12-01 10:00". */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A due instant: at midnight it is the end of the day before, "2026-11-23 24:00", as the case pages write it. */
export function beijingDue(at: Date): string {
  const text = beijingMinute(at);
  return text.endsWith(' 00:00') ? `${beijingMinute(new Date(at.getTime() - 60_000)).slice(0, 10)} 24:00` : text;
}

type Named = { id: string; name_en: string; name_zh: string };

/** Names of what the reports group by, in one language. */
export interface ReportNames {
  district(id: string | null): string;
  unit(id: string | null): string;
  topic(id: string): string;
  limit(id: string): string;
  stage(id: string): string;
  kind(kind: CaseKind): string;
}

export function reportNames(lang: Lang, store: ContentStore, districts: readonly Named[], units: readonly Named[]): ReportNames {
  const name = (row: Named) => (lang === 'zh' ? row.name_zh : row.name_en);
  const district = new Map(districts.map((d) => [d.id, name(d)]));
  const unit = new Map(units.map((u) => [u.id, name(u)]));
  const topics = new Map(store.all('service-topics').map((topic) => [topic.id, topic[lang].name]));
  const limits = new Map<string, ServiceLimit>(store.all('service-limits').map((limit) => [limit.id, limit]));
  return {
    district: (id) => (id === null ? tReports(lang, 'report.district.none') : (district.get(id) ?? id)),
    unit: (id) => (id === null ? tReports(lang, 'report.unit.none') : (unit.get(id) ?? id)),
    topic: (id) => topics.get(id) ?? id,
    limit: (id) => limits.get(id)?.[lang].name ?? id,
    stage: (id) => {
      const stage = limits.get(id)?.stage;
      return stage ? tReports(lang, `report.stage.${stage}`) : '';
    },
    kind: (kind) => t(lang, `service.kind.${kind}`),
  };
}
