import { dbConfigFromEnv, openDatabase } from '@samarkiv/db';
import { readiness } from './src/modules/overview/readiness.ts';
import { settingsView } from './src/modules/overview/settings.ts';

const db = await openDatabase(dbConfigFromEnv());
const municipalities = await db.prisma.municipality.findMany({ where: { deletedAt: null } });
const settings = settingsView('2026-01-01', 3);
const times: number[] = [];
for (let i = 0; i < 12; i++) {
  const t0 = performance.now();
  const r = await readiness(db.prisma, municipalities, settings, '2026-12-01');
  times.push(performance.now() - t0);
  if (i === 0) console.log(JSON.stringify(r.map((x) => [x.municipality.name, x.seriesCount, x.overall?.toFixed(3)])));
}
const warm = times.slice(2).sort((a, b) => a - b);
console.log('series', await db.prisma.archiveSeries.count(), 'first', times[0]!.toFixed(1), 'median', warm[Math.floor(warm.length / 2)]!.toFixed(1), 'max', warm.at(-1)!.toFixed(1));
const t1 = performance.now();
await db.prisma.$queryRaw`SELECT f."municipality_id", sum(f."count") FROM "archive_series_facet_count" f GROUP BY 1`;
console.log('summary statement alone', (performance.now() - t1).toFixed(1));
await db.close();
