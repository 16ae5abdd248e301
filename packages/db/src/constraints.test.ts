import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './connection.ts';
import type { SqlSession } from './sql.ts';
import { openTestDatabase } from './testing/index.ts';

// The hand-written part of the migrations (CHECKs, partial and expression indexes, triggers) is
// invisible to the drift check: these tests prove that each exists and bites.
let db: Database;
let sql: SqlSession;

beforeAll(async () => {
  db = await openTestDatabase('migrated');
  sql = await db.session();
  await sql.exec(`
    INSERT INTO municipality (id, number, name, role, updated_at) VALUES (1, '3303', 'Kongsberg', 'HOST', now()), (2, '3334', 'Flesberg', 'PARTNER', now());
    INSERT INTO risk_area (id, code, name, updated_at) VALUES (1, 'A1', 'Område', now());
    INSERT INTO risk (id, reference, title, area_id, inherent_likelihood, inherent_consequence, updated_at) VALUES (1, 'R-01', 'Risiko', 1, 3, 3, now());
    INSERT INTO archive_series (id, municipality_id, identifier, title, title_sort_key, status, document_medium, period_start, updated_at)
      VALUES (1, 1, 'SAK-1', 'Sakarkiv', 'sakarkiv', 'AKTIV_PERIODE', 'ELEKTRONISK', '2020-01-01', now());
    INSERT INTO audit_event (action, entity_type, entity_id, client_address) VALUES ('create', 'Risk', '1', '10.0.0.1');
    SELECT setval(pg_get_serial_sequence(t, 'id'), 100) FROM unnest(ARRAY['municipality', 'risk_area', 'risk', 'archive_series']) AS t;
  `);
});
afterAll(async () => {
  await sql.release();
  await db.close();
});

/** Runs a statement that must fail, inside a transaction that is rolled back either way. */
async function refused(statement: string): Promise<string> {
  const error = await sql
    .transaction(async (tx) => {
      await tx.exec(statement);
      throw new Error('accepted');
    })
    .catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
  expect(error).not.toBe('accepted');
  return error;
}

async function accepted(statement: string): Promise<void> {
  await sql
    .transaction(async (tx) => {
      await tx.exec(statement);
      throw new Error('rollback');
    })
    .catch((e: unknown) => expect((e as Error).message).toBe('rollback'));
}

