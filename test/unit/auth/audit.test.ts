import { auditReason, auditTarget } from '../../../src/auth/audit';

describe('what the audit log keeps of a mutation', () => {
  it('names the instance a repair is about', () => {
    expect(auditTarget({ instanceId: 'i-1', fromElementId: 'a', reason: 'r' })).toBe('i-1');
  });

  it('keeps the reason given, at the top or in the input, trimmed, without NUL, at most 500 characters', () => {
    expect(auditReason({ reason: '  sai bước  ' })).toBe('sai bước');
    expect(auditReason({ input: { reason: 'chuyển xử lý' } })).toBe('chuyển xử lý');
    expect(auditReason({ reason: 'a\0b' })).toBe('ab');
    expect(auditReason({ reason: 'x'.repeat(600) })).toHaveLength(500);
    expect(auditReason({ reason: ' ' })).toBeNull();
    expect(auditReason({ id: 'x' })).toBeNull();
    expect(auditReason({ input: 'not an object' })).toBeNull();
  });
});
