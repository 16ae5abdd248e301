import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { totpOf } from '../../apps/api/src/modules/mfa/totp.ts';
import { createTestOidcProvider } from '../../apps/api/src/testing/oidcProvider.ts';
import { axeViolations } from '../support/browser.ts';
import { useJourney } from '../support/journey.ts';

// A real OpenID Connect provider (oidc-provider, its development login form) on 127.0.0.1, and the
// server with TOTP required for administrators, as in production.
const idp = await createTestOidcProvider({ 'kari-sub': { email: 'koordinator@example.org', email_verified: true, name: 'Kari Koordinator' } });
const server = useJourney('signin', { SAMARKIV_OIDC_PROVIDERS: JSON.stringify([idp.config()]), SAMARKIV_MFA_ADMINS: 'required' });
beforeAll(() => idp.start(server.url));
afterAll(() => idp.close());

describe('signing in', () => {
  it('signs in through the identity provider and lands on the overview', async () => {
    const page = await server.newPage();
    await page.goto(`${server.url}/logg-inn`);
    const link = page.getByRole('link', { name: 'Logg inn med Testkommune ID' });
    await link.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await link.click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('kari-sub');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    // The provider's consent step.
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
    // Signed in as the Samarkiv user the provider's verified e-mail belongs to.
    expect(await page.locator('.user-menu__username').textContent()).toBe('koordinator');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says so in words when the provider has no Samarkiv user behind it', async () => {
    const page = await server.newPage();
    await page.goto(`${server.url}/logg-inn?oidc=unknown-user`);
    await page.getByText('har ingen bruker i Samarkiv').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has an admin set up TOTP at the first sign-in and then sign in with the code', async () => {
    const page = await server.newPage();
    await page.goto(`${server.url}/logg-inn`);
    await page.getByLabel('Brukernavn eller e-postadresse').fill('admin');
    await page.getByLabel('Passord', { exact: true }).fill('Samarkiv-admin-2026');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL(`${server.url}/tofaktor`);
    const secret = (await page.locator('.mfa-secret').innerText()).trim();
    await page.getByRole('img', { name: /QR-kode/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Sekssifret kode').fill(totpOf(secret, 'x').generate());
    await page.getByRole('button', { name: 'Slå på tofaktorinnlogging' }).click();
    await page.getByRole('heading', { name: 'Gjenopprettingskoder' }).waitFor();
    expect(await page.locator('.mfa-recovery-codes li').count()).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Jeg har lagret kodene' }).click();
    await page.waitForURL(`${server.url}/`);

    // Another browser: the password, then the code (the next step: this one is spent).
    const later = await server.newPage();
    await later.goto(`${server.url}/logg-inn`);
    await later.getByLabel('Brukernavn eller e-postadresse').fill('admin');
    await later.getByLabel('Passord', { exact: true }).fill('Samarkiv-admin-2026');
    await later.getByRole('button', { name: 'Logg inn', exact: true }).click();
    const code = later.getByLabel('Kode fra autentiseringsappen');
    await code.waitFor();
    expect(await axeViolations(later)).toEqual([]);
    await code.fill(totpOf(secret, 'x').generate({ timestamp: Date.now() + 30_000 }));
    await later.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await later.waitForURL(`${server.url}/`);
    await later.goto(`${server.url}/min-konto`);
    await later.getByText('Tofaktorinnlogging er slått på.').waitFor();
    expect(await axeViolations(later)).toEqual([]);
  });
});
