import { AppError } from '../../../src/errors';
import { asciiPurpose, crc16, vietQrPayload } from '../../../src/dossier/vietqr';

/**
 * The VietQR payload against payloads printed by others' encoders (public VietQR libraries'
 * documented examples), field for field and CRC for CRC.
 */
describe('the VietQR payload', () => {
  it('is the documented payload of a 120,000 đồng transfer to a VietinBank account', () => {
    // subiz/vietqr's README: Generate(120000, "970415", "0011001932418", "ủng hộ lũ lụt").
    expect(
      vietQrPayload({
        bankBin: '970415',
        account: '0011001932418',
        amount: 120000,
        purpose: 'ủng hộ lũ lụt',
      }),
    ).toBe(
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA' +
        '530370454061200005802VN62170813ung ho lu lut6304C15C',
    );
  });

  it('computes the CRC of another documented payload', () => {
    // thanhtinhpas1/vietqr-parser's README: a Vietcombank account without an amount.
    const payload =
      '00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304';
    expect(crc16(payload)).toBe('CD60');
  });

  it('writes the purpose without Vietnamese marks, at most 25 characters', () => {
    expect(asciiPurpose('Đăng ký khai sinh')).toBe('Dang ky khai sinh');
    expect(asciiPurpose('000.00.06.H56-260302-0001')).toBe('000.00.06.H56-260302-0001');
    expect(asciiPurpose('000.00.06.H56-260302-00012345')).toHaveLength(25);
  });

  it.each([
    ['bankBin', { bankBin: '97041' }],
    ['account', { account: '0011 0019' }],
    ['amount', { amount: 1200.5 }],
    ['amount', { amount: 0 }],
    ['purpose', { purpose: '— ·' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    const payment = { bankBin: '970415', account: '0011001932418', amount: 5000, purpose: 'x' };
    const attempt = () => vietQrPayload({ ...payment, ...change });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(`'${field}'`);
  });
});
