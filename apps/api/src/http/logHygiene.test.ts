import { DEMO_PASSWORDS } from '@samarkiv/db';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../testing/memoryLogger.ts';
import { useTestApi } from '../testing/useTestApi.ts';

// The most talkative level: whatever any layer logs ends up in the text searched below.
const log = memoryLogger('trace');
const t = useTestApi({ per: 'file', config: { production: true }, logger: log.logger });

const CHANGE_PASSWORD = 'mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { id } }';

describe('the server log', () => {
  it('never holds a password, a password hash or a session id', async () => {
    const secrets: string[] = [];
    const cookieValue = (cookie: string | null) => {
      const value = cookie!.split('=')[1]!;
      secrets.push(value, decodeURIComponent(value));
      return value;
    };

    // Sign-ins: right and wrong password.
    const arkivar = await t.api.signIn('arkivar');
    cookieValue(arkivar.cookie);
    secrets.push(DEMO_PASSWORDS.arkivar);
    const wrong = 'Feil-passord-som-ikke-finnes-1';
    secrets.push(wrong);
    const refused = await t.api.anonymous().gql('mutation ($input: SignInInput!) { signIn(input: $input) { id } }', { input: { username: 'leser', password: wrong } });
    expect(refused.errors![0]!.extensions!.code).toBe('INVALID_CREDENTIALS');

    // A password change, and a sign-in with the new password.
    const changed = 'Nytt-og-langt-passord-2026';
    secrets.push(changed);
    expect((await arkivar.gql(CHANGE_PASSWORD, { input: { currentPassword: DEMO_PASSWORDS.arkivar, newPassword: changed } })).errors).toBeUndefined();
    const again = await t.api.signIn('arkivar', changed);
    cookieValue(again.cookie);

    // An administrator creates a user with a first password and resets another's.
    const admin = await t.api.signIn('admin');
    cookieValue(admin.cookie);
    secrets.push(DEMO_PASSWORDS.admin);
    const initial = 'Forste-passord-for-ny-bruker-9';
    secrets.push(initial);
    const created = await admin.gql<{ createUser: { id: string } }>('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { username: 'logtest', displayName: 'Logg Test', email: null, password: initial, memberships: [] },
    });
    expect(created.errors).toBeUndefined();
    const reset = await admin.gql<{ resetPassword: { temporaryPassword: string } }>('mutation ($id: ID!) { resetPassword(id: $id) { temporaryPassword } }', { id: created.data!.createUser.id });
    expect(reset.errors).toBeUndefined();
    secrets.push(reset.data!.resetPassword.temporaryPassword);

    // Ordinary requests, an upload, a GET, a refused body.
    await again.gql('{ me { id username } municipalities { id } }');
    const body = new FormData();
    body.append('file', new Blob(['arkiv']), 'a.zip');
    expect((await fetch(`${t.api.url}/uploads`, { method: 'POST', headers: { cookie: again.cookie!, 'x-samarkiv-csrf': '1' }, body })).status).toBe(201);
    await fetch(`${t.api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { cookie: again.cookie!, 'x-samarkiv-csrf': '1' } });
    await again.post('{"broken": ');

    // A password change that fails in the database after the new hash is made: the error is
    // logged in full (masked for the client), and must still not carry the hash.
    const third = 'Tredje-passord-som-feiler-7';
    secrets.push(third);
    const session = await t.db.session();
    await session.exec('ALTER TABLE app_user RENAME COLUMN version TO version_gone');
    let failed;
    try {
      failed = await again.gql(CHANGE_PASSWORD, { input: { currentPassword: changed, newPassword: third } });
    } finally {
      await session.exec('ALTER TABLE app_user RENAME COLUMN version_gone TO version');
      await session.release();
    }
    expect(failed.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');

    const text = log.text();
    // The log is not empty: every request above left a line, the failure its error.
    expect(log.lines().filter((line) => line.msg === 'request').length).toBeGreaterThanOrEqual(10);
    expect(log.lines().some((line) => line.correlationId === failed.errors![0]!.extensions!.correlationId && line.err)).toBe(true);
    for (const secret of new Set(secrets)) expect(text.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
    expect(text).not.toMatch(/\$argon2/);
    expect(text).not.toMatch(/samarkiv_session=/);
  });
});

describe('the logger', () => {
  it('redacts credential fields and scrubs a hash or session cookie that an error message quotes', () => {
    const { logger, text } = memoryLogger('info');
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
    logger.info({ input: { username: 'x', password: 'pw-in-input' }, variables: { input: { newPassword: 'pw-deep' } }, token: 'tok-value' }, 'fields');
    logger.error({ err: new Error(`Invalid update: { passwordHash: "${hash}" } from cookie samarkiv_session=abc123; Path=/`) }, 'quoted');
    expect(text()).not.toMatch(/pw-in-input|pw-deep|tok-value|\$argon2|abc123/);
    expect(text()).toMatch(/\[redacted\]/);
  });
});
