import { norwegianSortKey } from '@samarkiv/shared';
import type { Sql } from '../sql.ts';
import { BENEFITS, demoFigures, FIGURE_MONTHS, SERVICES } from './benefits.ts';
import { insertRows } from './insert.ts';
import type { MunicipalityIds } from './writeOrganisation.ts';
import type { MunicipalityNumber } from './types.ts';

function idOf(ids: MunicipalityIds, number: MunicipalityNumber): number {
  const id = ids.get(number);
  if (id === undefined) throw new Error(`demo seed: no municipality ${number}`);
  return id;
}

export async function writeServices(sql: Sql, now: string, municipalities: MunicipalityIds): Promise<number> {
  const rows = await insertRows<{ id: number }>(
    sql,
    'service',
    ['name', 'name_sort_key', 'description', 'service_level', 'cost_sharing_key', 'contact', 'status', 'is_demo', 'updated_at'],
    SERVICES.map((s) => [s.name, norwegianSortKey(s.name), s.description, s.serviceLevel, s.costSharingKey, s.contact, s.status, true, now]),
    'id',
  );
  await insertRows(sql, 'service_municipality', ['service_id', 'municipality_id'], SERVICES.flatMap((s, i) => s.municipalities.map((m) => [rows[i]!.id, idOf(municipalities, m)])));
  return rows.length;
}

export async function writeBenefits(sql: Sql, now: string, municipalities: MunicipalityIds): Promise<number> {
  const purposes = new Map((await sql.query<{ id: number; ordinal: number }>(`SELECT id, ordinal FROM purpose`)).map((p) => [p.ordinal, p.id]));
  const rows = await insertRows<{ id: number }>(
    sql,
    'benefit',
    ['purpose_id', 'municipality_id', 'title', 'type', 'owner_name', 'indicator', 'unit', 'direction', 'baseline_value', 'baseline_date', 'target_value', 'target_date', 'is_demo', 'updated_at'],
    BENEFITS.map((b) => [purposes.get(b.purpose), b.municipality ? idOf(municipalities, b.municipality) : null, b.title, b.type, b.ownerName, b.indicator, b.unit, b.direction, b.baseline[1], b.baseline[0], b.target[1], b.target[0], true, now]),
    'id',
  );
  await insertRows(sql, 'benefit_measurement', ['benefit_id', 'measured_on', 'value', 'comment', 'is_demo'], BENEFITS.flatMap((b, i) => b.measurements.map(([day, value]) => [rows[i]!.id, day, value, 'Demodata', true])));
  return rows.length;
}

export async function writeOperatingFigures(sql: Sql, now: string, municipalities: MunicipalityIds): Promise<number> {
  const rows = [...municipalities.keys()].flatMap((number) =>
    FIGURE_MONTHS.map((month, i) => {
      const f = demoFigures(number, i);
      return [municipalities.get(number), `${month}-01`, f.incomingPost, f.journalEntries, f.medianRegistrationDays, f.overdueItems, f.digitalOutgoingPercent, true, now];
    }),
  );
  await insertRows(sql, 'operating_figure', ['municipality_id', 'month', 'incoming_post', 'journal_entries', 'median_registration_days', 'overdue_items', 'digital_outgoing_percent', 'is_demo', 'updated_at'], rows);
  return rows.length;
}
