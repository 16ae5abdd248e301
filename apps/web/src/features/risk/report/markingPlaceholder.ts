import { useSyncExternalStore } from 'react';

// Stand-in for features/risk/shared/marking.ts (the register's marking choice), which is not on
// this branch: same key and shape, so the report shows the marking the user chose there. The
// lead replaces the import at merge and deletes this file.
const KEY = 'samarkiv.marking';

function read(): string | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    return typeof value === 'string' && value.trim() ? value : null;
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/** The marking chosen for exports and prints (e.g. "Unntatt offentlighet, offl. § 24 tredje ledd"), or null. */
export function useMarking(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
