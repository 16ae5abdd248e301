import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, REPO_ROOT } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSeries } from '../modules/archive-series/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '../testing/testApi.ts';
import { rootFieldRules } from './access.ts';
import { buildRawSchema } from './schema.ts';

// The authorization matrix: every mutation, as every role, against the table in
// docs/SECURITY.md. A mutation missing from the table, or from the cases below, fails the test:
// each new mutation adds its row there and its case here.

type Actor = 'ADMIN' | 'COORDINATOR' | 'ARCHIVIST' | 'VIEWER' | 'anonymous';
type Expectation = 'allow' | 'deny' | 'own';
const ACTORS: Actor[] = ['ADMIN', 'COORDINATOR', 'ARCHIVIST', 'VIEWER', 'anonymous'];
const DEMO_USER: Record<Exclude<Actor, 'anonymous'>, string> = { ADMIN: 'admin', COORDINATOR: 'koordinator', ARCHIVIST: 'arkivar', VIEWER: 'leser' };

export function readMatrix(): Map<string, Record<Actor, Expectation>> {
  const text = readFileSync(join(REPO_ROOT, 'docs/SECURITY.md'), 'utf8');
  const block = text.split('<!-- authorization-matrix:start -->')[1]?.split('<!-- authorization-matrix:end -->')[0];
  if (!block) throw new Error('docs/SECURITY.md has no authorization matrix block');
  const rows = new Map<string, Record<Actor, Expectation>>();
  for (const line of block.split('\n').filter((l) => l.startsWith('| `'))) {
    const [name, ...cells] = line.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, ''));
    if (cells.length !== ACTORS.length) throw new Error(`matrix row ${name} has ${cells.length} cells`);
    rows.set(name!, Object.fromEntries(ACTORS.map((a, i) => [a, cells[i] as Expectation])) as Record<Actor, Expectation>);
  }
  return rows;
}

interface CaseContext {
  db: Database;
  /** A user created for the test to be acted upon (never one of the demo users). */
  targetId: string;
  n: number;
  /**
   * For an `own` cell: the municipality the request's object should belong to. The case runs
   * twice, once in one of the actor's municipalities (must be allowed) and once in another
   * (must be refused). For allow/deny cells it is a municipality of the actor if it has any.
   */
  municipalityId: number;
}

