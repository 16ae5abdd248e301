import type { Problems, Severity } from './problems.ts';
import type { SaxesTagNS } from 'saxes';
import { streamXml, type StreamOutcome } from './xmlStream.ts';

// Reads arkivstruktur.xml in one streamed pass, keeping only what Samarkiv stores (arkiv,
// arkivskaper, arkivdel and the classification type) and counting the rest (klasser, mapper,
// registreringer) per arkivdel. Memory stays constant whatever the number of mapper: an element's
// text is collected only for the fields read, and per element only a few counters are kept.

export const NOARK5_NS = 'http://www.arkivverket.no/standarder/noark5/arkivstruktur';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const STRUKTUR = 'arkivstruktur.xml';

/** A value read from the file with where it stood. */
export interface Located {
  value: string;
  path: string;
  line: number;
}

export interface ArchiveDraft {
  /** Position among the file's archives (0-based, document order). */
  index: number;
  parentIndex: number | null;
  path: string;
  line: number;
  fields: Partial<Record<'systemID' | 'tittel' | 'beskrivelse' | 'dokumentmedium' | 'oppbevaringssted', Located>>;
  /** Indexes into creators. */
  creatorIndexes: number[];
}

export interface CreatorDraft {
  index: number;
  archiveIndex: number;
  path: string;
  line: number;
  fields: Partial<Record<'arkivskaperID' | 'arkivskaperNavn' | 'beskrivelse', Located>>;
}

export const SERIES_FIELDS = [
  'systemID', 'tittel', 'beskrivelse', 'arkivdelstatus', 'dokumentmedium', 'oppbevaringssted', 'opprettetDato',
  'arkivperiodeStartDato', 'arkivperiodeSluttDato', 'referanseForloeper', 'referanseArvtaker',
] as const;
export const RETENTION_FIELDS = ['kassasjonsvedtak', 'kassasjonshjemmel', 'bevaringstid'] as const;
export const RESTRICTION_FIELDS = ['tilgangsrestriksjon', 'skjermingshjemmel'] as const;

export interface SeriesDraft {
  index: number;
  archiveIndex: number;
  path: string;
  line: number;
  fields: Partial<Record<(typeof SERIES_FIELDS)[number], Located>>;
  retention: { path: string; line: number; fields: Partial<Record<(typeof RETENTION_FIELDS)[number], Located>> } | null;
  restriction: { path: string; line: number; fields: Partial<Record<(typeof RESTRICTION_FIELDS)[number], Located>> } | null;
  classification: { path: string; line: number; type: Located | null; systemId: Located | null } | null;
  classifications: number;
  classes: number;
  files: number;
  records: number;
}

export interface StructureContent {
  archives: ArchiveDraft[];
  creators: CreatorDraft[];
  series: SeriesDraft[];
  /** Content that only Noark 5 v5.0 has (first occurrence), and content v5.0 no longer has. */
  v5Marker: Located | null;
  pre5Marker: Located | null;
  /** systemIDs of the units below arkivdel that are not UUIDs: counted, the first few kept. */
  nonUuidBelow: { count: number; first: Located[] };
  totals: { classes: number; files: number; records: number };
  outcome: StreamOutcome;
  rootOk: boolean;
}

interface Frame {
  local: string;
  path: string;
  line: number;
  /** Children seen so far per name, for the [n] of their paths. */
  children: Map<string, number> | null;
}

// Elements that may repeat among their siblings: their paths carry a position.
const REPEATING = new Set(['arkiv', 'arkivskaper', 'arkivdel', 'klassifikasjonssystem', 'klasse', 'mappe', 'registrering', 'dokumentbeskrivelse', 'dokumentobjekt']);
const BELOW_SERIES_UNITS = new Set(['klasse', 'mappe', 'registrering', 'dokumentbeskrivelse', 'dokumentobjekt']);
const MAX_TEXT = 20_000;
const KEEP_NON_UUID = 20;

export type ProblemSink = (severity: Severity, code: string, path: string, line: number | null, message: string) => void;

