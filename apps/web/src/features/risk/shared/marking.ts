import { useCallback, useSyncExternalStore } from 'react';

// The security marking every export and printed report of the risk workspace carries (issue #5,
// item 7). The preset texts are legal wording quoted from the Freedom of Information Act
// (offentleglova) and are written on the document as they stand, whatever the UI language.
export const MARKING_PRESETS = {
  offl24: 'Unntatt offentlighet, offl. § 24 tredje ledd',
  offl13: 'Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1',
} as const;

export type MarkingChoice = 'none' | keyof typeof MARKING_PRESETS | 'other';
export const MARKING_CHOICES: readonly MarkingChoice[] = ['none', 'offl24', 'offl13', 'other'];
/** The export endpoints refuse longer markings (CONTRACT-risk.md). */
export const MARKING_MAX_LENGTH = 200;

export type MarkingSetting = { choice: MarkingChoice; /** The free text of 'other'. */ custom: string };

export const MARKING_STORAGE_KEY = 'samarkiv.marking';
const NONE: MarkingSetting = { choice: 'none', custom: '' };

function isChoice(value: unknown): value is MarkingChoice {
  return MARKING_CHOICES.includes(value as MarkingChoice);
}

/** The stored setting; anything unreadable (an old or hand-edited value) counts as no marking. */
export function readMarkingSetting(raw: string | null): MarkingSetting {
  if (!raw) return NONE;
  try {
    const parsed = JSON.parse(raw) as { choice?: unknown; custom?: unknown } | null;
    if (!isChoice(parsed?.choice)) return NONE;
    return { choice: parsed.choice, custom: typeof parsed.custom === 'string' ? parsed.custom.slice(0, MARKING_MAX_LENGTH) : '' };
  } catch {
    return NONE;
  }
}

/** The text printed on the document, or null for none (also for 'other' left empty). */
export function markingText(setting: MarkingSetting): string | null {
  if (setting.choice === 'none') return null;
  if (setting.choice === 'other') return setting.custom.trim().slice(0, MARKING_MAX_LENGTH) || null;
  return MARKING_PRESETS[setting.choice];
}

// One store for every component on the page (the chooser, the export links, the report header),
// kept in step with other tabs through the storage event.
const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cachedSetting: MarkingSetting = NONE;
/** Used when storage is blocked (a policy, some private modes): the choice lasts for the page. */
let memoryRaw: string | null = null;

function storedRaw(): string | null {
  try {
    return window.localStorage.getItem(MARKING_STORAGE_KEY);
  } catch {
    return memoryRaw;
  }
}

function snapshot(): MarkingSetting {
  const raw = storedRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSetting = readMarkingSetting(raw);
  }
  return cachedSetting;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === MARKING_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function store(setting: MarkingSetting): void {
  memoryRaw = JSON.stringify({ choice: setting.choice, custom: setting.custom.slice(0, MARKING_MAX_LENGTH) });
  try {
    window.localStorage.setItem(MARKING_STORAGE_KEY, memoryRaw);
  } catch {
    // kept in memoryRaw
  }
  for (const listener of listeners) listener();
}

/**
 * The remembered marking: `marking` is the text to put on a document (null: none); `setting`
 * and `setSetting` are for the chooser.
 */
export function useMarking() {
  const setting = useSyncExternalStore(subscribe, snapshot, () => NONE);
  const setSetting = useCallback((change: Partial<MarkingSetting>) => store({ ...snapshot(), ...change }), []);
  return { marking: markingText(setting), setting, setSetting };
}
