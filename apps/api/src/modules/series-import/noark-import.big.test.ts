import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@samarkiv/db';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../testing/useTestApi.ts';
import { arkivstruktur, uuidOf, writeChunks } from './fixtures/noark5.ts';
import { runToEnd, upload, waitFor, start, type Job } from './testing.ts';

// A 200 MB extraction (405 000 registreringer in 40 500 mapper) through the real path: streamed
// to disk, uploaded, dry-run and imported as background jobs while the process's memory is
// sampled; and read once more by the same reader in a process of its own, whose peak RSS must
// stay under 300 MB. The test process itself cannot be held to 300 MB (before the import it
// holds 460 MB on api-postgres, 860 MB on api-pglite with the embedded database): there the
// import's growth over that baseline is bounded instead. On a 2-core machine it takes 3-4
// minutes a backend (generation, upload, two full reads while the other suites run).

const t = useTestApi({ per: 'file' });
const dir = mkdtempSync(join(tmpdir(), 'samarkiv-big-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1000 * 1000;

describe('a 200 MB extraction', () => {
  it('is read in constant memory: dry run and import under 300 MB RSS, with progress on the way', { timeout: 600_000 }, async () => {
    const path = join(dir, 'arkivstruktur.xml');
    const started = Date.now();
    const spec = {
      systemId: uuidOf('big/root'),
      title: 'Kongsberg kommune – stort uttrekk',
      creators: [{ id: '3303', name: 'Kongsberg kommune' }],
      series: [1, 2, 3].map((n) => ({ systemId: uuidOf(`big/${n}`), title: `Stor arkivdel ${n}`, start: `${2000 + n}-01-01`, end: `${2004 + n}-12-31`, classificationType: 'K-koder', classes: 135, filesPerClass: 100, recordsPerFile: 10 })),
    };
    const { size } = await writeChunks(path, arkivstruktur('5.0', spec));
    const generatedMs = Date.now() - started;
    expect(size).toBeGreaterThan(200 * 1000 * 1000);

    const { db, api } = t;
    const admin = await api.signIn('admin');
    const kongsberg = String((await db.prisma.municipality.findFirstOrThrow({ where: { name: 'Kongsberg' } })).id);
    const uploadId = await upload(api, admin, 'arkivstruktur.xml', { path });

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const progress: number[] = [];
    let dry: Job;
    let run: Job;
    try {
      const first = await start(admin, true, { uploadId, municipalityId: kongsberg });
      dry = await waitFor(admin, first.data!.job.id, (job) => progress.push(job.progress));
      run = await runToEnd(admin, false, { uploadId, municipalityId: kongsberg });
    } finally {
      clearInterval(sampler);
    }

    // The reader alone, in a process of its own.
    const reader = JSON.parse(
      execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [fileURLToPath(new URL('./fixtures/measureRead.ts', import.meta.url)), path], { encoding: 'utf8', cwd: join(REPO_ROOT, 'apps/api') }).trim().split('\n').at(-1)!,
    ) as { peakRss: number; ms: number; totals: { files: number; records: number }; errors: number };
    console.log(
      `[big import] reader process: ${reader.ms} ms, peak RSS ${(reader.peakRss / MB).toFixed(0)} MB; ` +
      `[big import] ${(size / MB).toFixed(1)} MB generated in ${generatedMs} ms; dry run parse ${dry.report!.parseMilliseconds} ms, import parse ${run.report!.parseMilliseconds} ms; ` +
        `RSS before ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB (${db.kind})`,
    );
    expect(dry.report).toMatchObject({ errorCount: 0, files: 40_500, records: 405_000, classes: 405, toCreate: { archives: 1, archiveCreators: 1, series: 3 } });
    // Progress was reported on the way (not only 0 and 1), and ends at every byte.
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    expect(dry).toMatchObject({ bytesRead: size, bytesTotal: size, progress: 1 });
    expect(run.status).toBe('SUCCEEDED');
    const stored = await db.prisma.archiveSeries.findMany({ where: { systemId: { in: spec.series.map((s) => s.systemId) } } });
    expect(stored.map((s) => [s.extentFiles, s.extentRecords])).toEqual([[13_500, 135_000], [13_500, 135_000], [13_500, 135_000]]);
    expect(reader).toMatchObject({ errors: 0, totals: { files: 40_500, records: 405_000 } });
    expect(reader.peakRss).toBeLessThan(300 * MB);
    // Measured: +87 MB on api-pglite (the embedded database works too), +8 MB on api-postgres.
    expect(peak - baseline).toBeLessThan(150 * MB);
  });
});
