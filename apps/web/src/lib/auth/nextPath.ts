export const SIGN_IN_PATH = '/logg-inn';
export const CHANGE_PASSWORD_PATH = '/bytt-passord';
/** Where an ADMIN without a second factor must go first (and anyone may set one up). */
export const MFA_SETUP_PATH = '/tofaktor';
/** The query parameter that carries where to go after signing in (or changing the password). */
export const NEXT_PARAM = 'neste';

const PLACEHOLDER_ORIGIN = 'https://samarkiv.invalid';

type PathLike = { pathname: string; search: string; hash: string };

/**
 * `value` as a path inside this app, or null when it is anything else: another site
 * (`https://…`, `//host`, `/\host`), another scheme (`javascript:`), or the sign-in page
 * itself. Only such paths are followed after signing in, so a crafted link cannot send a
 * user who just typed their password to a look-alike site (open redirect).
 */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Browsers drop tabs and newlines inside URLs, which would turn "/\t/host" into "//host".
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  if (url.pathname === SIGN_IN_PATH) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function pathOf(location: PathLike): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

function withNext(target: string, next: string): string {
  return `${target}?${new URLSearchParams({ [NEXT_PARAM]: next }).toString()}`;
}

/** The sign-in page, returning to `location` afterwards. */
export function signInPath(location: PathLike): string {
  return withNext(SIGN_IN_PATH, pathOf(location));
}

/** The change-password page, continuing to `next` afterwards. */
export function changePasswordPath(next: string): string {
  return next === '/' || next === CHANGE_PASSWORD_PATH ? CHANGE_PASSWORD_PATH : withNext(CHANGE_PASSWORD_PATH, next);
}
