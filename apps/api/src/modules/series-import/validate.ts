import type { ArchiveSeriesStatus, DocumentMedium, RetentionDecision } from '@samarkiv/db';
import { ACCESS_RESTRICTIONS, CLASSIFICATION_TYPES } from '@samarkiv/shared';
import { type Located, type StructureContent, STRUKTUR } from './arkivstruktur.ts';
import type { Problems, Severity } from './problems.ts';
import type { UttrekkInfo } from './uttrekk.ts';
import { calendarDate, isUuid, listing, matchMedium, matchRetention, matchStatus, MEDIUM_LABELS, RETENTION_LABELS, STATUS_LABELS } from './values.ts';

// The rules of the Noark 5 metadata catalogue that Samarkiv applies to what it stores, per
// version: M001 systemID (a UUID from v5.0 on), M020 tittel, M051 arkivdelstatus, M300
// dokumentmedium, M107/M108 the period, M450/M451/M453 kassasjon, M500/M501 skjerming,
// M202/M203 forløper/arvtaker, M086 klassifikasjonstype. Each finding goes to `problems`.

export interface VersionDecision {
  /** «3.1», «4.0», «5.0», «3.1/4.0» (content older than v5.0, no arkivuttrekk) or null (unknown). */
  version: string | null;
  source: 'ARKIVUTTREKK' | 'CONTENT' | 'UNKNOWN';
  /** v5.0 rules apply (UUID systemIDs). */
  v5: boolean;
}

export interface ArchiveData {
  index: number;
  parentIndex: number | null;
  path: string;
  line: number;
  systemId: string | null;
  title: string | null;
  description: string | null;
  documentMedium: DocumentMedium | null;
  creatorIndexes: number[];
}

export interface CreatorData {
  index: number;
  archiveIndex: number;
  path: string;
  line: number;
  creatorId: string | null;
  name: string | null;
  description: string | null;
}

export interface SeriesData {
  index: number;
  archiveIndex: number;
  creatorIndex: number | null;
  path: string;
  line: number;
  systemId: string | null;
  title: string | null;
  description: string | null;
  status: ArchiveSeriesStatus | null;
  documentMedium: DocumentMedium;
  storageLocation: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  predecessor: Located | null;
  successor: Located | null;
  classificationType: string | null;
  retentionDecision: RetentionDecision | null;
  retentionYears: number | null;
  retentionBasis: string | null;
  accessRestriction: string | null;
  restrictionBasis: string | null;
  extentFiles: number;
  extentRecords: number;
  classes: number;
}

export interface Extraction {
  version: VersionDecision;
  archives: ArchiveData[];
  creators: CreatorData[];
  series: SeriesData[];
  totals: { classes: number; files: number; records: number };
}

const LIMITS = { archiveTitle: 300, seriesTitle: 500, systemId: 100, creatorId: 100, creatorName: 300, description: 5000, classificationType: 200, retentionBasis: 500, accessRestriction: 200, restrictionBasis: 500, storageLocation: 500 };

