// A sort key that orders Norwegian text the same way on PGlite (C collation only) and on a
// PostgreSQL server: lower-case ASCII, with æ, ø, å mapped to the three characters that
// follow "z" in ASCII, so that a plain byte comparison puts them after z in that order.
const AFTER_Z: Record<string, string> = {
  æ: '{',
  ä: '{',
  ø: '|',
  ö: '|',
  å: '}',
};

export function norwegianSortKey(text: string): string {
  let out = '';
  for (const char of text.trim().toLowerCase()) {
    const mapped = AFTER_Z[char];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // Other accented letters sort as their base letter (é as e, ü as y per Norwegian use).
    const base = char === 'ü' ? 'y' : char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base;
  }
  return out.replace(/\s+/g, ' ');
}
