// Whether this browser was signed in when the app last knew. Only a hint for the layout while
// the session check is out (the cookie itself is httpOnly and cannot be read here): the header
// keeps room for the menu so that the page does not jump down when it appears. It grants nothing;
// the server decides on every request.
const STORAGE_KEY = 'samarkiv.signedIn';

export function wasSignedIn(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    // Storage can be blocked; the header then simply has no room kept.
    return false;
  }
}

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(STORAGE_KEY, '1');
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not remembered: the next visit's header only lacks the kept room.
  }
}