export function decideVersion(content: StructureContent, uttrekk: UttrekkInfo | null, problems: Problems): VersionDecision {
  const add = (severity: Severity, code: string, at: Located | null, message: string) => problems.add({ severity, code, path: at?.path ?? '/arkiv', line: at?.line ?? null, file: STRUKTUR, message });
  if (uttrekk?.version) {
    const v5 = uttrekk.version === '5.0';
    if (!v5 && content.v5Marker) add('WARNING', 'VERSION_MISMATCH', content.v5Marker, `arkivuttrekk.xml oppgir Noark 5 versjon ${uttrekk.version}, men arkivstruktur.xml inneholder ${content.v5Marker.value}, som først finnes i versjon 5.0.`);
    if (v5 && content.pre5Marker) add('WARNING', 'VERSION_MISMATCH', content.pre5Marker, `arkivuttrekk.xml oppgir Noark 5 versjon 5.0, men arkivstruktur.xml inneholder ${content.pre5Marker.value}, som ikke finnes i versjon 5.0.`);
    return { version: uttrekk.version, source: 'ARKIVUTTREKK', v5 };
  }
  if (content.v5Marker) {
    add('NOTICE', 'VERSION_FROM_CONTENT', content.v5Marker, `Uttrekket er lest som Noark 5 versjon 5.0 fordi det inneholder ${content.v5Marker.value}. Reglene for versjon 5.0 gjelder (blant annet UUID som systemID).`);
    return { version: '5.0', source: 'CONTENT', v5: true };
  }
  if (content.pre5Marker) {
    add('NOTICE', 'VERSION_FROM_CONTENT', content.pre5Marker, `Uttrekket er lest som Noark 5 versjon 3.1 eller 4.0 fordi det inneholder ${content.pre5Marker.value}, som ikke finnes i versjon 5.0.`);
    return { version: '3.1/4.0', source: 'CONTENT', v5: false };
  }
  add('NOTICE', 'VERSION_UNKNOWN', null, 'Versjonen av Noark 5 kunne ikke bestemmes (ingen arkivuttrekk.xml og ingen versjonstypiske elementer). Uttrekket er kontrollert etter reglene som er felles for versjon 3.1, 4.0 og 5.0; kravet om UUID som systemID er ikke brukt.');
  return { version: null, source: 'UNKNOWN', v5: false };
}

