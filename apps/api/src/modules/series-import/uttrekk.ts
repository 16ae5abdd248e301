import type { SaxesTagNS } from 'saxes';
import type { Problems } from './problems.ts';
import { normaliseVersion, type NoarkVersion } from './values.ts';
import { streamXml } from './xmlStream.ts';

// arkivuttrekk.xml (ADDML) says which Noark 5 version the extraction follows, which system it
// came from, the SHA-256 of arkivstruktur.xml and how many mapper and registreringer it holds.

const FILE = 'arkivuttrekk.xml';
const ADDML = 'http://www.arkivverket.no/standarder/addml';

export interface UttrekkInfo {
  /** As written, e.g. «5.0». */
  versionText: string | null;
  version: NoarkVersion | null;
  systemName: string | null;
  arkivstrukturSha256: string | null;
  declaredFiles: number | null;
  declaredRecords: number | null;
}

interface Frame {
  kind: 'property' | 'additionalElement' | 'dataObject' | 'other';
  name: string | null;
  value: string | null;
  line: number;
}

export async function readUttrekk(path: string, problems: Problems): Promise<UttrekkInfo> {
  const info: UttrekkInfo = { versionText: null, version: null, systemName: null, arkivstrukturSha256: null, declaredFiles: null, declaredRecords: null };
  const frames: Frame[] = [];
  let text: string | null = null;
  let rootChecked = false;
  let versionLine: number | null = null;

  const outcome = await streamXml(path, (parser) => {
    const opentag = (tag: SaxesTagNS) => {
      if (!rootChecked) {
        rootChecked = true;
        if (tag.local !== 'addml' || tag.uri !== ADDML) {
          problems.add({ severity: 'ERROR', code: 'UTTREKK_NOT_ADDML', path: `/${tag.local}`, line: parser.line, file: FILE, message: `arkivuttrekk.xml skal ha rotelementet «addml» i navnerommet ${ADDML}, men har «${tag.name}».` });
        }
      }
      const kind = tag.local === 'property' || tag.local === 'additionalElement' || tag.local === 'dataObject' ? tag.local : 'other';
      const name = (tag.attributes as Record<string, { value: string }>).name?.value ?? null;
      frames.push({ kind, name, value: null, line: parser.line });
      if (tag.local === 'value') text = '';
    };
    const onText = (chunk: string) => {
      if (text !== null && text.length < 10_000) text += chunk;
    };
    const closetag = (tag: SaxesTagNS) => {
      const closed = frames.pop()!;
      if (tag.local === 'value') {
        const owner = frames.findLast((f) => f.kind !== 'other');
        if (owner && text !== null) owner.value = text.trim();
        text = null;
        return;
      }
      if (closed.kind === 'property' || closed.kind === 'additionalElement') noteProperty(closed);
    };
    const noteProperty = (closed: Frame) => {
      if (closed.value === null) return;
      const parent = frames.findLast((f) => f.kind === 'property' || f.kind === 'additionalElement');
      const dataObject = frames.findLast((f) => f.kind === 'dataObject')?.name ?? null;
      if (closed.kind === 'additionalElement' && closed.name === 'systemName') info.systemName = closed.value;
      if (closed.name === 'version' && parent?.name === 'type' && /^Noark\s*5/i.test(parent.value ?? '')) {
        info.versionText = closed.value;
        versionLine = closed.line;
      }
      if (closed.name === 'value' && dataObject === 'arkivstruktur' && parent?.name === 'checksum') info.arkivstrukturSha256 = closed.value.toLowerCase();
      if (closed.name === 'value' && parent?.name === 'numberOfOccurrences') {
        const count = /^\d+$/.test(closed.value) ? Number(closed.value) : null;
        if (parent.value === 'mappe') info.declaredFiles = count;
        if (parent.value === 'registrering') info.declaredRecords = count;
      }
    };
    return { opentag, closetag, text: onText, cdata: onText };
  });

  if (outcome.syntaxError) {
    problems.add({ severity: 'ERROR', code: 'UTTREKK_NOT_XML', path: '/', line: outcome.syntaxError.line, file: FILE, message: `arkivuttrekk.xml er ikke velformet XML: ${outcome.syntaxError.message}.` });
    return info;
  }
  if (outcome.truncated) {
    problems.add({ severity: 'ERROR', code: 'UTTREKK_TRUNCATED', path: '/', line: null, file: FILE, message: 'arkivuttrekk.xml slutter før alle elementer er avsluttet. Filen er trolig avkortet.' });
    return info;
  }
  if (info.versionText === null) {
    problems.add({ severity: 'WARNING', code: 'UTTREKK_NO_VERSION', path: '/addml', line: null, file: FILE, message: 'arkivuttrekk.xml oppgir ikke hvilken versjon av Noark 5 uttrekket følger. Versjonen bestemmes ut fra innholdet i arkivstruktur.xml.' });
  } else {
    info.version = normaliseVersion(info.versionText);
    if (!info.version) {
      problems.add({ severity: 'ERROR', code: 'UTTREKK_UNKNOWN_VERSION', path: '/addml//property[@name="type"]/properties/property[@name="version"]', line: versionLine, file: FILE, message: `arkivuttrekk.xml oppgir Noark 5-versjon «${info.versionText}». Samarkiv kan lese versjon 3.1, 4.0 og 5.0.` });
    }
  }
  return info;
}
