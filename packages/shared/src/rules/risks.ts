import { z } from 'zod';
import { idRule, isoDateRule, optionalTextRule, textRule, versionRule } from './common.ts';

// Input rules of the risk register: risk areas, risks and their scores, measures (tiltak) and
// the acceptance criteria (akseptkriterier). Messages are Norwegian: they reach the user as they are.

export const RISK_STATUSES = ['OPEN', 'MONITORING', 'ACCEPTED', 'CLOSED'] as const;
export const TREATMENT_STRATEGIES = ['REDUCE', 'ACCEPT', 'AVOID', 'TRANSFER'] as const;
export const KNOWLEDGE_STRENGTHS = ['WEAK', 'MODERATE', 'STRONG'] as const;
export const MEASURE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const SCALE_AXES = ['LIKELIHOOD', 'CONSEQUENCE'] as const;

/** Left out (undefined) stays as it is; anything else is parsed by the rule (null may clear). */
const patch = <T extends z.ZodType>(rule: T) => rule.optional();

/** A likelihood or consequence on the 1..5 scale. */
export const scoreRule = (label: string) =>
  z.number({ error: `Velg ${label} (1–5).` }).int({ error: `Velg ${label} (1–5).` }).min(1, { error: `${label[0]!.toUpperCase()}${label.slice(1)} må være fra 1 til 5.` }).max(5, { error: `${label[0]!.toUpperCase()}${label.slice(1)} må være fra 1 til 5.` });

const optionalScore = (label: string) => scoreRule(label).nullish().transform((v) => v ?? null);
const optionalDate = (label: string) => isoDateRule(label).nullish().transform((v) => v ?? null);
const optionalId = (what: string) => idRule(what).nullish().transform((v) => v ?? null);
const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { error: `Velg ${label}.` });

// ---------------------------------------------------------------------------
// Risk areas
// ---------------------------------------------------------------------------

const areaCode = z
  .string({ error: 'Fyll inn kode.' })
  .trim()
  .toUpperCase()
  .min(1, { error: 'Fyll inn kode.' })
  .max(30, { error: 'Koden kan ha høyst 30 tegn.' })
  .regex(/^[A-ZÆØÅ0-9_-]+$/, { error: 'Koden kan bare ha bokstaver, tall, bindestrek og understrek.' });
const sortOrder = z.number({ error: 'Rekkefølgen må være et heltall.' }).int({ error: 'Rekkefølgen må være et heltall.' }).min(0, { error: 'Rekkefølgen kan ikke være negativ.' }).max(10_000, { error: 'Rekkefølgen kan være høyst 10000.' });

export const createRiskAreaRules = z.object({
  code: areaCode,
  name: textRule('navn', 200),
  description: optionalTextRule('beskrivelse', 2000),
  sortOrder: sortOrder.nullish().transform((v) => v ?? null),
});

export const updateRiskAreaRules = z.object({
  code: patch(areaCode),
  name: patch(textRule('navn', 200)),
  description: patch(optionalTextRule('beskrivelse', 2000)),
  sortOrder: patch(sortOrder),
  version: versionRule,
});

// ---------------------------------------------------------------------------
// Risks
// ---------------------------------------------------------------------------

const reference = z
  .string({ error: 'Fyll inn referanse.' })
  .trim()
  .toUpperCase()
  .min(1, { error: 'Fyll inn referanse.' })
  .max(30, { error: 'Referansen kan ha høyst 30 tegn.' })
  .regex(/^[A-ZÆØÅ0-9][A-ZÆØÅ0-9._-]*$/, { error: 'Referansen kan bare ha bokstaver, tall, punktum, bindestrek og understrek (for eksempel R-01).' });
const municipalityIds = z.array(idRule('en kommune'), { error: 'Velg kommuner.' }).max(100, { error: 'For mange kommuner.' });
const sourceScore = z.number({ error: 'Kildens poeng må være et heltall.' }).int({ error: 'Kildens poeng må være et heltall.' }).min(0, { error: 'Kildens poeng kan ikke være negativ.' }).max(1000, { error: 'Kildens poeng er for stor.' });

/** Residual likelihood and consequence come together or not at all. */
function residualBoth(input: { residualLikelihood?: number | null; residualConsequence?: number | null }, ctx: z.RefinementCtx): void {
  const l = input.residualLikelihood ?? null;
  const c = input.residualConsequence ?? null;
  if ((l === null) !== (c === null)) {
    ctx.addIssue({ code: 'custom', path: [l === null ? 'residualLikelihood' : 'residualConsequence'], message: 'Fyll inn både sannsynlighet og konsekvens for restrisikoen, eller ingen av dem.' });
  }
}

const riskDescriptive = {
  title: textRule('tittel', 300),
  shortTitle: optionalTextRule('kort tittel', 80),
  cause: optionalTextRule('årsak', 4000),
  event: optionalTextRule('hendelse', 4000),
  consequence: optionalTextRule('konsekvens', 4000),
  ownerId: optionalId('en eier'),
  ownerName: optionalTextRule('eier', 200),
  treatmentStrategy: enumOf(TREATMENT_STRATEGIES, 'strategi').nullish().transform((v) => v ?? null),
  knowledgeStrength: enumOf(KNOWLEDGE_STRENGTHS, 'kunnskapsstyrke').nullish().transform((v) => v ?? null),
  nextReviewDate: optionalDate('neste gjennomgang'),
};

