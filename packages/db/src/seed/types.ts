// The shapes of the demo data. Dates are ISO strings ('2024-01-26', or a full timestamp where
// the time matters) so the data modules read like the source and compare as plain text.
import type {
  ArchiveSeriesStatus,
  DatePrecision,
  DepositStatus,
  DocumentMedium,
  FindingKind,
  KnowledgeStrength,
  MeasureStatus,
  MilestoneKind,
  MilestoneStatus,
  MunicipalityRole,
  RetentionDecision,
  RiskStatus,
  Role,
  ScaleAxis,
  SuccessFactorStatus,
  TreatmentStrategy,
} from '../generated/prisma/enums.ts';

/** Official municipality number valid from 1.1.2024; the demo data's key for a municipality. */
export type MunicipalityNumber = '3303' | '3334' | '3336' | '3338' | '3332' | '4005' | '4024' | '4026';

export interface MunicipalitySeed {
  number: MunicipalityNumber;
  name: string;
  role: MunicipalityRole;
  participates: boolean;
}

export type DemoUsername = 'admin' | 'koordinator' | 'arkivar' | 'leser';

export interface UserSeed {
  username: DemoUsername;
  displayName: string;
  email: string;
  memberships: { municipality: MunicipalityNumber; role: Role }[];
}

export interface DatedSeed {
  dateStart: string;
  dateEnd: string;
  precision: DatePrecision;
}

export interface MilestoneSeed extends DatedSeed {
  title: string;
  description?: string;
  dateNote?: string;
  kind: MilestoneKind;
  decidingBody?: string;
  status: MilestoneStatus;
}

export interface PhaseSeed extends DatedSeed {
  name: string;
  description: string;
  milestones: MilestoneSeed[];
}

export interface RiskAreaSeed {
  code: string;
  name: string;
  description: string;
}

/** Likelihood x consequence, each 1..5. */
export type Score = readonly [likelihood: 1 | 2 | 3 | 4 | 5, consequence: 1 | 2 | 3 | 4 | 5];

export interface AssessmentSeed {
  /** Timestamp with offset (Europe/Oslo), e.g. '2024-05-14T10:00:00+02:00'. */
  at: string;
  by: DemoUsername;
  inherent: Score;
  residual: Score | null;
  status: RiskStatus;
  comment: string;
}

export type OwnerSeed = { user: DemoUsername } | { name: string };

export interface MeasureSeed {
  title: string;
  description?: string;
  owner: OwnerSeed;
  deadline: string;
  status: MeasureStatus;
  /** Required exactly when status is DONE (a CHECK in the database holds this). */
  completedAt?: string;
}

export interface RiskSeed {
  reference: string;
  title: string;
  shortTitle: string;
  cause: string;
  event: string;
  consequence: string;
  area: string;
  /** 'all', or the numbers of the municipalities the risk affects. */
  appliesTo: 'all' | MunicipalityNumber[];
  owner: DemoUsername;
  treatment: TreatmentStrategy;
  knowledge: KnowledgeStrength;
  nextReview: string;
  /** The source's own score as given: 0 is a score, null means the source gives none. */
  sourceScore: number | null;
  /** Oldest first; the last one is the risk's current assessment. */
  assessments: AssessmentSeed[];
  measures: MeasureSeed[];
}

export interface FindingSeed {
  kind: FindingKind;
  title: string;
  description?: string;
  /** Only success factors carry a status. */
  status?: SuccessFactorStatus;
  /** References (R-01 ...) of the risks the finding affects. */
  risks: string[];
}

export interface PurposeSeed {
  ordinal: number;
  title: string;
  description: string;
}

export interface ScaleLevelSeed {
  axis: ScaleAxis;
  level: 1 | 2 | 3 | 4 | 5;
  label: string;
  description: string;
}

export interface TargetSeriesSeed {
  code: string;
  title: string;
  description: string;
}

export interface ArchiveSeed {
  municipality: MunicipalityNumber;
  title: string;
  description: string;
  documentMedium: DocumentMedium;
  creators: { creatorId: string; name: string; description: string }[];
}

/** One arkivdel as the demo data describes it, before it has database ids. */
export interface ArchiveSeriesSeed {
  municipality: MunicipalityNumber;
  creatorId: string;
  systemId: string;
  identifier: string;
  title: string;
  description: string | null;
  status: ArchiveSeriesStatus;
  documentMedium: DocumentMedium;
  periodStart: string;
  periodEnd: string | null;
  isContinuous: boolean;
  /** Identifier of the predecessor in the same municipality (M202). */
  predecessor: string | null;
  classificationType: string | null;
  retentionDecision: RetentionDecision | null;
  retentionYears: number | null;
  retentionBasis: string | null;
  accessRestriction: string | null;
  restrictionBasis: string | null;
  storageLocation: string | null;
  extentFiles: number | null;
  extentRecords: number | null;
  extentShelfMetres: number | null;
  system: string | null;
  depositStatus: DepositStatus;
  depositDate: string | null;
  /** Code of the target series it maps to; null: not mapped yet. */
  targetSeries: string | null;
}

export interface ConsequenceDimensionSeed {
  name: string;
  description: string;
}

export type Consequence = 1 | 2 | 3 | 4 | 5;

export interface ConsequenceScoresSeed {
  /** Reference of the risk. */
  risk: string;
  /** One score per default dimension, in their order. */
  scores: readonly [Consequence, Consequence, Consequence, Consequence, Consequence, Consequence];
  /** Why the overall consequence differs from the highest score; null when it does not. */
  reason: string | null;
}

export interface AcceptanceSeed {
  risk: string;
  approver: DemoUsername;
  acceptedOn: string;
  expiresOn: string;
  comment: string;
}

export interface BaselineSeed {
  name: string;
  description: string;
  /** Timestamp with offset (Europe/Oslo). */
  takenAt: string;
  takenBy: DemoUsername;
}
