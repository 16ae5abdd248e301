import type { ArchiveSeriesSeed } from '../types.ts';
import { type BuildContext, build } from './build.ts';

const KEEP = { decision: 'BEVARES' } as const;
const LATER = { decision: 'VURDERES_SENERE' } as const;
const GNR_BNR = 'Gårds- og bruksnummer';

// Property-based series are continuous (løpende): a property's file grows for as long as the
// property exists, so these are never periodised.
export function property(ctx: BuildContext): ArchiveSeriesSeed[] {
  const continuous = { continuous: true, to: null } as const;
  const out = [
    build(ctx, { identifier: 'BYGG-GNRBNR', title: 'Byggesaker etter gårds- og bruksnummer', medium: 'BLANDET', from: 1965, ...continuous, classification: GNR_BNR, retention: KEEP, system: 'Elements', target: 'BYGGESAK', filesPerYear: 400, description: 'Papirmapper før 2018 er skannet og knyttet til eiendommen i Elements.' }),
    build(ctx, { identifier: 'EIEND-GNRBNR', title: 'Eiendomsarkiv etter gårds- og bruksnummer', medium: 'BLANDET', from: 1965, ...continuous, classification: GNR_BNR, retention: KEEP, system: 'Elements', target: 'EIENDOM', filesPerYear: 200 }),
    build(ctx, { identifier: 'OPPMÅLING-GNRBNR', title: 'Oppmålings- og delingssaker', medium: 'BLANDET', from: 1980, ...continuous, classification: GNR_BNR, retention: KEEP, system: 'Elements', target: 'EIENDOM', filesPerYear: 120 }),
    build(ctx, { identifier: 'EIENDOMSSKATT-2010', title: 'Eiendomsskatt – takster og klager 2010–', medium: 'ELEKTRONISK', from: 2010, to: null, classification: GNR_BNR, retention: LATER, system: 'Elements', target: 'EIENDOM', filesPerYear: 150 }),
    build(ctx, { identifier: 'PLAN-REG', title: 'Reguleringsplaner etter planID', medium: 'BLANDET', from: 1965, ...continuous, classification: 'Objektbasert', retention: KEEP, system: 'Elements', target: 'PLAN', filesPerYear: 15 }),
    build(ctx, { identifier: 'PLAN-KPL', title: 'Kommuneplaner og kommunedelplaner', medium: 'BLANDET', from: 1970, ...continuous, classification: 'Objektbasert', retention: KEEP, system: 'Elements', target: 'PLAN', filesPerYear: 3 }),
    build(ctx, { identifier: 'BYGG-KOMMUNALE', title: 'Kommunale bygg – tegningsarkiv', medium: 'FYSISK', from: 1950, ...continuous, classification: 'Objektbasert', retention: KEEP, target: 'EIENDOM', filesPerYear: 10 }),
    // No target series for agriculture: unmapped on purpose.
    build(ctx, { identifier: 'LANDBRUK-1990', title: 'Landbrukskontoret – tilskuddssaker 1990–2019', medium: 'BLANDET', from: 1990, to: 2019, classification: GNR_BNR, retention: LATER, system: ctx.profile.legacySystem, target: null, filesPerYear: 80 }),
  ];
  if (ctx.profile.large) {
    out.push(
      build(ctx, { identifier: 'VA-LEDNING', title: 'Vann og avløp – ledningskart og abonnenter', medium: 'BLANDET', from: 1960, ...continuous, classification: 'Objektbasert', retention: LATER, system: 'Gemini VA', target: null, filesPerYear: 50 }),
      build(ctx, { identifier: 'BRANN-TILSYN', title: 'Brann og feiing – tilsyn etter gårds- og bruksnummer', medium: 'BLANDET', from: 1985, ...continuous, classification: GNR_BNR, retention: LATER, system: 'Elements', target: null, filesPerYear: 100 }),
    );
  }
  return out;
}