export const createRiskRules = z
  .object({
    reference,
    ...riskDescriptive,
    areaId: idRule('et risikoområde'),
    appliesToAll: z.boolean().nullish().transform((v) => v ?? false),
    municipalityIds: municipalityIds.nullish().transform((v) => [...new Set(v ?? [])]),
    status: enumOf(RISK_STATUSES, 'status').nullish().transform((v) => v ?? 'OPEN'),
    sourceScore: sourceScore.nullish().transform((v) => v ?? null),
    inherentLikelihood: scoreRule('sannsynlighet'),
    inherentConsequence: scoreRule('konsekvens'),
    residualLikelihood: optionalScore('sannsynlighet'),
    residualConsequence: optionalScore('konsekvens'),
    comment: optionalTextRule('kommentar', 2000),
  })
  .superRefine((input, ctx) => {
    residualBoth(input, ctx);
    if (!input.appliesToAll && input.municipalityIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['municipalityIds'], message: 'Velg minst én kommune, eller marker at risikoen gjelder alle kommunene.' });
    }
  });

export const updateRiskRules = z.object({
  title: patch(riskDescriptive.title),
  shortTitle: patch(riskDescriptive.shortTitle),
  cause: patch(riskDescriptive.cause),
  event: patch(riskDescriptive.event),
  consequence: patch(riskDescriptive.consequence),
  areaId: patch(idRule('et risikoområde')),
  appliesToAll: patch(z.boolean({ error: 'Velg om risikoen gjelder alle kommunene.' })),
  municipalityIds: patch(municipalityIds.transform((v) => [...new Set(v)])),
  ownerId: patch(riskDescriptive.ownerId),
  ownerName: patch(riskDescriptive.ownerName),
  status: patch(enumOf(RISK_STATUSES, 'status')),
  treatmentStrategy: patch(riskDescriptive.treatmentStrategy),
  knowledgeStrength: patch(riskDescriptive.knowledgeStrength),
  nextReviewDate: patch(riskDescriptive.nextReviewDate),
  version: versionRule,
});

export const rescoreRiskRules = z
  .object({
    inherentLikelihood: scoreRule('sannsynlighet'),
    inherentConsequence: scoreRule('konsekvens'),
    residualLikelihood: optionalScore('sannsynlighet'),
    residualConsequence: optionalScore('konsekvens'),
    status: patch(enumOf(RISK_STATUSES, 'status')),
    comment: optionalTextRule('kommentar', 2000),
    version: versionRule,
  })
  .superRefine(residualBoth);

// ---------------------------------------------------------------------------
// Measures (tiltak)
// ---------------------------------------------------------------------------

export const createMeasureRules = z.object({
  riskId: idRule('en risiko'),
  title: textRule('tittel', 300),
  description: optionalTextRule('beskrivelse', 4000),
  ownerId: optionalId('en eier'),
  ownerName: optionalTextRule('eier', 200),
  deadline: optionalDate('frist'),
  status: enumOf(MEASURE_STATUSES, 'status').nullish().transform((v) => v ?? 'PLANNED'),
});

export const updateMeasureRules = z.object({
  title: patch(textRule('tittel', 300)),
  description: patch(optionalTextRule('beskrivelse', 4000)),
  ownerId: patch(optionalId('en eier')),
  ownerName: patch(optionalTextRule('eier', 200)),
  deadline: patch(optionalDate('frist')),
  status: patch(enumOf(MEASURE_STATUSES, 'status')),
  version: versionRule,
});

// ---------------------------------------------------------------------------
// Acceptance criteria (akseptkriterier)
// ---------------------------------------------------------------------------

const LEVEL_RANK = { LOW: 0, MEDIUM: 1, HIGH: 2 } as const;

const cellRule = z.object({
  likelihood: scoreRule('sannsynlighet'),
  consequence: scoreRule('konsekvens'),
  level: enumOf(RISK_LEVELS, 'nivå'),
});

const scaleRule = z.object({
  axis: enumOf(SCALE_AXES, 'akse'),
  level: scoreRule('nivå'),
  label: textRule('betegnelse', 80),
  description: textRule('beskrivelse', 1000),
});

type Cell = z.infer<typeof cellRule>;