/** A request per mutation that the role would be allowed to make, if it may make any. */
const CASES: Record<string, (c: CaseContext) => { query: string; variables?: Record<string, unknown> } | Promise<{ query: string; variables?: Record<string, unknown> }>> = {
  signIn: () => ({ query: `mutation($input: SignInInput!) { signIn(input: $input) { id } }`, variables: { input: { username: 'leser', password: 'Samarkiv-leser-2026' } } }),
  signOut: () => ({ query: `mutation { signOut }` }),
  // A wrong current password: an allowed caller gets a field error, not a refusal.
  changePassword: () => ({ query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id } }`, variables: { input: { currentPassword: 'not-the-password', newPassword: 'Et-helt-nytt-passord' } } }),
  createUser: (c) => ({ query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, variables: { input: { username: `matrix.new${c.n}`, displayName: 'Ny', password: 'Et-langt-passord-1', memberships: [] } } }),
  updateUser: async (c) => ({ query: `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, variables: { id: c.targetId, input: { displayName: `Navn ${c.n}`, version: (await c.db.prisma.user.findUniqueOrThrow({ where: { id: Number(c.targetId) } })).version } } }),
  setMemberships: () => ({ query: `mutation($userId: ID!, $m: [MembershipInput!]!) { setMemberships(userId: $userId, memberships: $m) { id } }`, variables: { userId: '0', m: [] } }),
  deactivateUser: (c) => ({ query: `mutation($id: ID!) { deactivateUser(id: $id) { id } }`, variables: { id: c.targetId } }),
  reactivateUser: (c) => ({ query: `mutation($id: ID!) { reactivateUser(id: $id) { id } }`, variables: { id: c.targetId } }),
  resetPassword: (c) => ({ query: `mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword } }`, variables: { id: c.targetId } }),
  beginTotpSetup: () => ({ query: `mutation { beginTotpSetup { secret } }` }),
  confirmTotpSetup: () => ({ query: `mutation($input: ConfirmTotpInput!) { confirmTotpSetup(input: $input) { recoveryCodes } }`, variables: { input: { code: '000000' } } }),
  resetUserMfa: (c) => ({ query: `mutation($id: ID!) { resetUserMfa(id: $id) { id } }`, variables: { id: c.targetId } }),
  setReminderPreference: () => ({ query: `mutation($input: ReminderPreferenceInput!) { setReminderPreference(input: $input) { remindersEnabled } }`, variables: { input: { enabled: false } } }),

  // --- municipalities, timeline, archives, target series, findings, purposes (helper rest) ---
  createMunicipality: (c) => ({ query: `mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { id } }`, variables: { input: { number: String(8000 + c.n), name: `Matrise ${c.n}`, role: 'PARTNER', participates: true } } }),
  updateMunicipality: async (c) => {
    const m = await c.db.prisma.municipality.create({ data: { number: String(7000 + c.n), name: `Matrise ${c.n}` } });
    return { query: `mutation($id: ID!, $input: UpdateMunicipalityInput!) { updateMunicipality(id: $id, input: $input) { id } }`, variables: { id: String(m.id), input: { number: m.number, name: 'Endret', role: 'PARTNER', participates: false, version: 1 } } };
  },
  deleteMunicipality: async (c) => ({ query: `mutation($id: ID!) { deleteMunicipality(id: $id) { id } }`, variables: { id: String((await c.db.prisma.municipality.create({ data: { number: String(6000 + c.n), name: `Matrise ${c.n}` } })).id) } }),
  restoreMunicipality: async (c) => ({ query: `mutation($id: ID!) { restoreMunicipality(id: $id) { id } }`, variables: { id: String((await c.db.prisma.municipality.create({ data: { number: String(5000 + c.n), name: `Matrise ${c.n}`, deletedAt: new Date() } })).id) } }),
  createPhase: () => ({ query: `mutation($input: PhaseInput!) { createPhase(input: $input) { id } }`, variables: { input: { name: 'Fase', date: { start: '2030-01-01', precision: 'YEAR' } } } }),
  updatePhase: async (c) => ({ query: `mutation($id: ID!, $input: UpdatePhaseInput!) { updatePhase(id: $id, input: $input) { id } }`, variables: { id: String((await matrixPhase(c)).id), input: { name: 'Endret', date: { start: '2030-01-01', precision: 'YEAR' }, version: 1 } } }),
  deletePhase: async (c) => ({ query: `mutation($id: ID!) { deletePhase(id: $id) { id } }`, variables: { id: String((await matrixPhase(c)).id) } }),
  restorePhase: async (c) => ({ query: `mutation($id: ID!) { restorePhase(id: $id) { id } }`, variables: { id: String((await matrixPhase(c, new Date())).id) } }),
  createMilestone: () => ({ query: `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`, variables: { input: { title: 'Milepæl', kind: 'DECISION', date: { start: '2030-01-01', precision: 'DAY' } } } }),
  updateMilestone: async (c) => ({ query: `mutation($id: ID!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, input: $input) { id } }`, variables: { id: String((await matrixMilestone(c)).id), input: { title: 'Endret', kind: 'DECISION', date: { start: '2030-01-01', precision: 'DAY' }, version: 1 } } }),
  deleteMilestone: async (c) => ({ query: `mutation($id: ID!) { deleteMilestone(id: $id) { id } }`, variables: { id: String((await matrixMilestone(c)).id) } }),
  restoreMilestone: async (c) => ({ query: `mutation($id: ID!) { restoreMilestone(id: $id) { id } }`, variables: { id: String((await matrixMilestone(c, new Date())).id) } }),
  createArchive: (c) => ({ query: `mutation($input: ArchiveInput!) { createArchive(input: $input) { id } }`, variables: { input: { municipalityId: String(c.municipalityId), title: `Arkiv ${c.n}` } } }),
  updateArchive: async (c) => {
    const a = await matrixArchive(c);
    return { query: `mutation($id: ID!, $input: UpdateArchiveInput!) { updateArchive(id: $id, input: $input) { id } }`, variables: { id: String(a.id), input: { municipalityId: String(c.municipalityId), title: 'Endret', version: 1 } } };
  },
  deleteArchive: async (c) => ({ query: `mutation($id: ID!) { deleteArchive(id: $id) { id } }`, variables: { id: String((await matrixArchive(c)).id) } }),
  restoreArchive: async (c) => ({ query: `mutation($id: ID!) { restoreArchive(id: $id) { id } }`, variables: { id: String((await matrixArchive(c, new Date())).id) } }),
  createArchiveCreator: (c) => ({ query: `mutation($input: ArchiveCreatorInput!) { createArchiveCreator(input: $input) { id } }`, variables: { input: { municipalityId: String(c.municipalityId), creatorId: `matrise-${c.n}`, name: 'Skaper' } } }),
  updateArchiveCreator: async (c) => {
    const a = await matrixCreator(c);
    return { query: `mutation($id: ID!, $input: UpdateArchiveCreatorInput!) { updateArchiveCreator(id: $id, input: $input) { id } }`, variables: { id: String(a.id), input: { municipalityId: String(c.municipalityId), creatorId: a.creatorId, name: 'Endret', version: 1 } } };
  },
  deleteArchiveCreator: async (c) => ({ query: `mutation($id: ID!) { deleteArchiveCreator(id: $id) { id } }`, variables: { id: String((await matrixCreator(c)).id) } }),
  restoreArchiveCreator: async (c) => ({ query: `mutation($id: ID!) { restoreArchiveCreator(id: $id) { id } }`, variables: { id: String((await matrixCreator(c, new Date())).id) } }),
  createTargetSeries: (c) => ({ query: `mutation($input: TargetSeriesInput!) { createTargetSeries(input: $input) { id } }`, variables: { input: { code: `MATRISE-${c.n}`, title: 'Mål' } } }),
  updateTargetSeries: async (c) => {
    const ts = await matrixTargetSeries(c);
    return { query: `mutation($id: ID!, $input: UpdateTargetSeriesInput!) { updateTargetSeries(id: $id, input: $input) { id } }`, variables: { id: String(ts.id), input: { code: ts.code, title: 'Endret', version: 1 } } };
  },
  deleteTargetSeries: async (c) => ({ query: `mutation($id: ID!) { deleteTargetSeries(id: $id) { id } }`, variables: { id: String((await matrixTargetSeries(c)).id) } }),
  restoreTargetSeries: async (c) => ({ query: `mutation($id: ID!) { restoreTargetSeries(id: $id) { id } }`, variables: { id: String((await matrixTargetSeries(c, new Date())).id) } }),
  createFinding: () => ({ query: `mutation($input: FindingInput!) { createFinding(input: $input) { id } }`, variables: { input: { kind: 'LESSON', title: 'Lærdom' } } }),
  updateFinding: async (c) => ({ query: `mutation($id: ID!, $input: UpdateFindingInput!) { updateFinding(id: $id, input: $input) { id } }`, variables: { id: String((await matrixFinding(c)).id), input: { kind: 'LESSON', title: 'Endret', version: 1 } } }),
  deleteFinding: async (c) => ({ query: `mutation($id: ID!) { deleteFinding(id: $id) { id } }`, variables: { id: String((await matrixFinding(c)).id) } }),
  restoreFinding: async (c) => ({ query: `mutation($id: ID!) { restoreFinding(id: $id) { id } }`, variables: { id: String((await matrixFinding(c, new Date())).id) } }),
  linkFindingToRisk: async (c) => ({ query: `mutation($f: ID!, $r: ID!) { linkFindingToRisk(findingId: $f, riskId: $r) { id } }`, variables: { f: String((await matrixFinding(c)).id), r: String((await c.db.prisma.risk.findFirstOrThrow({ where: { deletedAt: null, appliesToAll: true } })).id) } }),
  unlinkFindingFromRisk: async (c) => ({ query: `mutation($f: ID!, $r: ID!) { unlinkFindingFromRisk(findingId: $f, riskId: $r) { id } }`, variables: { f: String((await matrixFinding(c)).id), r: String((await c.db.prisma.risk.findFirstOrThrow({ where: { deletedAt: null, appliesToAll: true } })).id) } }),
  createPurpose: (c) => ({ query: `mutation($input: PurposeInput!) { createPurpose(input: $input) { id } }`, variables: { input: { ordinal: 100 + c.n, title: 'Formål' } } }),
  updatePurpose: async (c) => {
    const p = await c.db.prisma.purpose.create({ data: { ordinal: 10_000 + c.n, title: 'Formål' } });
    return { query: `mutation($id: ID!, $input: UpdatePurposeInput!) { updatePurpose(id: $id, input: $input) { id } }`, variables: { id: String(p.id), input: { ordinal: p.ordinal, title: 'Endret', version: 1 } } };
  },
  deletePurpose: async (c) => ({ query: `mutation($id: ID!) { deletePurpose(id: $id) { id } }`, variables: { id: String((await c.db.prisma.purpose.create({ data: { ordinal: 20_000 + c.n, title: 'Formål' } })).id) } }),
  restorePurpose: async (c) => ({ query: `mutation($id: ID!) { restorePurpose(id: $id) { id } }`, variables: { id: String((await c.db.prisma.purpose.create({ data: { ordinal: 30_000 + c.n, title: 'Formål', deletedAt: new Date() } })).id) } }),
  // archive-series
  createArchiveSeries: (c) => ({
    query: `mutation($input: CreateArchiveSeriesInput!) { createArchiveSeries(input: $input) { id } }`,
    variables: { input: { municipalityId: String(c.municipalityId), identifier: `MATRIX-${c.n}`, title: 'Matrise', status: 'AKTIV_PERIODE', documentMedium: 'ELEKTRONISK', periodStart: '2020-01-01' } },
  }),
  updateArchiveSeries: async (c) => ({
    query: `mutation($id: ID!, $input: UpdateArchiveSeriesInput!) { updateArchiveSeries(id: $id, input: $input) { id } }`,
    variables: { id: String((await makeSeries(c.db.prisma, c.municipalityId)).id), input: { version: 1, title: `Matrise ${c.n}` } },
  }),
  deleteArchiveSeries: async (c) => ({ query: `mutation($id: ID!) { deleteArchiveSeries(id: $id) { id } }`, variables: { id: String((await makeSeries(c.db.prisma, c.municipalityId)).id) } }),
  restoreArchiveSeries: async (c) => ({ query: `mutation($id: ID!) { restoreArchiveSeries(id: $id) { id } }`, variables: { id: String((await makeSeries(c.db.prisma, c.municipalityId, { deletedAt: new Date() })).id) } }),
  mapArchiveSeries: async (c) => ({
    query: `mutation($id: ID!, $version: Int!) { mapArchiveSeries(id: $id, targetSeriesId: null, version: $version) { id } }`,
    variables: { id: String((await makeSeries(c.db.prisma, c.municipalityId)).id), version: 1 },
  }),
  // risk module: areas, risks, measures, acceptance criteria. An `own` case acts on a risk that names only c.municipalityId.
  createRiskArea: (c) => ({ query: `mutation($input: CreateRiskAreaInput!) { createRiskArea(input: $input) { id } }`, variables: { input: { code: `MATRISE${c.n}`, name: `Område ${c.n}` } } }),
  updateRiskArea: async (c) => {
    const area = await matrixArea(c);
    return { query: `mutation($id: ID!, $input: UpdateRiskAreaInput!) { updateRiskArea(id: $id, input: $input) { id } }`, variables: { id: String(area.id), input: { name: `Nytt navn ${c.n}`, version: area.version } } };
  },
  deleteRiskArea: async (c) => ({ query: `mutation($id: ID!) { deleteRiskArea(id: $id) { id } }`, variables: { id: String((await matrixArea(c)).id) } }),
  restoreRiskArea: async (c) => ({ query: `mutation($id: ID!) { restoreRiskArea(id: $id) { id } }`, variables: { id: String((await matrixArea(c, new Date())).id) } }),
  createRisk: async (c) => ({
    query: `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
    variables: { input: { reference: `MX-${c.n}`, title: 'Matrisetest', areaId: String((await c.db.prisma.riskArea.findFirstOrThrow({ where: { deletedAt: null } })).id), municipalityIds: [String(c.municipalityId)], inherentLikelihood: 3, inherentConsequence: 3 } },
  }),
  updateRisk: async (c) => {
    const risk = await matrixRisk(c);
    return { query: `mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { id } }`, variables: { id: String(risk.id), input: { title: `Ny tittel ${c.n}`, version: risk.version } } };
  },
  rescoreRisk: async (c) => {
    const risk = await matrixRisk(c);
    return { query: `mutation($id: ID!, $input: RescoreRiskInput!) { rescoreRisk(id: $id, input: $input) { id } }`, variables: { id: String(risk.id), input: { inherentLikelihood: 4, inherentConsequence: 4, version: risk.version } } };
  },
  deleteRisk: async (c) => ({ query: `mutation($id: ID!) { deleteRisk(id: $id) { id } }`, variables: { id: String((await matrixRisk(c)).id) } }),
  restoreRisk: async (c) => ({ query: `mutation($id: ID!) { restoreRisk(id: $id) { id } }`, variables: { id: String((await matrixRisk(c, new Date())).id) } }),
  createMeasure: async (c) => ({ query: `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, variables: { input: { riskId: String((await matrixRisk(c)).id), title: 'Tiltak' } } }),
  updateMeasure: async (c) => {
    const measure = await matrixMeasure(c);
    return { query: `mutation($id: ID!, $input: UpdateMeasureInput!) { updateMeasure(id: $id, input: $input) { id } }`, variables: { id: String(measure.id), input: { title: 'Endret', version: measure.version } } };
  },
  completeMeasure: async (c) => {
    const measure = await matrixMeasure(c);
    return { query: `mutation($id: ID!, $version: Int!) { completeMeasure(id: $id, version: $version) { id } }`, variables: { id: String(measure.id), version: measure.version } };
  },
  deleteMeasure: async (c) => ({ query: `mutation($id: ID!) { deleteMeasure(id: $id) { id } }`, variables: { id: String((await matrixMeasure(c)).id) } }),
  restoreMeasure: async (c) => ({ query: `mutation($id: ID!) { restoreMeasure(id: $id) { id } }`, variables: { id: String((await matrixMeasure(c, new Date())).id) } }),
  createAcceptanceCriteriaVersion: (c) => ({
    query: `mutation($input: CreateAcceptanceCriteriaInput!) { createAcceptanceCriteriaVersion(input: $input) { id } }`,
    variables: {
      input: {
        validFrom: `${2100 + c.n}-01-01`,
        name: 'Matrisetest',
        cells: [1, 2, 3, 4, 5].flatMap((likelihood) => [1, 2, 3, 4, 5].map((consequence) => ({ likelihood, consequence, level: likelihood * consequence >= 12 ? 'HIGH' : likelihood * consequence >= 5 ? 'MEDIUM' : 'LOW' }))),
        scale: (['LIKELIHOOD', 'CONSEQUENCE'] as const).flatMap((axis) => [1, 2, 3, 4, 5].map((level) => ({ axis, level, label: `Nivå ${level}`, description: 'Beskrivelse' }))),
      },
    },
  }),
  // risk workspace: consequence dimensions, per-dimension scores, residual acceptance, baselines.
  createConsequenceDimension: (c) => ({ query: `mutation($input: ConsequenceDimensionInput!) { createConsequenceDimension(input: $input) { id } }`, variables: { input: { name: `Dimensjon ${c.n}` } } }),
  updateConsequenceDimension: async (c) => ({
    query: `mutation($id: ID!, $input: UpdateConsequenceDimensionInput!) { updateConsequenceDimension(id: $id, input: $input) { id } }`,
    variables: { id: String((await matrixDimension(c)).id), input: { name: `Endret ${c.n}`, version: 1 } },
  }),
  deleteConsequenceDimension: async (c) => ({ query: `mutation($id: ID!) { deleteConsequenceDimension(id: $id) { id } }`, variables: { id: String((await matrixDimension(c)).id) } }),
  setRiskConsequenceScores: async (c) => {
    const risk = await matrixRisk(c);
    return {
      query: `mutation($id: ID!, $input: RiskConsequenceScoresInput!) { setRiskConsequenceScores(id: $id, input: $input) { id } }`,
      variables: { id: String(risk.id), input: { scores: [{ dimensionId: String((await matrixDimension(c)).id), consequence: 2 }], version: risk.version } },
    };
  },
  acceptRiskResidual: async (c) => {
    const risk = await matrixRiskWithResidual(c, false);
    return {
      query: `mutation($id: ID!, $input: AcceptRiskInput!) { acceptRiskResidual(id: $id, input: $input) { id } }`,
      variables: { id: String(risk.id), input: { approverName: 'Daglig leder', acceptedOn: '2026-01-01', expiresOn: '2027-01-01', version: risk.version } },
    };
  },
  revokeRiskAcceptance: async (c) => {
    const risk = await matrixRiskWithResidual(c, true);
    return { query: `mutation($id: ID!, $version: Int!) { revokeRiskAcceptance(id: $id, version: $version) { id } }`, variables: { id: String(risk.id), version: risk.version } };
  },
  createRiskBaseline: (c) => ({ query: `mutation($input: RiskBaselineInput!) { createRiskBaseline(input: $input) { id } }`, variables: { input: { name: `Baseline ${c.n}` } } }),
  deleteRiskBaseline: async (c) => ({
    query: `mutation($id: ID!) { deleteRiskBaseline(id: $id) { id } }`,
    variables: { id: String((await c.db.prisma.riskBaseline.create({ data: { name: `Baseline ${c.n}`, takenAt: new Date() } })).id) },
  }),
  // series-import: an unknown upload is NOT_FOUND for an allowed caller; the municipality is checked first.
  noarkImportDryRun: (c) => ({ query: `mutation($u: ID!, $m: ID) { noarkImportDryRun(uploadId: $u, municipalityId: $m) { id } }`, variables: { u: 'm'.repeat(32), m: String(c.municipalityId) } }),
  runNoarkImport: (c) => ({ query: `mutation($u: ID!, $m: ID!) { runNoarkImport(uploadId: $u, municipalityId: $m) { id } }`, variables: { u: 'm'.repeat(32), m: String(c.municipalityId) } }),
  // service catalogue, benefits, operating figures. An `own` benefit case acts on a benefit of c.municipalityId.
  createService: (c) => ({ query: `mutation($input: ServiceInput!) { createService(input: $input) { id } }`, variables: { input: { name: `Tjeneste ${c.n}`, costSharingKey: 'FIXED', status: 'ACTIVE', municipalityIds: [] } } }),
  updateService: async (c) => ({
    query: `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }`,
    variables: { id: String((await matrixService(c)).id), input: { name: `Endret ${c.n}`, costSharingKey: 'FIXED', status: 'ACTIVE', municipalityIds: [], version: 1 } },
  }),
  deleteService: async (c) => ({ query: `mutation($id: ID!) { deleteService(id: $id) { id } }`, variables: { id: String((await matrixService(c)).id) } }),
  createBenefit: async (c) => ({ query: `mutation($input: BenefitInput!) { createBenefit(input: $input) { id } }`, variables: { input: await benefitInput(c) } }),
  updateBenefit: async (c) => ({ query: `mutation($id: ID!, $input: UpdateBenefitInput!) { updateBenefit(id: $id, input: $input) { id } }`, variables: { id: String((await matrixBenefit(c)).id), input: { ...(await benefitInput(c)), version: 1 } } }),
  deleteBenefit: async (c) => ({ query: `mutation($id: ID!) { deleteBenefit(id: $id) { id } }`, variables: { id: String((await matrixBenefit(c)).id) } }),
  addBenefitMeasurement: async (c) => ({
    query: `mutation($input: BenefitMeasurementInput!) { addBenefitMeasurement(input: $input) { id } }`,
    variables: { input: { benefitId: String((await matrixBenefit(c)).id), measuredOn: '2025-06-01', value: 5 } },
  }),
  deleteBenefitMeasurement: async (c) => {
    const benefit = await matrixBenefit(c);
    const measurement = await c.db.prisma.benefitMeasurement.create({ data: { benefitId: benefit.id, measuredOn: new Date('2025-06-01'), value: 5 } });
    return { query: `mutation($id: ID!) { deleteBenefitMeasurement(id: $id) { id } }`, variables: { id: String(measurement.id) } };
  },
  setOperatingFigure: (c) => ({
    query: `mutation($input: SetOperatingFigureInput!) { setOperatingFigure(input: $input) { id } }`,
    variables: { input: { municipalityId: String(c.municipalityId), month: '2024-01', field: 'INCOMING_POST', value: c.n } },
  }),
  // An unknown upload is NOT_FOUND for an allowed caller.
  operatingFiguresImportDryRun: () => ({ query: `mutation($u: ID!) { operatingFiguresImportDryRun(uploadId: $u) { canImport } }`, variables: { u: 'm'.repeat(32) } }),
  runOperatingFiguresImport: () => ({ query: `mutation($u: ID!) { runOperatingFiguresImport(uploadId: $u) { canImport } }`, variables: { u: 'm'.repeat(32) } }),
  csvImportDryRun: (c) => ({ query: `mutation($u: ID!, $m: ID!, $map: [CsvColumnMappingInput!]!) { csvImportDryRun(uploadId: $u, municipalityId: $m, mapping: $map) { id } }`, variables: { u: 'm'.repeat(32), m: String(c.municipalityId), map: [] } }),
  runCsvImport: (c) => ({ query: `mutation($u: ID!, $m: ID!, $map: [CsvColumnMappingInput!]!) { runCsvImport(uploadId: $u, municipalityId: $m, mapping: $map) { id } }`, variables: { u: 'm'.repeat(32), m: String(c.municipalityId), map: [] } }),
  updateOverviewSettings: () => ({ query: `mutation($input: OverviewSettingsInput!) { updateOverviewSettings(input: $input) { cutOverDate } }`, variables: { input: { cutOverDate: '2026-01-01', overlapMonths: 3 } } }),
};

