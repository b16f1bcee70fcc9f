import { describe, expect, it } from 'vitest';
import { criterionStates, daysWaiting, metMask, statesFromRecords, type ClaimFact, type DecisionFact } from '../../src/lib/domain/criterion-state';
import { criterionIds, type CriterionId } from '../../src/lib/domain/criteria';
import type { EvidenceState } from '../../src/lib/domain/progress';

const t = (day: number) => new Date(Date.UTC(2026, 0, day));
const claim = (evidenceId: string, criterion: string, version = 1): ClaimFact => ({ evidenceId, version, criterion, awaiting: true });
const dec = (id: string, evidenceId: string, criterion: string, outcome: 'met' | 'not-yet', day: number, version = 1): DecisionFact => ({ id, evidenceId, version, criterion, outcome, decidedAt: t(day) });

describe('criterionStates', () => {
  it('is none everywhere with no evidence', () => {
    const s = criterionStates([], [], new Set());
    expect(Object.values(s).every((v) => v === 'none')).toBe(true);
    expect(Object.keys(s)).toHaveLength(17);
  });
  it('a claim awaiting assessment is pending', () => {
    expect(criterionStates([claim('e1', 'P3')], [], new Set()).P3).toBe('pending');
  });
  it('the latest decision on an item counts: not yet, then met after resubmission', () => {
    const decisions = [dec('d1', 'e1', 'P3', 'not-yet', 1), dec('d2', 'e1', 'P3', 'met', 5, 2)];
    expect(criterionStates([], decisions, new Set()).P3).toBe('met');
    expect(criterionStates([], decisions.slice(0, 1), new Set()).P3).toBe('not-yet');
  });
  it('a resubmission awaiting a decision is pending even after an earlier not yet', () => {
    expect(criterionStates([claim('e1', 'P3', 2)], [dec('d1', 'e1', 'P3', 'not-yet', 1)], new Set()).P3).toBe('pending');
  });
  it('met on one item outranks not yet on another', () => {
    expect(criterionStates([], [dec('d1', 'e1', 'K2', 'not-yet', 1), dec('d2', 'e2', 'K2', 'met', 1)], new Set()).K2).toBe('met');
  });
  it('a decision a lead assessor disagreed with counts for nothing', () => {
    expect(criterionStates([], [dec('d1', 'e1', 'K2', 'met', 1)], new Set(['d1'])).K2).toBe('none');
    expect(criterionStates([claim('e1', 'K2')], [dec('d1', 'e1', 'K2', 'met', 1)], new Set(['d1'])).K2).toBe('pending');
  });
  it('ignores criteria that do not exist', () => {
    expect(Object.keys(criterionStates([claim('e1', 'P10')], [], new Set()))).not.toContain('P10');
  });
});

describe('metMask', () => {
  it('has the bits of the met criteria only: pending, not yet and none count for nothing', () => {
    const states = Object.fromEntries(criterionIds.map((id) => [id, 'none'])) as Record<CriterionId, EvidenceState>;
    expect(metMask(states)).toBe(0);
    Object.assign(states, { P1: 'met', P3: 'pending', K2: 'not-yet', K8: 'met' });
    expect(metMask(states)).toBe(1 | (1 << 16));
  });
});

describe('daysWaiting', () => {
  it.each([
    [t(1), t(1), 0],
    [t(1), new Date(t(2).getTime() - 1), 0],
    [t(1), t(2), 1],
    [t(1), t(11), 10],
  ])('%s → %s is %d days', (from, to, days) => {
    expect(daysWaiting(from, to)).toBe(days);
  });
});

describe('statesFromRecords', () => {
  const item = (id: string, status: string, claims: string[], currentVersion = 1) => ({ id, status, currentVersion, claims });
  it('counts the claims of items awaiting assessment only', () => {
    const s = statesFromRecords([item('e1', 'submitted', ['P3']), item('e2', 'resubmitted', ['P4'], 2), item('e3', 'assessed', ['P5']), item('e4', 'draft', ['P6'])], []);
    expect([s.P3, s.P4, s.P5, s.P6]).toEqual(['pending', 'pending', 'none', 'none']);
  });
  it('drops a decision the lead assessor disagreed with, and keeps one sampled with agreement', () => {
    const decisions = [
      { ...dec('d1', 'e1', 'K1', 'met', 1), sampleAgrees: false },
      { ...dec('d2', 'e2', 'K2', 'met', 1), sampleAgrees: true },
      { ...dec('d3', 'e3', 'K3', 'not-yet', 1), sampleAgrees: null },
    ];
    const s = statesFromRecords([item('e1', 'submitted', ['K1'])], decisions);
    expect([s.K1, s.K2, s.K3]).toEqual(['pending', 'met', 'not-yet']);
  });
});
