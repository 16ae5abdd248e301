import type { ArchiveSeriesSeed } from '../types.ts';
import { type BuildContext, type SeriesInput, build, chain } from './build.ts';
import { RESTRICTION_BASIS, RETENTION_BASIS } from './legal.ts';

const KEEP = { decision: 'BEVARES' } as const;

/** Sakarkiv by period: paper, then the old system, Elements from 2020, the shared Elements from 2026. */
export function caseFiles(ctx: BuildContext): ArchiveSeriesSeed[] {
  const legacy = ctx.profile.legacySystem;
  const rate = 4000;
  return chain(ctx, [
    { identifier: 'SAK-1964', title: 'Sakarkiv 1964–1979', medium: 'FYSISK', from: 1964, to: 1979, classification: 'Emnebasert, hierarkisk arkivnøkkel', retention: KEEP, target: 'SAK-FOR-2026', filesPerYear: rate * 0.4, description: 'Korrespondansearkiv ordnet etter emnebasert arkivnøkkel.' },
    { identifier: 'SAK-1980', title: 'Sakarkiv 1980–1989', medium: 'FYSISK', from: 1980, to: 1989, classification: 'K-koder', retention: KEEP, target: 'SAK-FOR-2026', filesPerYear: rate * 0.5 },
    { identifier: 'SAK-1990', title: 'Sakarkiv 1990–1999', medium: 'FYSISK', from: 1990, to: 1999, classification: 'K-koder', retention: KEEP, target: 'SAK-FOR-2026', filesPerYear: rate * 0.7, description: 'Papirbaserte saksmapper med elektronisk journal.' },
    { identifier: 'SAK-2000', title: 'Sakarkiv 2000–2009', medium: 'BLANDET', from: 2000, to: 2009, classification: 'K-koder', retention: KEEP, system: legacy, target: 'SAK-FOR-2026', filesPerYear: rate * 0.9, description: `Journal og deler av saksdokumentene i ${legacy}, resten på papir.` },
    { identifier: 'SAK-2010', title: 'Sakarkiv 2010–2019', medium: 'BLANDET', from: 2010, to: 2019, classification: 'K-koder', retention: KEEP, system: legacy, target: 'SAK-FOR-2026', filesPerYear: rate, description: `Journal i ${legacy} fram til overgangen til Elements i 2017–2018, deretter i Elements. Saksmappene er dels på papir.` },
    { identifier: 'SAK-2020', title: 'Sakarkiv 2020–2025', medium: 'ELEKTRONISK', from: 2020, to: 2025, classification: 'K-koder', retention: KEEP, system: 'Elements', target: 'SAK-FOR-2026', filesPerYear: rate * 1.1, description: 'Første hele periode i Elements. Periodeskifte ved driftsstarten for dokumentsenteret 1.1.2026.' },
    { identifier: 'SAK-2026', title: 'Sakarkiv 2026–', medium: 'ELEKTRONISK', from: 2026, to: null, classification: 'Funksjonsbasert, hierarkisk', retention: KEEP, system: 'Elements', target: 'SAK-2026', filesPerYear: rate * 1.1, description: 'Kommunens del av det felles sakarkivet i Elements, driftet av Kongsbergregionen dokumentsenter.' },
  ]);
}

/** Yearly journal books from the paper era; from 2000 the journal lives in the case system. */
export function postJournals(ctx: BuildContext): ArchiveSeriesSeed[] {
  const first = ctx.profile.large ? 1970 : 1980;
  const out: ArchiveSeriesSeed[] = [];
  for (let year = first; year <= 1999; year++) {
    out.push(
      build(ctx, {
        identifier: `JOURNAL-${year}`,
        title: `Postjournal ${year}`,
        medium: 'FYSISK',
        from: year,
        to: year,
        retention: KEEP,
        target: 'POSTJOURNAL',
        filesPerYear: 60,
        predecessor: year > first ? `JOURNAL-${year - 1}` : null,
      }),
    );
  }
  return out;
}

interface Organ {
  code: string;
  name: string;
  from: number;
  to: number | null;
  /** Only in the larger municipalities. */
  largeOnly?: boolean;
}

// Organs as they came and went: the sector boards of the 1964 structure, the main committees
// after the Local Government Act of 1992, the councils made mandatory later. Periods follow the
// four-year electoral periods.
const ORGANS: readonly Organ[] = [
  { code: 'KST', name: 'Kommunestyret', from: 1964, to: null },
  { code: 'FSK', name: 'Formannskapet', from: 1964, to: null },
  { code: 'VAL', name: 'Valgstyret', from: 1964, to: null },
  { code: 'AMU', name: 'Arbeidsmiljøutvalget', from: 1976, to: null },
  { code: 'KU', name: 'Kontrollutvalget', from: 1992, to: null },
  { code: 'ADM', name: 'Administrasjonsutvalget', from: 1992, to: null },
  { code: 'ELD', name: 'Eldrerådet', from: 1992, to: null },
  { code: 'RFF', name: 'Råd for personer med funksjonsnedsettelse', from: 2008, to: null },
  { code: 'UNG', name: 'Ungdomsrådet', from: 2008, to: null, largeOnly: true },
  { code: 'PSU', name: 'Partssammensatt utvalg', from: 2008, to: null, largeOnly: true },
  { code: 'KLAG', name: 'Klagenemnda', from: 1996, to: null, largeOnly: true },
  { code: 'SKS', name: 'Skolestyret', from: 1964, to: 1991 },
  { code: 'SOS', name: 'Sosialstyret', from: 1964, to: 1991 },
  { code: 'HR', name: 'Helserådet', from: 1964, to: 1987, largeOnly: true },
  { code: 'BR', name: 'Bygningsrådet', from: 1964, to: 1995 },
  { code: 'LBN', name: 'Landbruksnemnda', from: 1964, to: 2003 },
  { code: 'VILT', name: 'Viltnemnda', from: 1964, to: 2003, largeOnly: true },
  { code: 'KULT', name: 'Kulturstyret', from: 1976, to: 1991, largeOnly: true },
  { code: 'HOK', name: 'Hovedutvalg for oppvekst og kultur', from: 1992, to: 2019 },
  { code: 'HHO', name: 'Hovedutvalg for helse og omsorg', from: 1992, to: 2019 },
  { code: 'HTM', name: 'Hovedutvalg for teknikk og miljø', from: 1992, to: 2019 },
  { code: 'UOK', name: 'Utvalg for oppvekst og kultur', from: 2020, to: null, largeOnly: true },
  { code: 'UHV', name: 'Utvalg for helse og velferd', from: 2020, to: null, largeOnly: true },
  { code: 'UPM', name: 'Utvalg for plan og miljø', from: 2020, to: null },
];

