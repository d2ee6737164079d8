import type { TestApi } from './api';

/**
 * A birth registration received with 20,000 đồng of fees by `reception` (the procedure must be
 * deployed), the applicant's phone ending in 5678: the dossier the payment tests pay.
 */
export async function receiveWithFee(
  api: TestApi,
  reception: string,
): Promise<{ code: string; agencyCode: string }> {
  const { receiveDossier } = await api.ok<{ receiveDossier: { code: string; agencyCode: string } }>(
    `mutation { receiveDossier(input: {
       procedureKey: "birth-registration", feeAmount: 20000,
       applicant: { name: "Nguyễn Thị Bình", idNumber: "001190012345", phone: "0912345678", address: "Thôn 3" },
       components: [
         { name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL },
         { name: "Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)", kind: ORIGINAL }
       ] }) { code agencyCode } }`,
    {},
    reception,
  );
  return receiveDossier;
}