// Rows the cases above act on, each made fresh (deletedAt set for a restore).
const matrixPhase = (c: CaseContext, deletedAt: Date | null = null) =>
  c.db.prisma.phase.create({ data: { name: `Fase ${c.n}`, dateStart: new Date('2030-01-01'), dateEnd: new Date('2030-12-31'), datePrecision: 'YEAR', deletedAt } });
const matrixMilestone = (c: CaseContext, deletedAt: Date | null = null) =>
  c.db.prisma.milestone.create({ data: { title: `Milepæl ${c.n}`, kind: 'DECISION', dateStart: new Date('2030-01-01'), dateEnd: new Date('2030-01-01'), datePrecision: 'DAY', deletedAt } });
const matrixArchive = (c: CaseContext, deletedAt: Date | null = null) => c.db.prisma.archive.create({ data: { municipalityId: c.municipalityId, title: `Arkiv ${c.n}`, deletedAt } });
const matrixCreator = (c: CaseContext, deletedAt: Date | null = null) =>
  c.db.prisma.archiveCreator.create({ data: { municipalityId: c.municipalityId, creatorId: `matrise-${c.n}`, name: 'Skaper', deletedAt } });
const matrixTargetSeries = (c: CaseContext, deletedAt: Date | null = null) =>
  c.db.prisma.targetSeries.create({ data: { code: `MATRISE-${c.n}`, title: 'Mål', titleSortKey: 'mål', deletedAt } });