export async function readArkivstruktur(path: string, problems: Problems, onProgress?: (bytes: number) => Promise<void> | void): Promise<StructureContent> {
  const content: StructureContent = {
    archives: [],
    creators: [],
    series: [],
    v5Marker: null,
    pre5Marker: null,
    nonUuidBelow: { count: 0, first: [] },
    totals: { classes: 0, files: 0, records: 0 },
    outcome: { syntaxError: null, truncated: false, bytesRead: 0, declaredEncoding: null },
    rootOk: false,
  };
  const report: ProblemSink = (severity, code, p, line, message) => problems.add({ severity, code, path: p, line, file: STRUKTUR, message });
  const stack: Frame[] = [];
  const archiveStack: number[] = [];
  let creator: CreatorDraft | null = null;
  let series: SeriesDraft | null = null;
  /** The field whose text is being collected, and where to put it. */
  let capture: { text: string; store: (value: Located) => void; path: string; line: number; tooLong: boolean } | null = null;

  content.outcome = await streamXml(
    path,
    (parser) => {
      // Where the tag starts: 'opentag' fires at its end, possibly lines later.
      let tagLine = 1;
      const opentagstart = () => {
        tagLine = parser.line;
      };
      const opentag = (tag: SaxesTagNS) => {
        const parent = stack.at(-1);
        const local = tag.local;
        let framePath: string;
        if (!parent) {
          framePath = `/${local}`;
        } else {
          parent.children ??= new Map();
          const n = (parent.children.get(local) ?? 0) + 1;
          parent.children.set(local, n);
          framePath = `${parent.path}/${local}${REPEATING.has(local) ? `[${n}]` : ''}`;
        }
        const frame: Frame = { local, path: framePath, line: tagLine, children: null };
        stack.push(frame);

        if (!parent) {
          content.rootOk = local === 'arkiv' && tag.uri === NOARK5_NS;
          if (!content.rootOk) {
            report('ERROR', 'NOT_ARKIVSTRUKTUR', framePath, tagLine, `Rotelementet skal være «arkiv» i navnerommet ${NOARK5_NS}, men er «${tag.name}»${tag.uri ? ` i navnerommet ${tag.uri}` : ' uten navnerom'}. Filen er ikke en arkivstruktur.xml fra Noark 5.`);
          }
        }
        if (!content.rootOk || tag.uri !== NOARK5_NS) return;

        const xsiType = Object.values(tag.attributes).find((a) => a.uri === XSI_NS && a.local === 'type')?.value;
        if (xsiType) noteTypeMarker(xsiType.replace(/^.*:/, ''), framePath, tagLine);
        if (local === 'nasjonalidentifikator' && !content.v5Marker) content.v5Marker = { value: 'nasjonalidentifikator', path: framePath, line: tagLine };

        const parentLocal = parent?.local;
        switch (local) {
          case 'arkiv': {
            const index = content.archives.length;
            content.archives.push({ index, parentIndex: archiveStack.at(-1) ?? null, path: framePath, line: tagLine, fields: {}, creatorIndexes: [] });
            archiveStack.push(index);
            return;
          }
          case 'arkivskaper':
            if (parentLocal === 'arkiv') {
              const archiveIndex = archiveStack.at(-1)!;
              creator = { index: content.creators.length, archiveIndex, path: framePath, line: tagLine, fields: {} };
              content.creators.push(creator);
              content.archives[archiveIndex]!.creatorIndexes.push(creator.index);
            }
            return;
          case 'arkivdel':
            if (parentLocal === 'arkiv') {
              series = {
                index: content.series.length, archiveIndex: archiveStack.at(-1)!, path: framePath, line: tagLine, fields: {},
                retention: null, restriction: null, classification: null, classifications: 0, classes: 0, files: 0, records: 0,
              };
              content.series.push(series);
            }
            return;
          case 'klassifikasjonssystem':
            if (series && parentLocal === 'arkivdel') {
              series.classifications++;
              series.classification ??= { path: framePath, line: tagLine, type: null, systemId: null };
            }
            return;
          case 'kassasjon':
            if (series && parentLocal === 'arkivdel') series.retention = { path: framePath, line: tagLine, fields: {} };
            return;
          case 'skjerming':
            if (series && parentLocal === 'arkivdel') series.restriction = { path: framePath, line: tagLine, fields: {} };
            return;
          case 'klasse':
            content.totals.classes++;
            if (series) series.classes++;
            return;
          case 'mappe':
            content.totals.files++;
            if (series) series.files++;
            return;
          case 'registrering':
            content.totals.records++;
            if (series) series.records++;
            return;
        }
        // A field: collect its text if it is one Samarkiv reads.
        const store = fieldStore(local, parentLocal);
        if (store) capture = { text: '', store, path: framePath, line: tagLine, tooLong: false };
      };

      const text = (chunk: string) => {
        if (!capture || capture.tooLong) return;
        if (capture.text.length + chunk.length > MAX_TEXT) capture.tooLong = true;
        else capture.text += chunk;
      };

      const closetag = (tag: SaxesTagNS) => {
        const frame = stack.pop();
        if (!frame || !content.rootOk || tag.uri !== NOARK5_NS) return;
        if (capture && capture.path === frame.path) {
          const done = capture;
          capture = null;
          if (done.tooLong) report('ERROR', 'VALUE_TOO_LONG', done.path, done.line, `Verdien i «${frame.local}» er lengre enn ${MAX_TEXT} tegn og kan ikke leses inn.`);
          else done.store({ value: done.text.trim(), path: done.path, line: done.line });
          return;
        }
        switch (frame.local) {
          case 'arkiv':
            archiveStack.pop();
            return;
          case 'arkivskaper':
            creator = null;
            return;
          case 'arkivdel':
            if (stack.at(-1)?.local === 'arkiv') series = null;
            return;
        }
      };

      /** Where a field's text goes, or null for a field Samarkiv does not read here. */
      const fieldStore = (local: string, parentLocal: string | undefined): ((value: Located) => void) | null => {
        if (parentLocal === 'arkiv' && (['systemID', 'tittel', 'beskrivelse', 'dokumentmedium', 'oppbevaringssted'] as const).includes(local as never)) {
          const archive = content.archives[archiveStack.at(-1)!]!;
          return (value) => (archive.fields[local as keyof ArchiveDraft['fields']] = value);
        }
        if (parentLocal === 'arkivskaper' && creator && (['arkivskaperID', 'arkivskaperNavn', 'beskrivelse'] as const).includes(local as never)) {
          const target = creator;
          return (value) => (target.fields[local as keyof CreatorDraft['fields']] = value);
        }
        if (!series) return belowUnit(local, parentLocal);
        const target = series;
        if (parentLocal === 'arkivdel' && (SERIES_FIELDS as readonly string[]).includes(local)) return (value) => (target.fields[local as (typeof SERIES_FIELDS)[number]] = value);
        if (parentLocal === 'kassasjon' && target.retention && stack.at(-3)?.local === 'arkivdel' && (RETENTION_FIELDS as readonly string[]).includes(local)) {
          const retention = target.retention;
          return (value) => (retention.fields[local as (typeof RETENTION_FIELDS)[number]] = value);
        }
        if (parentLocal === 'skjerming' && target.restriction && stack.at(-3)?.local === 'arkivdel' && (RESTRICTION_FIELDS as readonly string[]).includes(local)) {
          const restriction = target.restriction;
          return (value) => (restriction.fields[local as (typeof RESTRICTION_FIELDS)[number]] = value);
        }
        if (parentLocal === 'klassifikasjonssystem' && target.classifications === 1 && stack.at(-3)?.local === 'arkivdel' && target.classification) {
          const classification = target.classification;
          if (local === 'klassifikasjonstype') return (value) => (classification.type = value);
          if (local === 'systemID') return (value) => (classification.systemId = value);
        }
        return belowUnit(local, parentLocal);
      };

      /** systemID of a klasse, mappe, registrering …: only checked against the v5.0 rule. */
      const belowUnit = (local: string, parentLocal: string | undefined): ((value: Located) => void) | null => {
        if (local !== 'systemID' || !parentLocal || !BELOW_SERIES_UNITS.has(parentLocal)) return null;
        return (value) => {
          if (/^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/.test(value.value)) return;
          content.nonUuidBelow.count++;
          if (content.nonUuidBelow.first.length < KEEP_NON_UUID) content.nonUuidBelow.first.push(value);
        };
      };

      const noteTypeMarker = (type: string, p: string, line: number) => {
        // basisregistrering was folded into registrering in v5.0; arkivnotat came with v5.0.
        if (type === 'basisregistrering' && !content.pre5Marker) content.pre5Marker = { value: `xsi:type="${type}"`, path: p, line };
        if (type === 'arkivnotat' && !content.v5Marker) content.v5Marker = { value: `xsi:type="${type}"`, path: p, line };
      };
      return { opentagstart, opentag, closetag, text, cdata: text };
    },
    onProgress,
  );
  const encoding = content.outcome.declaredEncoding;
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    report('ERROR', 'ENCODING_NOT_UTF8', '/', 1, `XML-deklarasjonen oppgir tegnkodingen «${encoding}». Et Noark 5-uttrekk skal være kodet i UTF-8; æ, ø og å kan være lest feil.`);
  }
  return content;
}
