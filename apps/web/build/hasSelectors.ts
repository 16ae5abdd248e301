// Where a selector uses :has(): in its subject (the compound the rule styles) or further left.
// Chromium pays for a :has() left of a combinator on every style recalculation of the elements
// the rule could match (measured: docs/PERFORMANCE.md, bench:web), so the build rewrites those.

/** Splits at top-level occurrences of the given characters (outside parentheses, brackets and strings). */
function splitTopLevel(text: string, at: (ch: string, i: number) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\') i++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && at(ch, i)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The selectors of a selector list. */
export function selectorList(selector: string): string[] {
  return splitTopLevel(selector, (ch) => ch === ',').map((s) => s.trim()).filter(Boolean);
}

/** The compounds of a complex selector, left to right (combinators dropped). */
export function compounds(selector: string): string[] {
  const spaced = selector.replace(/\s*([>+~])\s*/g, ' ').trim();
  return splitTopLevel(spaced, (ch) => ch === ' ').filter(Boolean);
}

/** The selector lists inside the functional pseudo-classes of one compound (:is, :where, :not, :has). */
function innerLists(compound: string): { name: string; list: string }[] {
  const found: { name: string; list: string }[] = [];
  const pattern = /:(is|where|not|has)\(/g;
  for (let match = pattern.exec(compound); match; match = pattern.exec(compound)) {
    let depth = 1;
    let i = match.index + match[0].length;
    for (; i < compound.length && depth > 0; i++) {
      if (compound[i] === '(') depth++;
      else if (compound[i] === ')') depth--;
    }
    found.push({ name: match[1]!, list: compound.slice(match.index + match[0].length, i - 1) });
    pattern.lastIndex = i;
  }
  return found;
}

/**
 * True when a :has() sits left of a combinator anywhere in the selector, including inside :is(),
 * :where() and :not() (`:is(.a:has(b) c)` styles c). A :has() inside another :has() counts as
 * its argument, not as a position.
 */
export function hasOutsideSubject(selector: string): boolean {
  return selectorList(selector).some((complex) => {
    const parts = compounds(complex);
    return parts.some((compound, index) => {
      const inner = innerLists(compound);
      if (index < parts.length - 1 && inner.some((f) => f.name === 'has' || /:has\(/.test(f.list))) return true;
      return inner.some((f) => f.name !== 'has' && hasOutsideSubject(f.list));
    });
  });
}
