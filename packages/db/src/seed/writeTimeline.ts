import type { Sql } from '../sql.ts';
import { insertRows } from './insert.ts';
import { PHASES } from './timeline.ts';

export async function writeTimeline(sql: Sql, now: string): Promise<void> {
  const phases = await insertRows<{ id: number }>(
    sql,
    'phase',
    ['name', 'description', 'date_start', 'date_end', 'date_precision', 'sort_order', 'updated_at'],
    PHASES.map((p, i) => [p.name, p.description, p.dateStart, p.dateEnd, p.precision, i + 1, now]),
    'id',
  );
  let position = 0;
  await insertRows(
    sql,
    'milestone',
    ['phase_id', 'title', 'description', 'date_start', 'date_end', 'date_precision', 'date_note', 'kind', 'deciding_body', 'status', 'sort_order', 'updated_at'],
    PHASES.flatMap((p, i) =>
      p.milestones.map((m) => [
        phases[i]!.id, m.title, m.description ?? null, m.dateStart, m.dateEnd, m.precision, m.dateNote ?? null, m.kind,
        m.decidingBody ?? null, m.status, ++position, now,
      ]),
    ),
  );
}
