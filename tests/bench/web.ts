/**
 * `pnpm bench:web`: the series browser in Chromium against the real server on an embedded
 * (PGlite) database with many generated series. It times what a user waits for (from the action
 * to the new rows on screen) and writes p50/p95 into docs/PERFORMANCE.md between the
 * bench:web markers. The target: a filter or page change shows new rows within 300 ms
 * at 1,000,000 series.
 *
 * Options: --series N (default 1000000), --data-dir DIR (reuse or keep a PGlite directory; also
 * SAMARKIV_BENCH_WEB_DATA_DIR; topped up to N series, never shrunk), --repeat N (default 10),
 * --no-build (use apps/web/dist as it is), --no-write (print only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORDS, REPO_ROOT } from '@samarkiv/db';
import type { Page } from 'playwright-core';
import { startServerProcess } from '../../apps/api/src/testing/serverProcess.ts';
import { launchChromium, signIn } from '../support/browser.ts';
import { fillDatabase } from './database.ts';
import { describeMachine } from './machine.ts';
import { writePerformanceDoc } from './report.ts';
import { recordRowRequests, replay } from './webServerPart.ts';

const TARGET_MS = 300;
const SEARCH_DEBOUNCE_MS = 250;
const USAGE = 'usage: pnpm bench:web [--series N] [--data-dir DIR] [--repeat N] [--no-build] [--no-write]';

interface Options {
  series: number;
  dataDir: string | null;
  repeat: number;
  build: boolean;
  write: boolean;
}

function parseOptions(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const series = Number(value('--series') ?? 1_000_000);
  const repeat = Number(value('--repeat') ?? 10);
  if (!Number.isInteger(series) || series < 1 || !Number.isInteger(repeat) || repeat < 1) throw new Error(USAGE);
  return {
    series,
    repeat,
    dataDir: value('--data-dir') ?? process.env.SAMARKIV_BENCH_WEB_DATA_DIR ?? null,
    build: !args.includes('--no-build'),
    write: !args.includes('--no-write'),
  };
}

/**
 * Resolves when the rows on screen are those of the view in the URL (see SeriesBrowserPage),
 * and that view is not `previous` (the view before the action: a debounced search or a
 * navigation changes it only a moment after the action returns). Polled on every animation
 * frame inside the page; yields the page's clock at that frame (performance.now()).
 */
