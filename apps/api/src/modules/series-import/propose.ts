import type { PrismaClient } from '@samarkiv/db';
import type { Extraction } from './validate.ts';

// Which municipality an extraction belongs to, guessed from its arkivskaper: a municipality
// number (four digits on their own) in arkivskaperID or arkivskaperNavn, else a municipality's
// name as a word in arkivskaperNavn («Flesberg kommune»), else in the archive's title. The user
// confirms or picks another; the guess decides nothing.

export async function proposeMunicipality(prisma: PrismaClient, extraction: Extraction): Promise<{ municipalityId: number; reason: string } | null> {
  const municipalities = await prisma.municipality.findMany({ where: { deletedAt: null }, select: { id: true, number: true, name: true }, orderBy: { id: 'asc' } });
  const word = (name: string) => new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu');
  for (const creator of extraction.creators) {
    for (const m of municipalities) {
      const number = new RegExp(`(^|\\D)${m.number}($|\\D)`);
      if (creator.creatorId && number.test(creator.creatorId)) return { municipalityId: m.id, reason: `arkivskaperID «${creator.creatorId}» inneholder kommunenummeret ${m.number} (${m.name}).` };
      if (creator.name && number.test(creator.name)) return { municipalityId: m.id, reason: `arkivskaperNavn «${creator.name}» inneholder kommunenummeret ${m.number} (${m.name}).` };
    }
  }
  for (const creator of extraction.creators) {
    const m = creator.name ? municipalities.find((x) => word(x.name).test(creator.name!)) : undefined;
    if (m) return { municipalityId: m.id, reason: `arkivskaperNavn «${creator.name}» inneholder kommunenavnet ${m.name}.` };
  }
  for (const archive of extraction.archives) {
    const m = archive.title ? municipalities.find((x) => word(x.name).test(archive.title!)) : undefined;
    if (m) return { municipalityId: m.id, reason: `Arkivets tittel «${archive.title}» inneholder kommunenavnet ${m.name}.` };
  }
  return null;
}
