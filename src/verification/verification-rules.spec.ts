import fc from 'fast-check';
import { conflictKey } from '../users/conflict-of-interest';
import { checkVerification, planAssignments } from './verification-rules';

describe('verification rules', () => {
  it('stores 0 for inaccessible evidence and bounds points by the maximum', () => {
    expect(checkVerification({ status: 'EVIDENCE_INACCESSIBLE', points: 3, note: 'Tautan mati', selfPoints: 3, maxPoints: 3 }).points.toString()).toBe('0');
    expect(checkVerification({ status: 'ADJUSTED', points: '3.01', note: 'x', selfPoints: 3, maxPoints: 3 }).errors[0].field).toBe('points');
    expect(checkVerification({ status: 'ADJUSTED', points: 3, note: 'x', selfPoints: 3, maxPoints: 3 }).errors).toEqual([]);
  });

  it('requires a note unless the self points are accepted unchanged', () => {
    expect(checkVerification({ status: 'ACCEPTED', points: 2, selfPoints: '2.00', maxPoints: 3 }).errors).toEqual([]);
    expect(checkVerification({ status: 'ACCEPTED', points: 1, selfPoints: 2, maxPoints: 3 }).errors.map((e) => e.field)).toEqual(['note']);
    expect(checkVerification({ status: 'ADJUSTED', points: 2, note: '  ', selfPoints: 2, maxPoints: 3 }).errors.map((e) => e.field)).toEqual(['note']);
  });

  it('never assigns a conflicted assessor and reports the participation it could not assign', () => {
    const parts = [
      { id: '1', body: { id: 'b1', name: 'Universitas Palangka Raya' }, assessorIds: [] },
      { id: '2', body: { id: 'b2', name: 'Dinas Kesehatan' }, assessorIds: [] },
    ];
    const assessors = [{ id: '10', affiliation: 'universitas palangka raya', load: 0 }];
    const r = planAssignments(parts, assessors, 1, new Set([conflictKey('10', 'b2')]));
    expect(r.planned).toEqual([]);
    expect(r.unassigned).toEqual(['1', '2']);
    expect(r.skippedForConflict).toBe(2);
  });

  it('balances loads within one and keeps existing assignments (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (n, k, per) => {
        fc.pre(per <= k);
        const parts = Array.from({ length: n }, (_, i) => ({ id: String(i + 1), body: { id: `b${i}`, name: `Body ${i}` }, assessorIds: i === 0 ? ['1'] : [] }));
        const assessors = Array.from({ length: k }, (_, i) => ({ id: String(i + 1), affiliation: `Org ${i}`, load: i === 0 ? 1 : 0 }));
        const r = planAssignments(parts, assessors, per, new Set());
        const loads = new Map(assessors.map((a) => [a.id, 0]));
        loads.set('1', 1);
        for (const p of r.planned) loads.set(p.assessorId, loads.get(p.assessorId)! + 1);
        const values = [...loads.values()];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        expect(r.planned.length).toBe(n * per - 1);
        expect(r.planned.some((p) => p.participationId === '1' && p.assessorId === '1')).toBe(false);
      }),
    );
  });
});
