import { hasOutsideSubject, selectorList } from './hasSelectors.ts';

// Designsystemet's stylesheet, minus the :has() that Chromium pays for on every style
// recalculation. A :has() left of a combinator (`.ds-field:has(input[type=checkbox]) label`)
// makes every element the rule could match look up its ancestors' :has() state, on every
// restyle: on the series browser that was 10-20 ms per DOM change with the demo data and
// 30-40 ms at a million series (docs/PERFORMANCE.md › bench:web), several times per filter
// change. A :has() in the subject (`.ds-field:has(:focus-visible)`) costs next to nothing and
// stays. Each rewrite below says what it gives up; the build fails on any such :has() left, so
// a new Designsystemet version is looked at again rather than silently slow.

/** One rewrite of a selector of the list (minified as the package ships it); null drops it. */
interface Rewrite {
  match: string;
  replace: string | null;
  why: string;
}

export const REWRITES: Rewrite[] = [
  {
    match: '.ds-field:has(input[type=radio],input[type=checkbox])',
    replace: '.ds-field[data-position]',
    why: "Samarkiv's checkbox and radio fields carry data-position (components/form/fields.tsx), its text fields never do.",
  },
  {
    match: '.ds-field[data-position]:has(input:focus-visible) *',
    replace: '.ds-field[data-position]:focus-within *',
    why: 'Hides the inner focus ring while the field draws its own; on mouse focus there is no ring to hide.',
  },
  {
    match: '.ds-field[data-position]:not(:has(.ds-input[readonly],.ds-input[aria-disabled=true],.ds-input:disabled)) label',
    replace: '.ds-field[data-position] .ds-input:not([readonly],[aria-disabled=true],:disabled)~label',
    why: 'The pointer over the label of an enabled box; Samarkiv puts the box before its label.',
  },
  {
    match: '.ds-field:has(.ds-input[aria-disabled=true],.ds-input:disabled)>*',
    replace: '.ds-field:has(.ds-input[aria-disabled=true],.ds-input:disabled)',
    why: 'The opacity and cursor of a disabled field on the field itself: the same look, inherited.',
  },
  {
    match: ':has(label):not(:has(label:hover)) .ds-input:not(:focus-visible,:disabled,[readonly],[aria-readonly=true]):hover',
    replace: '.ds-input:not(:focus-visible,:disabled,[readonly],[aria-readonly=true]):hover',
    why: 'The hover outline of an input also while its own label is hovered.',
  },
  {
    match: ':is(.ds-link:has(>span)>:is(img,svg)):first-child',
    replace: ':is(.ds-link>:is(img,svg)):first-child:not(:only-child)',
    why: 'The gap between an icon and the text beside it, for text in a span or not.',
  },
  {
    match: ':is(.ds-link:has(>span)>:is(img,svg)):last-child',
    replace: ':is(.ds-link>:is(img,svg)):last-child:not(:only-child)',
    why: 'As above, for an icon after the text.',
  },
  {
    match: ':not(:has(thead)) tbody:first-of-type',
    replace: 'tbody:first-child',
    why: "Rounded top corners on a table without a head: its body comes first. Samarkiv's tables all have one.",
  },
  {
    match: ':not(:has(tfoot)) tbody:last-of-type',
    replace: 'tbody:last-child',
    why: 'Rounded bottom corners on a table without a foot: its body comes last.',
  },
  {
    match: '.ds-table>tbody:has(+tfoot)>tr:last-child>:is(th,td)',
    replace: null,
    why: 'No bottom border above a table foot: no Samarkiv .ds-table has one (the risk report\'s print frame is a plain layout table).',
  },
  {
    match: '.ds-field:where(:has(.ds-input[aria-readonly=true],.ds-input[readonly])) label',
    replace: null,
    why: 'The lock before the label of a read-only field: Samarkiv shows read-only values as text, not as read-only inputs.',
  },
  {
    match: '.ds-fieldset:has(.ds-input[readonly]):not(:has(.ds-input:not([readonly])))>legend',
    replace: null,
    why: 'The same lock on a read-only fieldset.',
  },
];

/** Components and variants Samarkiv does not use: their selectors with such a :has() are dropped. */
export const UNUSED = /\.ds-(card|chip|togglegroup|toggle-group|avatar-stack|search|suggestion)(__|\b)|\.ds-field\[data-variant=outline\]/;

/** The selector list rewritten; empty when every selector of it was dropped. */
export function rewriteSelector(selector: string): string {
  const kept: string[] = [];
  for (const original of selectorList(selector)) {
    let current: string | null = original;
    for (const { match, replace } of REWRITES) {
      if (current === null || !current.includes(match)) continue;
      current = replace === null ? null : current.replaceAll(match, replace);
    }
    if (current !== null && hasOutsideSubject(current) && UNUSED.test(current)) current = null;
    if (current !== null) kept.push(current);
  }
  return kept.join(',');
}

/** The minimal PostCSS plugin shape (postcss itself is Vite's, not a dependency of ours). */
interface CssRule {
  selector: string;
  remove(): void;
  source?: { input?: { file?: string } };
}

export function designsystemetCss() {
  return {
    postcssPlugin: 'samarkiv-designsystemet-has',
    Rule(rule: CssRule) {
      if (!/designsystemet-css/.test(rule.source?.input?.file ?? '') || !rule.selector.includes(':has(')) return;
      const selector = rewriteSelector(rule.selector);
      if (!selector) return rule.remove();
      if (hasOutsideSubject(selector)) {
        throw new Error(`Designsystemet: a :has() left of a combinator in "${selector}" would slow every restyle; add a rewrite in apps/web/build/designsystemetCss.ts`);
      }
      rule.selector = selector;
    },
  };
}