describe('database constraints that hold even when code is wrong', () => {
  it('refuses a municipality number that is not four digits', async () => {
    expect(await refused(`INSERT INTO municipality (number, name, updated_at) VALUES ('33A3', 'X', now())`)).toMatch(/municipality_number_format/);
  });

  it('refuses a second host municipality', async () => {
    expect(await refused(`UPDATE municipality SET role = 'HOST' WHERE id = 2`)).toMatch(/municipality_single_host/);
  });

  it('refuses likelihood or consequence outside 1..5, on risks and assessments', async () => {
    expect(await refused(`UPDATE risk SET inherent_likelihood = 6 WHERE id = 1`)).toMatch(/risk_inherent_range/);
    expect(await refused(`UPDATE risk SET residual_likelihood = 0, residual_consequence = 2 WHERE id = 1`)).toMatch(/risk_residual_range/);
    expect(await refused(`INSERT INTO risk_assessment (risk_id, inherent_likelihood, inherent_consequence, status) VALUES (1, 3, 7, 'OPEN')`)).toMatch(/risk_assessment_inherent_range/);
    expect(await refused(`INSERT INTO acceptance_criteria (id, valid_from, name) VALUES (9, '2024-01-01', 'k'); INSERT INTO acceptance_cell VALUES (9, 0, 1, 'LOW')`)).toMatch(/acceptance_cell_range/);
    await accepted(`UPDATE risk SET residual_likelihood = 5, residual_consequence = 1 WHERE id = 1`);
  });

  it('refuses a residual assessment with only one part', async () => {
    expect(await refused(`UPDATE risk SET residual_likelihood = 2 WHERE id = 1`)).toMatch(/risk_residual_complete/);
  });

  it('refuses a done measure without completion time, and a finding status on a non-success-factor', async () => {
    expect(await refused(`INSERT INTO measure (risk_id, title, status, updated_at) VALUES (1, 'Tiltak', 'DONE', now())`)).toMatch(/measure_done_has_completion/);
    expect(await refused(`INSERT INTO finding (kind, title, status, updated_at) VALUES ('STRENGTH', 'Styrke', 'ON_TRACK', now())`)).toMatch(/finding_status_only_success_factor/);
    expect(await refused(`INSERT INTO finding (kind, title, updated_at) VALUES ('SUCCESS_FACTOR', 'Faktor', now())`)).toMatch(/finding_status_only_success_factor/);
  });

  it('refuses inverted date windows and a DAY that spans days', async () => {
    expect(await refused(`INSERT INTO milestone (title, date_start, date_end, date_precision, kind, updated_at) VALUES ('M', '2024-02-01', '2024-01-01', 'MONTH', 'DECISION', now())`)).toMatch(/milestone_date_window/);
    expect(await refused(`INSERT INTO phase (name, date_start, date_end, date_precision, updated_at) VALUES ('P', '2024-01-01', '2024-01-02', 'DAY', now())`)).toMatch(/phase_date_window/);
  });

  it('refuses a series period that ends before it starts, negative extent, an undated deposit, a self-link', async () => {
    expect(await refused(`UPDATE archive_series SET period_end = '2019-12-31' WHERE id = 1`)).toMatch(/archive_series_period_order/);
    expect(await refused(`UPDATE archive_series SET extent_shelf_metres = -1 WHERE id = 1`)).toMatch(/archive_series_extent_non_negative/);
    expect(await refused(`UPDATE archive_series SET deposit_status = 'AVLEVERT' WHERE id = 1`)).toMatch(/archive_series_deposit_dated/);
    expect(await refused(`UPDATE archive_series SET predecessor_id = 1 WHERE id = 1`)).toMatch(/archive_series_not_own_neighbour/);
  });

  it('refuses a duplicate series identifier within a municipality but allows it in another', async () => {
    const insert = (municipality: number) =>
      `INSERT INTO archive_series (municipality_id, identifier, title, title_sort_key, status, document_medium, period_start, updated_at) VALUES (${municipality}, 'SAK-1', 'T', 't', 'AKTIV_PERIODE', 'FYSISK', '2000-01-01', now())`;
    expect(await refused(insert(1))).toMatch(/archive_series_municipality_id_identifier_key/);
    await accepted(insert(2));
  });

  it('refuses an unknown enum value and a dangling foreign key', async () => {
    expect(await refused(`UPDATE archive_series SET status = 'Aktiv' WHERE id = 1`)).toMatch(/invalid input value for enum/);
    expect(await refused(`UPDATE archive_series SET target_series_id = 999 WHERE id = 1`)).toMatch(/foreign key/);
  });

  it('keeps the audit trail append-only, except blanking a client address', async () => {
    expect(await refused(`UPDATE audit_event SET action = 'forged'`)).toMatch(/audit events cannot be changed/);
    expect(await refused(`UPDATE audit_event SET client_address = '10.9.9.9'`)).toMatch(/audit events cannot be changed/);
    expect(await refused(`DELETE FROM audit_event`)).toMatch(/audit events cannot be deleted/);
    expect(await refused(`TRUNCATE audit_event`)).toMatch(/audit events cannot be deleted/);
    await accepted(`UPDATE audit_event SET client_address = NULL`);
  });

  it('has the expression indexes that keyset pagination over nullable columns needs', async () => {
    const rows = await sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'archive_series'`);
    expect(rows.map((r) => r.indexname)).toEqual(expect.arrayContaining(['archive_series_period_end_key', 'archive_series_municipality_period_end_key', 'archive_series_system_key', 'archive_series_classification_key', 'archive_series_live_municipality']));
  });

  it('has the covering partial indexes that readiness scans index-only (readiness_index migration)', async () => {
    const rows = await sql.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'archive_series' AND indexname IN ('archive_series_readiness_idx', 'archive_series_live_period_start_idx') ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(['archive_series_live_period_start_idx', 'archive_series_readiness_idx']);
    const [successor, readiness] = rows.map((r) => r.indexdef.replace(/"/g, ''));
    expect(readiness).toMatch(/\(municipality_id, period_start\) INCLUDE \(status, successor_id\) WHERE \(\(deleted_at IS NULL\) AND \(NOT is_continuous\)\)/);
    expect(successor).toMatch(/\(id\) INCLUDE \(period_start\) WHERE \(deleted_at IS NULL\)/);
  });
});

describe('the risk_workspace migration', () => {
  it('refuses a second live consequence dimension of the same name (any case), but not beside a deleted one', async () => {
    await accepted(`
      INSERT INTO consequence_dimension (name, deleted_at, updated_at) VALUES ('Økonomi', now(), now());
      INSERT INTO consequence_dimension (name, updated_at) VALUES ('Økonomi', now());
    `);
    expect(await refused(`INSERT INTO consequence_dimension (name, updated_at) VALUES ('Tjenester', now()), ('TJENESTER', now())`)).toMatch(/consequence_dimension_live_name_key/);
  });

  it('refuses a per-dimension consequence outside 1..5', async () => {
    expect(await refused(`INSERT INTO consequence_dimension (id, name, updated_at) VALUES (50, 'D', now()); INSERT INTO risk_consequence_score VALUES (1, 50, 6)`)).toMatch(/risk_consequence_score_range/);
    await accepted(`INSERT INTO consequence_dimension (id, name, updated_at) VALUES (50, 'D', now()); INSERT INTO risk_consequence_score VALUES (1, 50, 5)`);
  });

  it('refuses a partial residual acceptance, one that expires before it starts, and one without a residual assessment', async () => {
    const withResidual = `UPDATE risk SET residual_likelihood = 2, residual_consequence = 2 WHERE id = 1;`;
    expect(await refused(`${withResidual} UPDATE risk SET accepted_on = '2025-01-01', acceptance_expires_on = '2026-01-01' WHERE id = 1`)).toMatch(/risk_acceptance_complete/);
    expect(await refused(`${withResidual} UPDATE risk SET acceptance_comment = 'x' WHERE id = 1`)).toMatch(/risk_acceptance_complete/);
    expect(await refused(`${withResidual} UPDATE risk SET acceptance_approver_name = 'A', accepted_on = '2025-01-01', acceptance_expires_on = '2025-01-01' WHERE id = 1`)).toMatch(/risk_acceptance_expires_after/);
    expect(await refused(`UPDATE risk SET acceptance_approver_name = 'A', accepted_on = '2025-01-01', acceptance_expires_on = '2026-01-01' WHERE id = 1`)).toMatch(/risk_acceptance_needs_residual/);
    await accepted(`${withResidual} UPDATE risk SET acceptance_approver_name = 'A', accepted_on = '2025-01-01', acceptance_expires_on = '2025-01-02' WHERE id = 1`);
  });

  it('refuses two baselines of one name', async () => {
    expect(await refused(`INSERT INTO risk_baseline (name, taken_at) VALUES ('ROS', now()), ('ROS', now())`)).toMatch(/risk_baseline_name_key/);
  });

  it('keeps a benefit\'s target after its baseline and different from it, and one live measurement per day', async () => {
    const benefit = (date: string, value: number) =>
      `INSERT INTO purpose (id, ordinal, title, updated_at) VALUES (70, 70, 'F', now()); INSERT INTO benefit (id, purpose_id, title, type, owner_name, indicator, unit, direction, baseline_value, baseline_date, target_value, target_date, updated_at) VALUES (70, 70, 'G', 'OTHER', 'E', 'I', 'u', 'LOWER_IS_BETTER', 10, '2025-01-01', ${value}, '${date}', now());`;
    expect(await refused(benefit('2024-12-31', 2))).toMatch(/benefit_target_after_baseline/);
    expect(await refused(benefit('2027-01-01', 10))).toMatch(/benefit_target_differs/);
    expect(await refused(`${benefit('2027-01-01', 2)} INSERT INTO benefit_measurement (benefit_id, measured_on, value) VALUES (70, '2025-06-01', 8), (70, '2025-06-01', 7)`)).toMatch(/benefit_measurement_live_day_key/);
    await accepted(`${benefit('2027-01-01', 2)} INSERT INTO benefit_measurement (benefit_id, measured_on, value, deleted_at) VALUES (70, '2025-06-01', 8, now()), (70, '2025-06-01', 7, NULL)`);
  });

  it('stores operating figures on the first of a month, not negative, the digital share within 0..100', async () => {
    const figure = (month: string, column: string, value: number) => `INSERT INTO operating_figure (municipality_id, month, ${column}, updated_at) VALUES (1, '${month}', ${value}, now())`;
    expect(await refused(figure('2026-03-02', 'incoming_post', 1))).toMatch(/operating_figure_first_of_month/);
    expect(await refused(figure('2026-03-01', 'overdue_items', -1))).toMatch(/operating_figure_counts_non_negative/);
    expect(await refused(figure('2026-03-01', 'digital_outgoing_percent', 100.5))).toMatch(/operating_figure_percent_range/);
    await accepted(figure('2026-03-01', 'digital_outgoing_percent', 100));
  });

  it('refuses two live services of one name (its sort key), and frees the name of a deleted one', async () => {
    expect(await refused(`INSERT INTO service (name, name_sort_key, cost_sharing_key, updated_at) VALUES ('Opplæring', 'opplæring', 'FIXED', now()), ('OPPLÆRING', 'opplæring', 'FIXED', now())`)).toMatch(/service_live_name_key/);
    await accepted(`INSERT INTO service (name, name_sort_key, cost_sharing_key, updated_at, deleted_at) VALUES ('Opplæring', 'opplæring', 'FIXED', now(), now()), ('OPPLÆRING', 'opplæring', 'FIXED', now(), NULL)`);
  });
});