const matrixFinding = (c: CaseContext, deletedAt: Date | null = null) => c.db.prisma.finding.create({ data: { kind: 'LESSON', title: `Funn ${c.n}`, deletedAt } });

// risk module: the rows the risk cases act on.
function matrixArea(c: CaseContext, deletedAt: Date | null = null) {
  return c.db.prisma.riskArea.create({ data: { code: `MATRISE-AREA-${c.n}`, name: `Område ${c.n}`, deletedAt } });
}

async function matrixRisk(c: CaseContext, deletedAt: Date | null = null) {
  const area = await c.db.prisma.riskArea.findFirstOrThrow({ where: { deletedAt: null } });
  return c.db.prisma.risk.create({
    data: { reference: `MR-${c.n}`, title: 'Matrisetest', areaId: area.id, inherentLikelihood: 2, inherentConsequence: 2, deletedAt, municipalities: { create: [{ municipalityId: c.municipalityId }] } },
  });
}

const matrixDimension = (c: CaseContext) => c.db.prisma.consequenceDimension.create({ data: { name: `Matrisedimensjon ${c.n}` } });

/** A risk of c.municipalityId with a residual assessment, its residual accepted or not. */
async function matrixRiskWithResidual(c: CaseContext, accepted: boolean) {
  const risk = await matrixRisk(c);
  const acceptance = accepted ? { acceptanceApproverName: 'Daglig leder', acceptedOn: new Date('2026-01-01'), acceptanceExpiresOn: new Date('2027-01-01') } : {};
  return c.db.prisma.risk.update({ where: { id: risk.id }, data: { residualLikelihood: 1, residualConsequence: 1, ...acceptance } });
}