/** All 25 cells once each, and a level that never falls as likelihood or consequence grows. */
function checkCells(cells: Cell[], ctx: z.RefinementCtx): void {
  const at = new Map<string, number>();
  cells.forEach((cell, i) => {
    const key = `${cell.likelihood}:${cell.consequence}`;
    if (at.has(key)) ctx.addIssue({ code: 'custom', path: ['cells', i], message: `Cellen S${cell.likelihood} × K${cell.consequence} er med mer enn én gang.` });
    else at.set(key, i);
  });
  let complete = cells.length === 25;
  for (let l = 1; l <= 5; l++) {
    for (let c = 1; c <= 5; c++) {
      if (at.has(`${l}:${c}`)) continue;
      complete = false;
      ctx.addIssue({ code: 'custom', path: ['cells'], message: `Cellen S${l} × K${c} mangler: alle 25 cellene må være med.` });
    }
  }
  // Zod runs this refinement even when a cell failed its own rule: look at levels only on a whole grid.
  if (!complete) return;
  const rank = (l: number, c: number) => LEVEL_RANK[cells[at.get(`${l}:${c}`)!]!.level];
  for (let l = 1; l <= 5; l++) {
    for (let c = 1; c <= 5; c++) {
      if (l < 5 && rank(l + 1, c) < rank(l, c)) {
        ctx.addIssue({ code: 'custom', path: ['cells', at.get(`${l + 1}:${c}`)!], message: `Nivået kan ikke synke når sannsynligheten øker: S${l + 1} × K${c} er lavere enn S${l} × K${c}.` });
      }
      if (c < 5 && rank(l, c + 1) < rank(l, c)) {
        ctx.addIssue({ code: 'custom', path: ['cells', at.get(`${l}:${c + 1}`)!], message: `Nivået kan ikke synke når konsekvensen øker: S${l} × K${c + 1} er lavere enn S${l} × K${c}.` });
      }
    }
  }
}

function checkScale(scale: z.infer<typeof scaleRule>[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  scale.forEach((s, i) => {
    const key = `${s.axis}:${s.level}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['scale', i], message: `Nivå ${s.level} for ${s.axis === 'LIKELIHOOD' ? 'sannsynlighet' : 'konsekvens'} er med mer enn én gang.` });
    seen.add(key);
  });
  for (const axis of SCALE_AXES) {
    for (let level = 1; level <= 5; level++) {
      if (!seen.has(`${axis}:${level}`)) ctx.addIssue({ code: 'custom', path: ['scale'], message: `Nivå ${level} for ${axis === 'LIKELIHOOD' ? 'sannsynlighet' : 'konsekvens'} mangler: alle ti nivåene må være med.` });
    }
  }
}

export const createAcceptanceCriteriaRules = z
  .object({
    validFrom: isoDateRule('gyldig fra'),
    name: textRule('navn', 200),
    description: optionalTextRule('beskrivelse', 4000),
    cells: z.array(cellRule, { error: 'Fyll inn cellene.' }).max(25, { error: 'Matrisen har 25 celler.' }),
    scale: z.array(scaleRule, { error: 'Fyll inn skalaen.' }).max(10, { error: 'Skalaen har ti nivåer.' }),
  })
  .superRefine((input, ctx) => {
    checkCells(input.cells, ctx);
    checkScale(input.scale, ctx);
  });

// ---------------------------------------------------------------------------
// Consequence dimensions, per-dimension scores, residual acceptance, baselines
// ---------------------------------------------------------------------------

export const createConsequenceDimensionRules = z.object({
  name: textRule('navn', 200),
  description: optionalTextRule('beskrivelse', 2000),
  sortOrder: sortOrder.nullish().transform((v) => v ?? null),
});

export const updateConsequenceDimensionRules = z.object({
  name: patch(textRule('navn', 200)),
  description: patch(optionalTextRule('beskrivelse', 2000)),
  sortOrder: patch(sortOrder),
  version: versionRule,
});

export const riskConsequenceScoresRules = z
  .object({
    scores: z
      .array(z.object({ dimensionId: idRule('en konsekvensdimensjon'), consequence: scoreRule('konsekvens') }), { error: 'Fyll inn konsekvens per dimensjon.' })
      .max(50, { error: 'For mange konsekvensdimensjoner.' }),
    overallConsequence: optionalScore('samlet konsekvens'),
    consequenceReason: optionalTextRule('begrunnelse', 2000),
    comment: optionalTextRule('kommentar', 2000),
    version: versionRule,
  })
  .superRefine((input, ctx) => {
    const seen = new Set<number>();
    input.scores.forEach((score, i) => {
      if (seen.has(score.dimensionId)) ctx.addIssue({ code: 'custom', path: ['scores', i, 'dimensionId'], message: 'Hver konsekvensdimensjon kan bare ha én verdi.' });
      seen.add(score.dimensionId);
    });
  });

/** The highest per-dimension consequence, or null when there are no scores. */
export function highestConsequence(scores: readonly { consequence: number }[]): number | null {
  return scores.length ? Math.max(...scores.map((s) => s.consequence)) : null;
}

export const acceptRiskRules = z
  .object({
    approverId: optionalId('en godkjenner'),
    approverName: textRule('godkjent av', 200),
    acceptedOn: isoDateRule('godkjent dato'),
    expiresOn: isoDateRule('utløpsdato'),
    comment: optionalTextRule('kommentar', 2000),
    version: versionRule,
  })
  .superRefine((input, ctx) => {
    // ISO dates compare as text.
    if (input.expiresOn <= input.acceptedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Utløpsdatoen må være etter datoen restrisikoen ble akseptert.' });
  });

export const riskBaselineRules = z.object({
  name: textRule('navn', 200),
  description: optionalTextRule('beskrivelse', 2000),
});
