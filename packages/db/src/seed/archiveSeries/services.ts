import type { ArchiveSeriesSeed } from '../types.ts';
import { type BuildContext, build, chain, schoolName } from './build.ts';
import { RESTRICTION_BASIS, RETENTION_BASIS } from './legal.ts';

const KEEP = { decision: 'BEVARES' } as const;
const LATER = { decision: 'VURDERES_SENERE' } as const;
const PERSON = 'Fødselsnummer';

/** Upper-case code of a place or unit for identifiers: 'Rjukan barneskole' → 'RJUKAN-BARNESKOLE'. */
export function codeOf(name: string): string {
  return name.toUpperCase().replace(/[^A-ZÆØÅ0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function personnel(ctx: BuildContext): ArchiveSeriesSeed[] {
  const legacy = ctx.profile.legacySystem;
  const basis = RESTRICTION_BASIS.personnel;
  const periods = chain(ctx, [
    { identifier: 'PERS-1964', title: 'Personalmapper 1964–1999', medium: 'FYSISK', from: 1964, to: 1999, classification: PERSON, retention: KEEP, restrictedBy: basis, target: 'PERSONAL', filesPerYear: 150 },
    { identifier: 'PERS-2000', title: 'Personalmapper 2000–2019', medium: 'BLANDET', from: 2000, to: 2019, classification: PERSON, retention: KEEP, restrictedBy: basis, system: legacy, target: 'PERSONAL', filesPerYear: 180 },
    { identifier: 'PERS-2020', title: 'Personalmapper 2020–2025', medium: 'ELEKTRONISK', from: 2020, to: 2025, classification: PERSON, retention: KEEP, restrictedBy: basis, system: 'Elements', target: 'PERSONAL', filesPerYear: 200 },
    { identifier: 'PERS-2026', title: 'Personalmapper 2026–', medium: 'ELEKTRONISK', from: 2026, to: null, classification: PERSON, retention: KEEP, restrictedBy: basis, system: 'Elements', target: 'PERSONAL', filesPerYear: 200 },
  ]);
  // Noark's «Uaktuelle mapper»: files of employees who have left, moved out of the active series.
  const former = build(ctx, {
    identifier: 'PERS-SLUTTET',
    title: 'Personalmapper – sluttede arbeidstakere',
    medium: 'ELEKTRONISK',
    from: 2020,
    to: null,
    status: 'UAKTUELLE_MAPPER',
    classification: PERSON,
    retention: KEEP,
    restrictedBy: basis,
    system: 'Elements',
    target: 'PERSONAL',
    filesPerYear: 60,
  });
  return [...periods, former];
}

export function pupils(ctx: BuildContext): ArchiveSeriesSeed[] {
  const basis = RESTRICTION_BASIS.general;
  const out: ArchiveSeriesSeed[] = [];
  for (const place of ctx.profile.schools) {
    const school = schoolName(place);
    const code = codeOf(place);
    out.push(
      ...chain(ctx, [
        { identifier: `ELEV-${code}-1970`, title: `Elevmapper ${school} 1970–2014`, medium: 'FYSISK', from: 1970, to: 2014, classification: PERSON, retention: KEEP, restrictedBy: basis, target: 'ELEV', filesPerYear: 40 },
        { identifier: `ELEV-${code}-2015`, title: `Elevmapper ${school} 2015–`, medium: 'ELEKTRONISK', from: '2015-08-01', to: null, classification: PERSON, retention: KEEP, restrictedBy: basis, system: 'Visma Flyt Skole', target: 'ELEV', filesPerYear: 45 },
      ]),
    );
  }
  for (const place of ctx.profile.kindergartens) {
    // No target series for kindergartens yet: these stay unmapped everywhere.
    out.push(
      build(ctx, { identifier: `BHG-${codeOf(place)}`, title: `${place} barnehage – barnemapper`, medium: 'BLANDET', from: 1990, to: null, classification: PERSON, retention: LATER, restrictedBy: basis, system: 'Visma Flyt Barnehage', target: null, filesPerYear: 15 }),
    );
  }
  if (ctx.profile.large) {
    out.push(
      build(ctx, { identifier: 'PPT-1975', title: 'PPT – klientmapper 1975–', medium: 'BLANDET', from: 1975, to: null, classification: PERSON, retention: KEEP, restrictedBy: basis, system: ctx.profile.legacySystem, target: 'ELEV', filesPerYear: 80 }),
      build(ctx, { identifier: 'KULTURSKOLE-1985', title: 'Kulturskolen – elevarkiv 1985–', medium: 'BLANDET', from: 1985, to: null, classification: PERSON, retention: LATER, system: 'Visma Flyt Skole', target: 'ELEV', filesPerYear: 60 }),
    );
  }
  return out;
}

export function childWelfare(ctx: BuildContext): ArchiveSeriesSeed[] {
  return chain(ctx, [
    { identifier: 'BV-1954', title: 'Barnevernsnemnda – klientmapper 1954–1992', medium: 'FYSISK', from: 1954, to: 1992, classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.childWelfareOld, target: 'BARNEVERN', filesPerYear: 25 },
    { identifier: 'BV-1993', title: 'Barnevernmapper 1993–2012', medium: 'BLANDET', from: 1993, to: 2012, classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.childWelfareOld, system: 'Familia', target: 'BARNEVERN', filesPerYear: 60 },
    { identifier: 'BV-2013', title: 'Barnevernmapper 2013–', medium: 'ELEKTRONISK', from: 2013, to: null, classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.childWelfare, system: 'Familia', target: 'BARNEVERN', filesPerYear: 90 },
  ]);
}

export function social(ctx: BuildContext): ArchiveSeriesSeed[] {
  const out = chain(ctx, [
    { identifier: 'SOS-1965', title: 'Sosialkontoret – klientmapper 1965–2006', medium: 'FYSISK', from: 1965, to: 2006, classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.socialOld, target: 'SOSIAL', filesPerYear: 120 },
    { identifier: 'SOS-2007', title: 'Nav kommune – sosialmapper 2007–2019', medium: 'BLANDET', from: 2007, to: 2019, classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.social, system: 'Socio', target: 'SOSIAL', filesPerYear: 150 },
    { identifier: 'SOS-2020', title: 'Nav kommune – sosialmapper 2020–', medium: 'ELEKTRONISK', from: 2020, to: null, classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.social, system: 'Socio', target: 'SOSIAL', filesPerYear: 150 },
  ]);
  if (ctx.profile.large) {
    out.push(build(ctx, { identifier: 'FLYKTNING-1990', title: 'Flyktningtjenesten – klientmapper 1990–', medium: 'BLANDET', from: 1990, to: null, classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.general, system: ctx.profile.legacySystem, target: 'SOSIAL', filesPerYear: 40 }));
  }
  return out;
}

// Health centres for children and youth and mental health/substance services are to be kept
// (Riksarkivarens forskrift § 7-29); for the rest the demo leaves the decision for later.
const KEPT_HEALTH = /Helsestasjon|Psykisk helse/;

export function health(ctx: BuildContext): ArchiveSeriesSeed[] {
  const out: ArchiveSeriesSeed[] = [];
  for (const unit of ctx.profile.careUnits) {
    const code = codeOf(unit);
    const retention = KEPT_HEALTH.test(unit) ? { decision: 'BEVARES' as const, basis: RETENTION_BASIS.health } : LATER;
    out.push(
      ...chain(ctx, [
        { identifier: `HELSE-${code}-1970`, title: `${unit} – journaler 1970–2004`, medium: 'FYSISK', from: 1970, to: 2004, classification: PERSON, retention, restrictedBy: RESTRICTION_BASIS.health, target: 'HELSE', filesPerYear: 200 },
        { identifier: `HELSE-${code}-2005`, title: `${unit} – journaler 2005–`, medium: 'ELEKTRONISK', from: 2005, to: null, classification: PERSON, retention, restrictedBy: RESTRICTION_BASIS.health, system: ctx.profile.careSystem, target: 'HELSE', filesPerYear: 300 },
      ]),
    );
  }
  return out;
}

export function guardianship(ctx: BuildContext): ArchiveSeriesSeed[] {
  return [
    build(ctx, { identifier: 'OVERFORMYNDERI', title: 'Overformynderiet 1964–2013', description: 'Oppgavene gikk over til fylkesmannen ved vergemålsreformen 1.7.2013.', medium: 'FYSISK', from: 1964, to: '2013-06-30', classification: PERSON, retention: KEEP, restrictedBy: RESTRICTION_BASIS.general, target: 'VERGEMAL', filesPerYear: 30 }),
  ];
}
