import { describe, expect, it } from 'vitest';
import { markingText, readMarkingSetting } from './marking.ts';

describe('the remembered marking', () => {
  it('gives the legal text of a preset and the trimmed free text of "other"', () => {
    expect(markingText({ choice: 'offl13', custom: 'ignored' })).toBe('Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1');
    expect(markingText({ choice: 'other', custom: '  Fortrolig  ' })).toBe('Fortrolig');
    expect(markingText({ choice: 'other', custom: '   ' })).toBeNull();
    expect(markingText({ choice: 'none', custom: 'Fortrolig' })).toBeNull();
  });

  it('treats an unreadable stored value as no marking and cuts free text at 200 characters', () => {
    expect(readMarkingSetting('{not json')).toEqual({ choice: 'none', custom: '' });
    expect(readMarkingSetting(JSON.stringify({ choice: 'secret' }))).toEqual({ choice: 'none', custom: '' });
    expect(readMarkingSetting(JSON.stringify({ choice: 'other', custom: 'x'.repeat(250) })).custom).toHaveLength(200);
  });
});
