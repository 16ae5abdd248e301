import { describe, expect, it } from 'vitest';
import { FLESBERG, KONGSBERG, me } from '../../test/auth.ts';
import { can, isAdmin } from './permissions.ts';

const coordinator = me({ memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });
const archivist = me({ memberships: [{ role: 'ARCHIVIST', municipality: KONGSBERG }, { role: 'VIEWER', municipality: FLESBERG }] });
const viewer = me({ memberships: [{ role: 'VIEWER', municipality: KONGSBERG }] });
const admin = me({ memberships: [{ role: 'ADMIN', municipality: FLESBERG }] });

describe('can', () => {
  it('lets an administrator do everything, in every municipality', () => {
    expect(isAdmin(admin)).toBe(true);
    expect(can(admin, 'manageUsers')).toBe(true);
    expect(can(admin, 'editSeries', [KONGSBERG.id])).toBe(true);
    expect(can(admin, 'editRisk', [KONGSBERG.id])).toBe(true);
  });

  it('lets a coordinator edit a risk that affects all municipalities or one of their own', () => {
    expect(can(coordinator, 'editRisk', [])).toBe(true);
    expect(can(coordinator, 'editRisk', [FLESBERG.id, KONGSBERG.id])).toBe(true);
    expect(can(coordinator, 'editRisk', [FLESBERG.id])).toBe(false);
    expect(can(coordinator, 'editTimeline')).toBe(true);
    expect(can(coordinator, 'editFinding')).toBe(true);
    expect(can(coordinator, 'editSeries', [KONGSBERG.id])).toBe(false);
  });

  it('hides series of another municipality from an archivist', () => {
    expect(can(archivist, 'editSeries', [KONGSBERG.id])).toBe(true);
    expect(can(archivist, 'editSeries', [FLESBERG.id])).toBe(false);
    expect(can(archivist, 'editRisk', [])).toBe(false);
  });

  it('lets a viewer edit nothing and administer nothing', () => {
    for (const permission of ['editRisk', 'editFinding', 'editTimeline', 'editSeries', 'manageUsers', 'viewAuditLog'] as const) {
      expect(can(viewer, permission)).toBe(false);
    }
    expect(can(null, 'editRisk')).toBe(false);
  });
});