async function matrixMeasure(c: CaseContext, deletedAt: Date | null = null) {
  return c.db.prisma.measure.create({ data: { riskId: (await matrixRisk(c)).id, title: 'Tiltak', deletedAt } });
}

const matrixService = (c: CaseContext) => c.db.prisma.service.create({ data: { name: `Matrisetjeneste ${c.n}`, nameSortKey: `matrisetjeneste ${c.n}`, costSharingKey: 'FIXED' } });
async function benefitInput(c: CaseContext) {
  const purpose = await c.db.prisma.purpose.findFirstOrThrow({ where: { deletedAt: null } });
  return { purposeId: String(purpose.id), municipalityId: String(c.municipalityId), title: `Gevinst ${c.n}`, type: 'OTHER', ownerName: 'Eier', indicator: 'Indikator', unit: 'dager', direction: 'LOWER_IS_BETTER', baselineValue: 10, baselineDate: '2025-01-01', targetValue: 2, targetDate: '2027-01-01' };
}
async function matrixBenefit(c: CaseContext) {
  const { purposeId, municipalityId, baselineDate, targetDate, ...rest } = await benefitInput(c);
  return c.db.prisma.benefit.create({ data: { ...rest, type: 'OTHER', direction: 'LOWER_IS_BETTER', purposeId: Number(purposeId), municipalityId: Number(municipalityId), baselineDate: new Date(baselineDate), targetDate: new Date(targetDate) } });
}

