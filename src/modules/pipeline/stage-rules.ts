/**
 * The pipeline's rules as data: the stages, the statuses beside them, what each move requires and who may make it.
 * `move-project.ts` checks every move against this table, the migration's CHECKs mirror its evidence, the project page
 * lists a stage's requirements from it, and the import applies the same table to a spreadsheet row. Changing a rule
 * is changing a row here.
 *
 * Unlike the UK's Data Hub (whose "verify win" step records evidence nobody checks), a project cannot reach a stage
 * without its evidence: `signed` needs the agreement (date, parties, reference), `registered` the company's unified
 * social credit code (checksum validated) and registration date, `operating` its first-operation date — dates that
 * must follow one another and may not lie in the future.
 */

export const STAGES = ['lead', 'negotiating', 'signed', 'registered', 'operating'] as const;
export type Stage = (typeof STAGES)[number];

export const STATUSES = ['active', 'delayed', 'dormant', 'lost', 'abandoned'] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses that end the pursuit: they need a reason from LOSS_REASONS and a note. */
export const CLOSED_STATUSES: readonly Status[] = ['lost', 'abandoned'];

/** Why a project was lost (the investor went elsewhere) or abandoned (the investor or Beijing stopped). */
export const LOSS_REASONS = [
  'other_city', 'other_country', 'investor_strategy', 'funding', 'site_unavailable', 'conditions_not_met',
  'approval_refused', 'costs', 'timing', 'no_response', 'duplicate', 'other',
] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

export const PROJECT_KINDS = ['new', 'expansion', 'capital_increase', 'merger_acquisition', 'rd_centre', 'regional_hq'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const SOURCE_KINDS = ['event', 'partner', 'district', 'municipal', 'service_case', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const TEAM_ROLES = ['commissioner', 'district_lead', 'municipal_verifier'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const INTERACTION_KINDS = ['meeting', 'call', 'visit', 'event', 'email', 'plan_shared'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** A project has landed once registered: the "implementation rate" is landed ÷ inventoried. */
export const LANDED_STAGES: readonly Stage[] = ['registered', 'operating'];

/**
 * What a person is to a project (an "actor"): derived from their role and the project's team and district
 * (`actorsOf` in project-access.ts). Transitions name actors, not roles, so "the project's own commissioner" and "the
 * district's officer" are rules, not guesses.
 */
export const ACTORS = ['commissioner', 'district', 'verifier', 'municipal'] as const;
export type Actor = (typeof ACTORS)[number];

/** A project field a move needs filled (already on the project or given with the move). */
export const EVIDENCE_FIELDS = [
  'industry_id', 'district_id', 'currency', 'amount_total', 'amount_cny', 'amount_cny_on',
  'signed_on', 'agreement_parties', 'agreement_ref', 'uscc', 'registered_on', 'registered_capital', 'first_operation_on',
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** Checks between fields that the move runs once everything required is present. */
export type EvidenceCheck =
  | { kind: 'uscc'; field: 'uscc' }
  | { kind: 'not_future'; field: 'signed_on' | 'registered_on' | 'first_operation_on' | 'amount_cny_on' }
  | { kind: 'not_before'; field: 'registered_on' | 'first_operation_on'; other: 'signed_on' | 'registered_on' };

export interface StageMove {
  from: Stage;
  to: Stage;
  actors: readonly Actor[];
  /** Fields the project must have after the move. */
  requires: readonly EvidenceField[];
  checks: readonly EvidenceCheck[];
  /** A step back needs a note saying why. */
  noteRequired: boolean;
}

const FORWARD_ACTORS: readonly Actor[] = ['commissioner', 'district', 'municipal'];

export const STAGE_MOVES: readonly StageMove[] = [
  { from: 'lead', to: 'negotiating', actors: FORWARD_ACTORS, requires: ['industry_id', 'district_id', 'currency', 'amount_total'], checks: [], noteRequired: false },
  {
    from: 'negotiating', to: 'signed', actors: FORWARD_ACTORS,
    requires: ['industry_id', 'district_id', 'currency', 'amount_total', 'amount_cny', 'amount_cny_on', 'signed_on', 'agreement_parties', 'agreement_ref'],
    checks: [{ kind: 'not_future', field: 'signed_on' }, { kind: 'not_future', field: 'amount_cny_on' }],
    noteRequired: false,
  },
  // Registration is confirmed by the municipal side (the project's verifier or a coordinator), not by whoever won it.
  {
    from: 'signed', to: 'registered', actors: ['verifier', 'municipal'],
    requires: ['uscc', 'registered_on', 'registered_capital'],
    checks: [{ kind: 'uscc', field: 'uscc' }, { kind: 'not_future', field: 'registered_on' }, { kind: 'not_before', field: 'registered_on', other: 'signed_on' }],
    noteRequired: false,
  },
  {
    from: 'registered', to: 'operating', actors: ['verifier', 'municipal', 'district'],
    requires: ['first_operation_on'],
    checks: [{ kind: 'not_future', field: 'first_operation_on' }, { kind: 'not_before', field: 'first_operation_on', other: 'registered_on' }],
    noteRequired: false,
  },
  // Steps back (talks reopened, an agreement fell through): the municipal side only, with a note.
  { from: 'negotiating', to: 'lead', actors: ['municipal'], requires: [], checks: [], noteRequired: true },
  { from: 'signed', to: 'negotiating', actors: ['municipal'], requires: [], checks: [], noteRequired: true },
];

export interface StatusChange {
  to: Status;
  /** Who may set it; `fromClosed` is who may reopen a lost or abandoned project. */
  actors: readonly Actor[];
  reasonRequired: boolean;
  noteRequired: boolean;
}

export const STATUS_CHANGES: readonly StatusChange[] = [
  { to: 'active', actors: FORWARD_ACTORS, reasonRequired: false, noteRequired: false },
  { to: 'delayed', actors: FORWARD_ACTORS, reasonRequired: false, noteRequired: true },
  { to: 'dormant', actors: FORWARD_ACTORS, reasonRequired: false, noteRequired: true },
  { to: 'lost', actors: FORWARD_ACTORS, reasonRequired: true, noteRequired: true },
  { to: 'abandoned', actors: FORWARD_ACTORS, reasonRequired: true, noteRequired: true },
];
/** Reopening a lost or abandoned project is the municipal side's decision. */
export const REOPEN_ACTORS: readonly Actor[] = ['municipal'];

export function stageMove(from: Stage, to: Stage): StageMove | undefined {
  return STAGE_MOVES.find((move) => move.from === from && move.to === to);
}

export function movesFrom(stage: Stage): StageMove[] {
  return STAGE_MOVES.filter((move) => move.from === stage);
}

export function statusChange(to: Status): StatusChange | undefined {
  return STATUS_CHANGES.find((change) => change.to === to);
}

export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);

/** Everything a project at `stage` must hold: the requirements of every forward move that led there. */
export function requirementsAt(stage: Stage): EvidenceField[] {
  const fields = new Set<EvidenceField>();
  for (const move of STAGE_MOVES) {
    if (stageIndex(move.to) > stageIndex(move.from) && stageIndex(move.to) <= stageIndex(stage)) move.requires.forEach((f) => fields.add(f));
  }
  return [...fields];
}

/** The checks a project at `stage` must pass (forward moves up to it). */
export function checksAt(stage: Stage): EvidenceCheck[] {
  return STAGE_MOVES.filter((m) => stageIndex(m.to) > stageIndex(m.from) && stageIndex(m.to) <= stageIndex(stage)).flatMap((m) => m.checks);
}
