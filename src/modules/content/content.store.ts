/**
 * The in-memory read model: every content item, indexed, plus the relations pages need (what lies in a district).
 * Public read paths use this copy, never the database. A store is immutable; a new content version makes a new store.
 */
import {
  CONTENT_KINDS, REQUIRED_KINDS,
  type Article, type ContentItem, type ContentKind, type Contact, type Cost, type District, type GlossaryTerm,
  type Industry, type Park, type Policy, type Procedure, type Project, type Statistic, type Zone,
} from './content.schemas.js';
import type { WithdrawnItem } from './content.repository.js';

type Kinds = { [K in ContentKind]: ContentItem<K>[] };

export interface DistrictProfile {
  district: District;
  contacts: Contact[];
  parks: Park[];
  clusters: Zone[];
  industries: Industry[];
  projects: Project[];
}

export class ContentStore {
  private readonly byId: { [K in ContentKind]: Map<string, ContentItem<K>> };

  private readonly gone: Map<string, WithdrawnItem>;

  constructor(readonly version: number, private readonly items: Kinds, withdrawn: readonly WithdrawnItem[] = []) {
    this.gone = new Map(withdrawn.map((item) => [`${item.kind}/${item.id}`, item]));
    this.byId = Object.fromEntries(
      (Object.keys(CONTENT_KINDS) as ContentKind[]).map((kind) => [kind, new Map(items[kind].map((item) => [item.id, item]))]),
    ) as unknown as { [K in ContentKind]: Map<string, ContentItem<K>> };
  }

  /** Builds a store from database rows; rows were validated when loaded, so they are trusted here. */
  static fromRows(version: number, rows: { kind: string; data: Record<string, unknown> }[], withdrawn: readonly WithdrawnItem[] = []): ContentStore {
    const items = Object.fromEntries((Object.keys(CONTENT_KINDS) as ContentKind[]).map((k) => [k, [] as unknown[]])) as Record<string, unknown[]>;
    for (const row of rows) items[row.kind]?.push(row.data);
    return new ContentStore(version, items as unknown as Kinds, withdrawn);
  }

  /** An item that was on the site and no longer is (expired or removed), with its last live text; else undefined. */
  withdrawn<K extends ContentKind>(kind: K, id: string): { withdrawnAt: Date; last: ContentItem<K> | null } | undefined {
    const item = this.gone.get(`${kind}/${id}`);
    return item ? { withdrawnAt: item.withdrawnAt, last: item.last as ContentItem<K> | null } : undefined;
  }

  all<K extends ContentKind>(kind: K): readonly ContentItem<K>[] {
    return this.items[kind];
  }

  get<K extends ContentKind>(kind: K, id: string): ContentItem<K> | undefined {
    return this.byId[kind].get(id);
  }

  count(kind: ContentKind): number {
    return this.items[kind].length;
  }

  /** Required kinds that hold no item (REQUIRED_KINDS): the site is not ready while any is empty. */
  emptyRequiredKinds(): ContentKind[] {
    return REQUIRED_KINDS.filter((kind) => (this.items[kind]?.length ?? 0) === 0);
  }

  get districts(): readonly District[] { return this.items.districts; }
  get policies(): readonly Policy[] { return this.items.policies; }
  get procedures(): readonly Procedure[] { return this.items.procedures; }
  get statistics(): readonly Statistic[] { return this.items.statistics; }
  get costs(): readonly Cost[] { return this.items.costs; }
  get glossary(): readonly GlossaryTerm[] { return this.items.glossary; }
  get articles(): readonly Article[] { return this.items.articles; }

  districtProfile(districtId: string): DistrictProfile | undefined {
    const district = this.get('districts', districtId);
    if (!district) return undefined;
    const has = (list: readonly string[]) => list.includes(districtId);
    return {
      district,
      contacts: this.items.contacts.filter((c) => c.district === districtId),
      parks: this.items.parks.filter((p) => has(p.districts)),
      clusters: this.items.zones.filter((z) => z.zone_type === 'ftz_cluster' && has(z.districts)),
      industries: this.items.industries.filter((i) => has(i.districts)),
      projects: this.items.projects.filter((p) => p.district === districtId).sort((a, b) => a.number - b.number),
    };
  }
}
