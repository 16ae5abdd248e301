import { trimSearchEnding } from '@samarkiv/shared';
import { Fragment } from 'react';

/** The words of a search as the API matches them (lower case, Norwegian endings trimmed). */
export function searchStems(search: string | undefined): string[] {
  if (!search) return [];
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8)
    .map(trimSearchEnding);
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with each match of a search word marked (<mark>, which screen readers can announce). */
export function Highlight({ text, words }: { text: string; words: string[] }) {
  if (words.length === 0) return text;
  const pattern = new RegExp(`(${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'giu');
  const parts = text.split(pattern);
  if (parts.length === 1) return text;
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
