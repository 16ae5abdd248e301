import type { ArchiveSeriesSeed } from '../types.ts';
import { type BuildContext, build } from './build.ts';
import { RESTRICTION_BASIS } from './legal.ts';

const KEEP = { decision: 'BEVARES' } as const;

/** The older paper archive of a municipality merged into this one, under its own creator. */
export function formerMunicipality(ctx: BuildContext): ArchiveSeriesSeed[] {
  const former = ctx.profile.former;
  if (!former) return [];
  const { prefix, name, lastYear, creatorId } = former;
  const common = { medium: 'FYSISK', creatorId, to: lastYear, retention: KEEP } as const;
  return [
    build(ctx, { ...common, identifier: `${prefix}-MØTE`, title: `${name} – herredsstyret og formannskapet, møtebøker 1900–${lastYear}`, from: 1900, classification: 'Objektbasert', target: 'MOTEBOK', filesPerYear: 10 }),
    build(ctx, { ...common, identifier: `${prefix}-SKOLESTYRET`, title: `${name} – skolestyret, møtebøker 1900–${lastYear}`, from: 1900, classification: 'Objektbasert', target: 'MOTEBOK', filesPerYear: 4 }),
    build(ctx, { ...common, identifier: `${prefix}-SAK`, title: `${name} – sakarkiv 1900–${lastYear}`, from: 1900, classification: 'Emnebasert, ett nivå', target: 'SAK-FOR-2026', filesPerYear: 150 }),
    build(ctx, { ...common, identifier: `${prefix}-JOURNAL`, title: `${name} – postjournaler 1920–${lastYear}`, from: 1920, target: 'POSTJOURNAL', filesPerYear: 20 }),
    build(ctx, { ...common, identifier: `${prefix}-FORSORG`, title: `${name} – fattigstyret og forsorgsstyret 1900–${lastYear}`, from: 1900, restrictedBy: RESTRICTION_BASIS.general, target: 'SOSIAL', filesPerYear: 20 }),
    build(ctx, { ...common, identifier: `${prefix}-REGNSKAP`, title: `${name} – regnskap 1900–${lastYear}`, from: 1900, target: 'REGNSKAP', filesPerYear: 15 }),
    build(ctx, { ...common, identifier: `${prefix}-LIKNING`, title: `${name} – likningsprotokoller 1900–${lastYear}`, from: 1900, target: null, filesPerYear: 10 }),
  ];
}
