import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './nextPath.ts';

describe('safeNextPath', () => {
  it('keeps a path inside the app with its query and hash', () => {
    expect(safeNextPath('/revisjonslogg?type=Risk#topp')).toBe('/revisjonslogg?type=Risk#topp');
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
    ['a tab that browsers drop', '/\t/evil.example'],
    ['a script address', 'javascript:alert(1)'],
    ['a relative path', 'kommuner'],
    ['the sign-in page itself', '/logg-inn?neste=/'],
    ['nothing', null],
  ])('refuses %s', (_, value) => {
    expect(safeNextPath(value)).toBeNull();
  });
});

describe('signInPath', () => {
  it('carries the current path, query and hash in `neste`', () => {
    expect(signInPath({ pathname: '/kommuner', search: '?side=2', hash: '' })).toBe('/logg-inn?neste=%2Fkommuner%3Fside%3D2');
  });
});
