import type { ArchiveSeed, ArchiveSeriesSeed } from '../types.ts';
import { type BuildContext, mainCreatorIdOf } from './build.ts';
import { accounts, caseFiles, councilMinutes, postJournals, unmappedCentral } from './central.ts';
import { formerMunicipality } from './former.ts';
import { applyGaps } from './gaps.ts';
import { property } from './land.ts';
import { type MunicipalityProfile, PROFILES } from './profiles.ts';
import { seededRandom } from './random.ts';
import { childWelfare, guardianship, health, personnel, pupils, social } from './services.ts';

export { PROFILES } from './profiles.ts';

/** One archive (arkiv) per municipality, with its creators (arkivskaper): itself and any merged predecessor. */
export function archiveOf(profile: MunicipalityProfile): ArchiveSeed {
  const creators = [{ creatorId: mainCreatorIdOf(profile), name: `${profile.name} kommune`, description: `${profile.name} kommune som arkivskaper.` }];
  if (profile.former) {
    creators.push({
      creatorId: profile.former.creatorId,
      name: profile.former.name,
      description: `${profile.former.name} fram til sammenslåingen med ${profile.name} 1.1.${profile.former.lastYear + 1}.`,
    });
  }
  return {
    municipality: profile.number,
    title: `${profile.name} kommunes arkiv`,
    description: `Arkivet etter ${profile.name} kommune${profile.former ? ` og ${profile.former.name}` : ''}, på papir, i tidligere fagsystemer og i Elements.`,
    documentMedium: 'BLANDET',
    creators,
  };
}

/** The demo catalogue of one municipality: the same every run (seeded by its number). */
export function archiveSeriesOf(profile: MunicipalityProfile): ArchiveSeriesSeed[] {
  const ctx: BuildContext = { profile, rng: seededRandom(Number(profile.number)), mainCreatorId: mainCreatorIdOf(profile) };
  const series = [
    ...caseFiles(ctx),
    ...postJournals(ctx),
    ...councilMinutes(ctx),
    ...accounts(ctx),
    ...unmappedCentral(ctx),
    ...personnel(ctx),
    ...pupils(ctx),
    ...childWelfare(ctx),
    ...social(ctx),
    ...health(ctx),
    ...guardianship(ctx),
    ...property(ctx),
    ...formerMunicipality(ctx),
  ];
  return applyGaps(series, profile.gaps, seededRandom(Number(profile.number) * 7919));
}

export const ARCHIVES: readonly ArchiveSeed[] = PROFILES.map(archiveOf);
