import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rewriteSelector } from './designsystemetCss.ts';
import { hasOutsideSubject } from './hasSelectors.ts';

// The rewrite runs inside Vite's PostCSS at build time; here its selector logic on the real
// stylesheet of the installed Designsystemet version.
const css = readFileSync(createRequire(import.meta.url).resolve('@digdir/designsystemet-css'), 'utf8');
const selectors = [...css.matchAll(/([^{}@;]+)\{[^{}]*\}/g)].map((m) => m[1]!.trim()).filter((s) => s.includes(':has('));

describe('where a :has() sits', () => {
  it('tells the subject from the compounds left of a combinator, inside :is() and :where() too', () => {
    expect(hasOutsideSubject('.ds-field:has(input:focus-visible)')).toBe(false);
    expect(hasOutsideSubject('.ds-field:not(:has(.x)):hover')).toBe(false);
    expect(hasOutsideSubject('label:has(input:checked)')).toBe(false);
    expect(hasOutsideSubject('.ds-field:has(input) label')).toBe(true);
    expect(hasOutsideSubject('.a, .b:has(c)>d')).toBe(true);
    expect(hasOutsideSubject(':is(.ds-link:has(>span)>svg):first-child')).toBe(true);
    expect(hasOutsideSubject('.ds-button:is(:disabled,label:has(input[readonly]))')).toBe(false);
    expect(hasOutsideSubject('.x[data-a="b c"] > .y:has(z)')).toBe(false);
  });
});

describe("Designsystemet's stylesheet, rewritten", () => {
  it('has such :has() rules as shipped, which the rewrite is for', () => {
    expect(selectors.filter(hasOutsideSubject).length).toBeGreaterThan(20);
  });

  it('keeps no :has() left of a combinator in any selector', () => {
    const left = selectors.map(rewriteSelector).filter((s) => s && hasOutsideSubject(s));
    expect(left).toEqual([]);
  });

  it('leaves a :has() in the subject as it is (but for the check-field one, rewritten everywhere alike)', () => {
    const subjectOnly = selectors.filter((s) => !hasOutsideSubject(s) && !s.includes('.ds-field:has(input[type=radio],input[type=checkbox])'));
    expect(subjectOnly.length).toBeGreaterThan(30);
    for (const s of subjectOnly) expect(rewriteSelector(s)).toBe(s);
  });

  it('styles check fields by their data-position, and keeps the rest of a selector list', () => {
    expect(rewriteSelector('.ds-field:has(input[type=radio],input[type=checkbox]) label')).toBe('.ds-field[data-position] label');
    expect(rewriteSelector('.ds-field:has(input[type=radio],input[type=checkbox]):has(input:focus-visible) *')).toBe('.ds-field[data-position]:focus-within *');
    expect(rewriteSelector('.ds-table>tbody:has(+tfoot)>tr:last-child>:is(th,td),.ds-table td')).toBe('.ds-table td');
    expect(rewriteSelector('.ds-chip:has(:focus-visible) *')).toBe('');
  });
});