export function councilMinutes(ctx: BuildContext): ArchiveSeriesSeed[] {
  const out: ArchiveSeriesSeed[] = [];
  for (const organ of ORGANS) {
    if (organ.largeOnly && !ctx.profile.large) continue;
    const inputs: Omit<SeriesInput, 'predecessor'>[] = [];
    for (let start = 1964; start <= 2024; start += 4) {
      const end = start + 3;
      if (start < Math.max(organ.from, ctx.profile.firstCouncilYear) || (organ.to !== null && start > organ.to)) continue;
      const open = end >= 2026 && organ.to === null;
      const medium = end < 2000 ? 'FYSISK' : start < 2018 ? 'BLANDET' : 'ELEKTRONISK';
      inputs.push({
        identifier: `MØTE-${organ.code}-${start}`,
        title: open ? `${organ.name} – møtebøker ${start}–` : `${organ.name} – møtebøker ${start}–${end}`,
        medium,
        from: start,
        to: open ? null : end,
        classification: 'Objektbasert',
        retention: KEEP,
        system: medium === 'FYSISK' ? 'Papir' : start < 2018 ? ctx.profile.legacySystem : 'Elements',
        target: 'MOTEBOK',
        filesPerYear: organ.code === 'KST' || organ.code === 'FSK' ? 120 : 40,
        description: open ? 'Inneværende valgperiode. Møtene føres i felles Elements fra 1.1.2026.' : undefined,
      });
    }
    out.push(...chain(ctx, inputs));
  }
  return out;
}

export function accounts(ctx: BuildContext): ArchiveSeriesSeed[] {
  const finance = ctx.profile.financeSystem;
  const decades: [number, number | null][] = [[1964, 1979], [1980, 1989], [1990, 1999], [2000, 2009], [2010, 2019], [2020, null]];
  const annual = chain(
    ctx,
    decades.map(([from, to]) => ({
      identifier: `REGN-${from}`,
      title: to ? `Årsregnskap og budsjett ${from}–${to}` : `Årsregnskap og budsjett ${from}–`,
      medium: to !== null && to < 2000 ? ('FYSISK' as const) : ('ELEKTRONISK' as const),
      from,
      to,
      retention: KEEP,
      system: to !== null && to < 2000 ? 'Papir' : finance,
      target: 'REGNSKAP' as const,
      filesPerYear: 20,
    })),
  );
  const vouchers = chain(ctx, [
    { identifier: 'BILAG-2015', title: 'Regnskapsbilag 2015–2019', medium: 'ELEKTRONISK', from: 2015, to: 2019, retention: { decision: 'KASSERES', years: 5, basis: RETENTION_BASIS.accounting }, system: finance, target: 'REGNSKAP', filesPerYear: 900 },
    { identifier: 'BILAG-2020', title: 'Regnskapsbilag 2020–', medium: 'ELEKTRONISK', from: 2020, to: null, retention: { decision: 'KASSERES', years: 5, basis: RETENTION_BASIS.accounting }, system: finance, target: 'REGNSKAP', filesPerYear: 900 },
  ]);
  const payroll = build(ctx, { identifier: 'LØNN-1990', title: 'Lønnslister og lønnskort 1990–2014', medium: 'BLANDET', from: 1990, to: 2014, retention: KEEP, restrictedBy: RESTRICTION_BASIS.personnel, system: finance, target: 'REGNSKAP', filesPerYear: 150 });
  return [...annual, ...vouchers, payroll];
}

/** Series with no place in the target structure yet: left unmapped on purpose. */
export function unmappedCentral(ctx: BuildContext): ArchiveSeriesSeed[] {
  return [
    build(ctx, { identifier: 'VALG-1964', title: 'Valg – manntall og valgoppgjør 1964–2023', medium: 'BLANDET', from: 1964, to: 2023, retention: KEEP, system: 'EVA Admin', target: null, filesPerYear: 5 }),
    build(ctx, { identifier: 'SKATT-1965', title: 'Skatteoppkreveren 1965–2020', description: 'Skatteinnkrevingen ble overført til Skatteetaten 1.11.2020.', medium: 'BLANDET', from: 1965, to: '2020-10-31', retention: { decision: 'VURDERES_SENERE' }, restrictedBy: RESTRICTION_BASIS.tax, target: null, filesPerYear: 200, system: 'Papir' }),
  ];
}