const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

let db: Database;
let api: TestApi;
let targetId: string;
const memberOf = new Map<Actor, number[]>();
let allMunicipalities: number[] = [];

beforeAll(async () => {
  db = await openTestDatabase('seeded');
  api = await startTestApi(db, { signInLimit: { points: 10_000, windowMinutes: 15 } });
  targetId = String((await db.prisma.user.create({ data: { username: 'matrix.target', displayName: 'Mål', passwordHash: null } })).id);
  allMunicipalities = (await db.prisma.municipality.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((m) => m.id);
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue;
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: DEMO_USER[actor] }, include: { memberships: true } });
    memberOf.set(actor, user.memberships.map((m) => m.municipalityId));
  }
});
afterAll(async () => {
  await api.close();
  await db.close();
});

describe('the authorization matrix in docs/SECURITY.md', () => {
  const mutations = rootFieldRules(buildRawSchema()).filter((f) => f.operation === 'Mutation').map((f) => f.field);

  it('has a row and a test case for every mutation of the schema, and none for mutations that do not exist', () => {
    const matrix = readMatrix();
    expect(mutations.filter((m) => !matrix.has(m))).toEqual([]);
    expect([...matrix.keys()].filter((m) => !mutations.includes(m))).toEqual([]);
    expect(mutations.filter((m) => !CASES[m])).toEqual([]);
  });

  let n = 0;
  for (const actor of ACTORS) {
    it(`holds for ${actor}`, async () => {
      const matrix = readMatrix();
      const outcomes: string[] = [];
      for (const mutation of mutations) {
        const expected = matrix.get(mutation)?.[actor];
        const own = memberOf.get(actor) ?? [];
        const other = allMunicipalities.find((id) => !own.includes(id))!;
        const runs: { municipalityId: number; expect: 'allow' | 'deny' }[] =
          expected === 'own' ? [{ municipalityId: own[0]!, expect: 'allow' }, { municipalityId: other, expect: 'deny' }] : [{ municipalityId: own[0] ?? other, expect: expected === 'allow' ? 'allow' : 'deny' }];
        if (expected === 'own' && !own.length) throw new Error(`${actor} ${mutation}: "own" for an actor without municipalities`);
        for (const run of runs) {
          const request = await CASES[mutation]!({ db, targetId, n: ++n, municipalityId: run.municipalityId });
          const client: TestClient = actor === 'anonymous' ? api.anonymous() : await api.signIn(DEMO_USER[actor]);
          const result = await client.gql(request.query, request.variables);
          const code = result.errors?.[0]?.extensions?.code as string | undefined;
          const refused = code !== undefined && REFUSALS.has(code);
          outcomes.push(`${mutation} (${expected}, municipality ${run.municipalityId}): ${refused ? `refused (${code})` : `allowed${code ? ` (${code})` : ''}`}`);
          if (run.expect === 'allow') expect(refused, `${actor} ${mutation} in ${run.municipalityId}: ${JSON.stringify(result.errors)}`).toBe(false);
          else expect(refused, `${actor} ${mutation} in ${run.municipalityId} should be refused: ${JSON.stringify(result.errors ?? result.data)}`).toBe(true);
          // A refused visitor is told to sign in; a refused user is told they may not.
          if (run.expect === 'deny') expect(code).toBe(actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      }
      expect(outcomes.length).toBeGreaterThanOrEqual(mutations.length);
      // Over a hundred requests per role (each signs in afresh): more than the default minute on a loaded machine.
    }, 240_000);
  }
});