export function validate(content: StructureContent, version: VersionDecision, problems: Problems, uttrekk: UttrekkInfo | null): Extraction {
  const add = (severity: Severity, code: string, path: string, line: number | null, message: string) => problems.add({ severity, code, path, line, file: STRUKTUR, message });
  const text = (field: Located | undefined, max: number, what: string): string | null => {
    if (!field || field.value === '') return null;
    if (field.value.length > max) {
      add('ERROR', 'VALUE_TOO_LONG', field.path, field.line, `${what} har ${field.value.length} tegn; Samarkiv tar høyst ${max}.`);
      return null;
    }
    return field.value;
  };
  const systemIds = new Map<string, string>();
  const systemId = (owner: { path: string; line: number }, field: Located | undefined, unit: string): string | null => {
    if (!field || field.value === '') {
      add('ERROR', 'SYSTEMID_MISSING', `${owner.path}/systemID`, owner.line, `${unit} mangler systemID (M001), som er obligatorisk.`);
      return null;
    }
    if (version.v5 && !isUuid(field.value)) add('ERROR', 'SYSTEMID_NOT_UUID', field.path, field.line, `systemID «${field.value}» er ikke en UUID. Noark 5 versjon 5.0 krever UUID som systemID (M001).`);
    const seen = systemIds.get(field.value);
    if (seen) add('ERROR', 'SYSTEMID_DUPLICATE', field.path, field.line, `systemID «${field.value}» er brukt før, i ${seen}. En systemID skal være unik.`);
    else systemIds.set(field.value, field.path);
    return text(field, LIMITS.systemId, 'systemID');
  };
  const required = (owner: { path: string; line: number }, field: Located | undefined, name: string, label: string) => {
    if (!field || field.value === '') add('ERROR', `${name.toUpperCase()}_MISSING`, `${owner.path}/${name}`, owner.line, `${label} mangler, og er obligatorisk.`);
  };

  const archives: ArchiveData[] = content.archives.map((draft) => {
    const f = draft.fields;
    required(draft, f.tittel, 'tittel', 'Arkivets tittel (M020)');
    let documentMedium: DocumentMedium | null = null;
    if (f.dokumentmedium?.value) documentMedium = medium(f.dokumentmedium, add);
    return {
      index: draft.index, parentIndex: draft.parentIndex, path: draft.path, line: draft.line,
      systemId: systemId(draft, f.systemID, 'Arkivet'),
      title: text(f.tittel, LIMITS.archiveTitle, 'Tittelen'),
      description: text(f.beskrivelse, LIMITS.description, 'Beskrivelsen'),
      documentMedium, creatorIndexes: draft.creatorIndexes,
    };
  });
  for (const archive of archives) {
    if (archive.parentIndex === null && archive.creatorIndexes.length === 0) add('ERROR', 'ARKIVSKAPER_MISSING', `${archive.path}/arkivskaper`, archive.line, 'Arkivet har ingen arkivskaper. Minst én arkivskaper er obligatorisk.');
  }

  const creators: CreatorData[] = content.creators.map((draft) => {
    required(draft, draft.fields.arkivskaperID, 'arkivskaperID', 'arkivskaperID (M006)');
    required(draft, draft.fields.arkivskaperNavn, 'arkivskaperNavn', 'arkivskaperNavn (M023)');
    return {
      index: draft.index, archiveIndex: draft.archiveIndex, path: draft.path, line: draft.line,
      creatorId: text(draft.fields.arkivskaperID, LIMITS.creatorId, 'arkivskaperID'),
      name: text(draft.fields.arkivskaperNavn, LIMITS.creatorName, 'arkivskaperNavn'),
      description: text(draft.fields.beskrivelse, LIMITS.description, 'Beskrivelsen'),
    };
  });
  // A creator named twice (in an archive and its sub-archive) is one creator.
  const firstCreatorOf = (archiveIndex: number | null): number | null => {
    for (let a = archiveIndex; a !== null; a = archives[a]!.parentIndex) {
      if (archives[a]!.creatorIndexes.length) return archives[a]!.creatorIndexes[0]!;
    }
    return null;
  };
  const mediumOf = (archiveIndex: number | null): DocumentMedium | null => {
    for (let a = archiveIndex; a !== null; a = archives[a]!.parentIndex) if (archives[a]!.documentMedium) return archives[a]!.documentMedium;
    return null;
  };

  const series: SeriesData[] = content.series.map((draft) => {
    const f = draft.fields;
    required(draft, f.tittel, 'tittel', 'Arkivdelens tittel (M020)');
    let status: ArchiveSeriesStatus | null = null;
    if (!f.arkivdelstatus?.value) add('ERROR', 'ARKIVDELSTATUS_MISSING', `${draft.path}/arkivdelstatus`, draft.line, `Arkivdelstatus (M051) mangler, og er obligatorisk. Gyldige verdier: ${listing(STATUS_LABELS)}.`);
    else {
      const match = matchStatus(f.arkivdelstatus.value);
      if (!match) add('ERROR', 'ARKIVDELSTATUS_INVALID', f.arkivdelstatus.path, f.arkivdelstatus.line, `Arkivdelstatus «${f.arkivdelstatus.value}» finnes ikke i kodelisten for M051. Gyldige verdier: ${listing(STATUS_LABELS)}.`);
      else {
        status = match.key;
        if (!match.exact) add('WARNING', 'CODE_LETTER_CASE', f.arkivdelstatus.path, f.arkivdelstatus.line, `Arkivdelstatus «${f.arkivdelstatus.value}» er skrevet med andre store og små bokstaver enn i kodelisten; lest som «${STATUS_LABELS[STATUS_LABELS.findIndex((l) => l.toLowerCase() === f.arkivdelstatus!.value.toLowerCase())]}».`);
      }
    }
    let documentMedium = f.dokumentmedium?.value ? medium(f.dokumentmedium, add) : null;
    if (!f.dokumentmedium?.value) {
      documentMedium = mediumOf(draft.archiveIndex);
      if (!documentMedium) {
        add('WARNING', 'DOKUMENTMEDIUM_MISSING', `${draft.path}/dokumentmedium`, draft.line, 'Dokumentmedium (M300) er ikke oppgitt for arkivdelen eller arkivet. Arkivdelen registreres som «Elektronisk arkiv».');
        documentMedium = 'ELEKTRONISK';
      }
    }

    const date = (field: Located | undefined, label: string): string | null => {
      if (!field?.value) return null;
      const day = calendarDate(field.value);
      if (!day) add('ERROR', 'DATE_INVALID', field.path, field.line, `${label} «${field.value}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTtt:mm:ss).`);
      return day;
    };
    let periodStart = date(f.arkivperiodeStartDato, 'arkivperiodeStartDato (M107)');
    const periodEnd = date(f.arkivperiodeSluttDato, 'arkivperiodeSluttDato (M108)');
    if (!f.arkivperiodeStartDato?.value) {
      const created = date(f.opprettetDato, 'opprettetDato (M600)');
      if (created) {
        periodStart = created;
        add('WARNING', 'PERIOD_START_FROM_CREATED', `${draft.path}/arkivperiodeStartDato`, draft.line, `arkivperiodeStartDato (M107) mangler. Startdatoen er satt til opprettetDato (${norwegianDate(created)}).`);
      } else {
        add('ERROR', 'PERIOD_START_MISSING', `${draft.path}/arkivperiodeStartDato`, draft.line, 'arkivperiodeStartDato (M107) mangler, og arkivdelen har heller ingen opprettetDato. Samarkiv trenger en startdato for perioden.');
      }
    }
    if (periodStart && periodEnd && periodEnd < periodStart) add('ERROR', 'PERIOD_END_BEFORE_START', f.arkivperiodeSluttDato!.path, f.arkivperiodeSluttDato!.line, `arkivperiodeSluttDato (${norwegianDate(periodEnd)}) er før arkivperiodeStartDato (${norwegianDate(periodStart)}).`);
    if (status === 'AVSLUTTET_PERIODE' && !f.arkivperiodeSluttDato?.value) add('WARNING', 'PERIOD_END_MISSING', `${draft.path}/arkivperiodeSluttDato`, draft.line, 'Arkivdelen har status «Avsluttet periode», men ingen arkivperiodeSluttDato (M108).');
    if (status === 'AKTIV_PERIODE' && periodEnd) add('NOTICE', 'ACTIVE_WITH_END', f.arkivperiodeSluttDato!.path, f.arkivperiodeSluttDato!.line, `Arkivdelen har status «Aktiv periode», men har sluttdato ${norwegianDate(periodEnd)}.`);

    let retentionDecision: RetentionDecision | null = null;
    let retentionYears: number | null = null;
    const r = draft.retention?.fields;
    if (draft.retention) {
      if (!r?.kassasjonsvedtak?.value) add('ERROR', 'KASSASJONSVEDTAK_MISSING', `${draft.retention.path}/kassasjonsvedtak`, draft.retention.line, `Kassasjon er oppgitt uten kassasjonsvedtak (M450). Gyldige verdier: ${listing(RETENTION_LABELS)}.`);
      else {
        const match = matchRetention(r.kassasjonsvedtak.value);
        if (!match) add('ERROR', 'KASSASJONSVEDTAK_INVALID', r.kassasjonsvedtak.path, r.kassasjonsvedtak.line, `Kassasjonsvedtak «${r.kassasjonsvedtak.value}» finnes ikke i kodelisten for M450. Gyldige verdier: ${listing(RETENTION_LABELS)}.`);
        else retentionDecision = match.key;
      }
      if (r?.bevaringstid?.value) {
        if (!/^\d{1,4}$/.test(r.bevaringstid.value)) add('ERROR', 'BEVARINGSTID_INVALID', r.bevaringstid.path, r.bevaringstid.line, `Bevaringstid (M451) «${r.bevaringstid.value}» er ikke et helt antall år.`);
        else retentionYears = Number(r.bevaringstid.value);
      }
      if (retentionDecision === 'KASSERES' && retentionYears === null) add('WARNING', 'BEVARINGSTID_MISSING', `${draft.retention.path}/bevaringstid`, draft.retention.line, 'Kassasjonsvedtaket er «Kasseres», men bevaringstid (M451) er ikke oppgitt.');
      if (retentionDecision === 'KASSERES' && !r?.kassasjonshjemmel?.value) add('WARNING', 'KASSASJONSHJEMMEL_MISSING', `${draft.retention.path}/kassasjonshjemmel`, draft.retention.line, 'Kassasjonsvedtaket er «Kasseres», men kassasjonshjemmel (M453) er ikke oppgitt.');
    }

    const s = draft.restriction?.fields;
    let accessRestriction: string | null = null;
    if (draft.restriction) {
      if (!s?.tilgangsrestriksjon?.value) add('ERROR', 'TILGANGSRESTRIKSJON_MISSING', `${draft.restriction.path}/tilgangsrestriksjon`, draft.restriction.line, 'Skjerming er oppgitt uten tilgangsrestriksjon (M500), som er obligatorisk i skjerming.');
      else {
        accessRestriction = text(s.tilgangsrestriksjon, LIMITS.accessRestriction, 'Tilgangsrestriksjonen');
        if (accessRestriction && !(ACCESS_RESTRICTIONS as readonly string[]).includes(accessRestriction)) add('NOTICE', 'TILGANGSRESTRIKSJON_NOT_IN_LIST', s.tilgangsrestriksjon.path, s.tilgangsrestriksjon.line, `Tilgangsrestriksjon «${accessRestriction}» er ikke blant verdiene i metadatakatalogen (${listing(ACCESS_RESTRICTIONS)}). Den lagres som den står.`);
      }
      if (!s?.skjermingshjemmel?.value) add('WARNING', 'SKJERMINGSHJEMMEL_MISSING', `${draft.restriction.path}/skjermingshjemmel`, draft.restriction.line, 'Skjerming er oppgitt uten skjermingshjemmel (M501). Oppgi hjemmelen (for eksempel «Offl. § 13»).');
    }

    let classificationType: string | null = null;
    if (draft.classification) {
      const type = draft.classification.type;
      if (!type?.value) add('WARNING', 'KLASSIFIKASJONSTYPE_MISSING', `${draft.classification.path}/klassifikasjonstype`, draft.classification.line, 'Klassifikasjonssystemet oppgir ikke klassifikasjonstype (M086).');
      else {
        classificationType = text(type, LIMITS.classificationType, 'Klassifikasjonstypen');
        if (classificationType && !(CLASSIFICATION_TYPES as readonly string[]).includes(classificationType)) add('NOTICE', 'KLASSIFIKASJONSTYPE_NOT_IN_LIST', type.path, type.line, `Klassifikasjonstype «${classificationType}» er ikke blant eksemplene i metadatakatalogen (${listing(CLASSIFICATION_TYPES)}). Den lagres som den står.`);
      }
      if (draft.classification.systemId) systemId(draft.classification, draft.classification.systemId, 'Klassifikasjonssystemet');
      if (draft.classifications > 1) add('NOTICE', 'SEVERAL_CLASSIFICATION_SYSTEMS', draft.classification.path, draft.classification.line, `Arkivdelen har ${draft.classifications} klassifikasjonssystemer; klassifikasjonstypen hentes fra det første.`);
    }

    return {
      index: draft.index, archiveIndex: draft.archiveIndex, creatorIndex: firstCreatorOf(draft.archiveIndex), path: draft.path, line: draft.line,
      systemId: systemId(draft, f.systemID, 'Arkivdelen'),
      title: text(f.tittel, LIMITS.seriesTitle, 'Tittelen'),
      description: text(f.beskrivelse, LIMITS.description, 'Beskrivelsen'),
      status, documentMedium: documentMedium ?? 'ELEKTRONISK',
      storageLocation: text(f.oppbevaringssted, LIMITS.storageLocation, 'Oppbevaringsstedet'),
      periodStart, periodEnd,
      predecessor: f.referanseForloeper?.value ? f.referanseForloeper : null,
      successor: f.referanseArvtaker?.value ? f.referanseArvtaker : null,
      classificationType, retentionDecision, retentionYears,
      retentionBasis: text(r?.kassasjonshjemmel, LIMITS.retentionBasis, 'Kassasjonshjemmelen'),
      accessRestriction,
      restrictionBasis: text(s?.skjermingshjemmel, LIMITS.restrictionBasis, 'Skjermingshjemmelen'),
      extentFiles: draft.files, extentRecords: draft.records, classes: draft.classes,
    };
  });

  // M202/M203 must name an arkivdel's systemID: whether in the file or stored is checked by the plan.
  for (const s of series) {
    for (const [ref, label] of [[s.predecessor, 'referanseForloeper (M202)'], [s.successor, 'referanseArvtaker (M203)']] as const) {
      if (!ref) continue;
      if (ref.value === s.systemId) add('ERROR', 'REFERENCE_TO_SELF', ref.path, ref.line, `${label} peker på arkivdelen selv.`);
      else if (version.v5 && !isUuid(ref.value)) add('ERROR', 'SYSTEMID_NOT_UUID', ref.path, ref.line, `${label} «${ref.value}» er ikke en UUID. Noark 5 versjon 5.0 krever UUID som systemID.`);
    }
  }

  if (version.v5 && content.nonUuidBelow.count > 0) {
    for (const bad of content.nonUuidBelow.first) add('ERROR', 'SYSTEMID_NOT_UUID', bad.path, bad.line, `systemID «${bad.value}» er ikke en UUID. Noark 5 versjon 5.0 krever UUID som systemID (M001).`);
    const rest = content.nonUuidBelow.count - content.nonUuidBelow.first.length;
    if (rest > 0) add('ERROR', 'SYSTEMID_NOT_UUID_MORE', '/arkiv', null, `Ytterligere ${rest} systemID-er under arkivdelene (klasser, mapper, registreringer …) er ikke UUID-er.`);
  }
  if (uttrekk?.declaredFiles != null && uttrekk.declaredFiles !== content.totals.files) add('WARNING', 'COUNT_MISMATCH_MAPPE', '/arkiv', null, `arkivuttrekk.xml oppgir ${uttrekk.declaredFiles} mapper, men arkivstruktur.xml har ${content.totals.files}.`);
  if (uttrekk?.declaredRecords != null && uttrekk.declaredRecords !== content.totals.records) add('WARNING', 'COUNT_MISMATCH_REGISTRERING', '/arkiv', null, `arkivuttrekk.xml oppgir ${uttrekk.declaredRecords} registreringer, men arkivstruktur.xml har ${content.totals.records}.`);
  if (content.archives.length > 0 && series.length === 0) add('WARNING', 'NO_ARKIVDEL', '/arkiv', content.archives[0]!.line, 'Uttrekket har ingen arkivdel. Ingen arkivdeler blir importert.');

  return { version, archives, creators, series, totals: content.totals };
}

function medium(field: Located, add: (severity: Severity, code: string, path: string, line: number | null, message: string) => void): DocumentMedium | null {
  const match = matchMedium(field.value);
  if (!match) {
    add('ERROR', 'DOKUMENTMEDIUM_INVALID', field.path, field.line, `Dokumentmedium «${field.value}» finnes ikke i kodelisten for M300. Gyldige verdier: ${listing(MEDIUM_LABELS)}.`);
    return null;
  }
  if (!match.exact) add('WARNING', 'CODE_LETTER_CASE', field.path, field.line, `Dokumentmedium «${field.value}» er skrevet med andre store og små bokstaver enn i kodelisten.`);
  return match.key;
}

/** dd.mm.yyyy */
export function norwegianDate(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}
