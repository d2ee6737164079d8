import { apiSuite } from '../../support/flows';

/** An administrator sets the account an agency's fees are paid to; a bad one changes nothing. */
describe("an agency's payee account", () => {
  const suite = apiSuite();
  const payeeOf = async () => {
    const { agencies } = await suite.api.ok<{ agencies: Record<string, unknown>[] }>(
      `{ agencies { code payeeBankBin payeeAccount payeeName } }`,
    );
    return agencies.find((agency) => agency.code === 'xa-tay-son');
  };
  const set = (bankBin: string, account: string) =>
    suite.api.graphql(
      `mutation ($bin: String!, $account: String!) {
         setAgencyPayee(agencyCode: "xa-tay-son", bankBin: $bin, account: $account,
                        accountName: "UBND XA TAY SON") { code payeeBankBin payeeAccount payeeName } }`,
      { bin: bankBin, account },
    );

  beforeAll(async () => {
    await suite.api.ok(
      `mutation { createAgency(code: "xa-tay-son", name: "UBND xã Tây Sơn", kind: "commune") { code } }`,
    );
  });

  it('refuses a bank that is not a BIN and an account a QR code cannot carry, naming them', async () => {
    for (const [bankBin, account, field] of [
      ['97041', '0011001932418', 'bankBin'],
      ['970415', '0011 0019 3241', 'account'],
      ['970415', '00110019324180011001932418', 'account'],
    ]) {
      const { errors } = await set(bankBin, account);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await payeeOf()).toEqual({
      code: 'xa-tay-son',
      payeeBankBin: null,
      payeeAccount: null,
      payeeName: null,
    });
  });

  it('keeps the account it is given, and the agencies list shows it', async () => {
    const { data } = await set('970415', '0011001932418');
    const expected = {
      code: 'xa-tay-son',
      payeeBankBin: '970415',
      payeeAccount: '0011001932418',
      payeeName: 'UBND XA TAY SON',
    };
    expect(data?.setAgencyPayee).toEqual(expected);
    expect(await payeeOf()).toEqual(expected);
  });
});
