import { codeCandidates } from '../../../src/dossier/bank-payment';

/** The dossier codes a bank's transfer content may name, however the bank wrapped it. */
describe('the codes in a transfer content', () => {
  const codes = (description: string) => codeCandidates(description).map((c) => c.code);

  it('finds a national code behind the words a bank glues on the left', () => {
    const found = codes('MBVCB.3278614744.000.00.06.H56-240315-0001.CT tu NGUYEN VAN A');
    expect(found).toContain('000.00.06.H56-240315-0001');
    expect(codeCandidates('x 000.00.06.H56-240315-0001')[0]).toEqual({
      code: '000.00.06.H56-240315-0001',
      day: '2024-03-15',
    });
  });

  it("finds an agency's own code, with its dashes, in the case the bank changed", () => {
    expect(codes('NOP PHI XA-XUAN-HOA-260302-0001')).toContain('xa-xuan-hoa-260302-0001');
  });

  it('never cuts a longer sequence, and skips what cannot be a day', () => {
    expect(codes('000.00.06.H56-260302-100012')).not.toContain('000.00.06.H56-260302-1000');
    expect(codes('000.00.06.H56-261399-0001')).toEqual([]);
    expect(codes('nop phi ho so')).toEqual([]);
  });
});
