import { describe, expect, it } from 'vitest';
import { evidenceStatuses, type EvidenceStatus } from '../../db/schema/portfolio';
import { transition, type EvidenceEvent } from '../../src/lib/domain/evidence-workflow';

const events: EvidenceEvent[] = ['submit', 'assess', 'resubmit', 'reopen'];
// Written out by hand: every allowed step. Every other pair must be refused.
const allowed: Record<string, EvidenceStatus> = {
  'draft submit': 'submitted',
  'submitted assess': 'assessed',
  'assessed resubmit': 'resubmitted',
  'assessed reopen': 'submitted',
  'resubmitted assess': 'assessed',
};

describe('evidence transitions', () => {
  const all = evidenceStatuses.flatMap((from) => events.map((event) => [from, event] as const));
  it.each(all)('%s + %s', (from, event) => {
    const result = transition(from, event, { locked: false });
    const expected = allowed[`${from} ${event}`];
    if (expected) expect(result).toEqual({ ok: true, to: expected });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(new RegExp(from));
    }
  });

  it.each(Object.keys(allowed))('a signed-off portfolio refuses even "%s"', (key) => {
    const [from, event] = key.split(' ') as [EvidenceStatus, EvidenceEvent];
    expect(transition(from, event, { locked: true })).toEqual({ ok: false, reason: expect.stringMatching(/signed off/) });
  });
});