async function rowsShown(page: Page, previous: string | null = null): Promise<number> {
  const handle = await page.waitForFunction(
    (before) => {
      const results = document.querySelector('[data-rows-wanted]');
      const wanted = results?.getAttribute('data-rows-wanted');
      if (!results || wanted === before || wanted !== results.getAttribute('data-rows-for')) return false;
      if (results.querySelector('table[aria-busy="true"]')) return false;
      const shown = results.querySelector('tbody tr[data-series-id]') !== null || results.querySelector('.ds-alert') !== null;
      return shown && performance.now();
    },
    previous,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

// The start of what a user waits for is the input event itself, read in the page
// (Event.timeStamp, the same clock as performance.now()): Playwright's own work before it
// dispatches (finding the element by role, waiting for it to be actionable) is not the user's.
const EVENT_CLOCK = `for (const type of ['click', 'input']) addEventListener(type, (event) => { window.__benchEventAt = event.timeStamp; }, true);`;

/** A fresh page load (empty Apollo cache) with rows and facet counts in place, ready for an action. */
async function freshBrowser(page: Page, baseUrl: string, path = '/arkivserier'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await rowsShown(page);
  await page.waitForSelector('.facet-panel[data-facets-loaded="true"]:not([aria-busy])', { timeout: 60_000 });
}

/**
 * Milliseconds from the action to the frame with the new view's rows: from the input event
 * (from the navigation's start for a page load) to the animation frame in which the rows are in
 * the document, both on the page's clock.
 */
async function timed(action: () => Promise<unknown>, page: Page, { newDocument = false, mark }: { newDocument?: boolean; mark?: () => void } = {}): Promise<number> {
  const previous = newDocument ? null : await page.locator('[data-rows-wanted]').getAttribute('data-rows-wanted');
  if (!newDocument) await page.evaluate('window.__benchEventAt = undefined');
  mark?.();
  await action();
  const shownAt = await rowsShown(page, previous);
  if (newDocument) return shownAt;
  const eventAt = (await page.evaluate('window.__benchEventAt')) as number | undefined;
  if (eventAt === undefined) throw new Error('bench:web: the action dispatched no click or input event');
  return shownAt - eventAt;
}

/** `mark` is called right before the timed action (the replay of the server's part records from there). */
type Scenario = { name: string; label: string; judged: boolean; run(page: Page, baseUrl: string, i: number, mark?: () => void): Promise<number> };

// Sortable headers to cycle through (each a different ordering, so no run hits the cache).
const SORT_HEADERS = ['Identifikator', 'Periode fra', 'Arkivdelstatus', 'Periode til', 'Kassasjonsvedtak', 'Avleveringsstatus'];
// Words of the generator's titles (packages/db/src/generate/vocabulary.ts).
const SEARCH_WORDS = ['byggesaker', 'postjournal', 'møtebøker', 'eiendomsarkiv', 'korrespondanse', 'sakarkiv'];

const SCENARIOS: Scenario[] = [
  {
    name: 'first',
    label: 'first rows after loading /arkivserier',
    judged: false,
    run: (page, baseUrl, _i, mark) => timed(() => page.goto(`${baseUrl}/arkivserier`), page, { newDocument: true, mark }),
  },
  {
    name: 'facet',
    label: 'facet filter (a municipality) → new rows',
    judged: true,
    async run(page, baseUrl, i, mark) {
      await freshBrowser(page, baseUrl);
      const boxes = page.locator('.facet[data-facet="municipality"] input[type="checkbox"]');
      const box = boxes.nth(i % (await boxes.count()));
      return timed(() => box.click(), page, { mark });
    },
  },
  {
    name: 'next',
    label: 'next page → new rows',
    judged: true,
    async run(page, baseUrl, _i, mark) {
      await freshBrowser(page, baseUrl);
      return timed(() => page.getByRole('button', { name: 'Neste side' }).click(), page, { mark });
    },
  },
  {
    name: 'sort',
    label: 'sort by another column → new rows',
    judged: true,
    async run(page, baseUrl, i, mark) {
      await freshBrowser(page, baseUrl);
      const header = page.getByRole('columnheader', { name: SORT_HEADERS[i % SORT_HEADERS.length] });
      return timed(() => header.getByRole('button').click(), page, { mark });
    },
  },
  {
    name: 'search',
    label: `search → rows (includes the ${SEARCH_DEBOUNCE_MS} ms typing pause)`,
    judged: false,
    async run(page, baseUrl, i, mark) {
      await freshBrowser(page, baseUrl);
      return timed(() => page.getByRole('searchbox', { name: 'Søk i arkivserier' }).fill(SEARCH_WORDS[i % SEARCH_WORDS.length]!), page, { mark });
    },
  },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const ownDir = options.dataDir === null;
  const dataDir = options.dataDir ?? join(mkdtempSync(join(tmpdir(), 'samarkiv-bench-web-')), 'data');
  console.log(`bench:web: ${options.series.toLocaleString('en')} series in ${dataDir}${ownDir ? ' (removed afterwards)' : ''}`);

  if (options.build || !existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    console.log('building the web app ...');
    const build = spawnSync('pnpm', ['--filter', '@samarkiv/web', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) return 1;
  }
  const context = await fillDatabase({ backend: 'pglite', config: { kind: 'pglite', dataDir }, env: {}, stop: async () => {} }, options.series);
  console.log(`  ${context.total.toLocaleString('en')} live series`);

  const server = await startServerProcess({ SAMARKIV_DATA_DIR: dataDir, SAMARKIV_SEED: 'false' });
  const browser = await launchChromium();
  const results: { scenario: Scenario; times: number[]; server?: number[] }[] = [];
  try {
    await server.waitFor(/Samarkiv is running/, 300_000);
    const browserContext = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1600, height: 1000 } });
    await browserContext.addInitScript(EVENT_CLOCK);
    const page = await browserContext.newPage();
    await signIn(page, server.url, 'arkivar', DEMO_PASSWORDS.arkivar);
    const rows = recordRowRequests(page);
    // One warm-up round: the browser's cache of the app's files and the database's buffers.
    for (const [i, scenario] of SCENARIOS.entries()) await scenario.run(page, server.url, i);
    for (const scenario of SCENARIOS) {
      const times: number[] = [];
      for (let i = 0; i < options.repeat; i++) {
        // Only the request the timed action sends (freshBrowser's own page load is not recorded).
        times.push(await scenario.run(page, server.url, i + 1, () => rows.setKey(scenario.name)));
        rows.setKey(null);
      }
      results.push({ scenario, times });
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`  ${scenario.label}: p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms`);
    }
    for (const result of results) {
      const bodies = rows.recorded.get(result.scenario.name) ?? [];
      if (bodies.length > 0) result.server = await replay(server.url, 'arkivar', DEMO_PASSWORDS.arkivar, bodies, 3);
    }
  } finally {
    await browser.close();
    await server.stop();
    if (ownDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }

  const serverPart = (times: number[] | undefined) => {
    if (!times?.length) return '—';
    const sorted = [...times].sort((a, b) => a - b);
    return `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)}`;
  };
  const lines = [
    '| measurement | runs | p50 ms | p95 ms | max ms | target | server part p50 / p95 ms |',
    '|---|--:|--:|--:|--:|---|--:|',
    ...results.map(({ scenario, times, server }) => {
      const sorted = [...times].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      const target = scenario.judged ? (p95 <= TARGET_MS ? `p95 ≤ ${TARGET_MS} ms: met` : `p95 ≤ ${TARGET_MS} ms: missed by ${(p95 - TARGET_MS).toFixed(0)} ms`) : '—';
      return `| ${scenario.label} | ${times.length} | ${percentile(sorted, 50).toFixed(0)} | ${p95.toFixed(0)} | ${sorted.at(-1)!.toFixed(0)} | ${target} | ${serverPart(server)} |`;
    }),
  ];
  const section = [
    `### Series browser in Chromium (\`pnpm bench:web\`)`,
    '',
    `${options.series.toLocaleString('en')} series on PGlite; ${describeMachine()}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} when done; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Command: \`pnpm bench:web ${process.argv.slice(2).join(' ')}\`. Each time runs, on the page's own clock, from the input event (click, typing; for a page load the navigation's start) to the animation frame in which the rows of the new view are in the document (data-rows-for = data-rows-wanted, no aria-busy), each on a freshly loaded page (empty Apollo cache), facet counts already loaded. The server part: the browser's own SeriesBrowserRows requests of the timed actions, replayed from Node against the same server (3 rounds after a warm-up round).`,
    '',
    ...lines,
  ].join('\n');
  console.log(`\n${section}\n`);
  if (options.write) {
    writePerformanceDoc(join(REPO_ROOT, 'docs/PERFORMANCE.md'), section, { start: '<!-- bench:web:start -->', end: '<!-- bench:web:end -->', append: true });
    console.log('written to docs/PERFORMANCE.md');
  }
  return results.every(({ scenario, times }) => !scenario.judged || percentile([...times].sort((a, b) => a - b), 95) <= TARGET_MS) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
