import { SendFailure } from './transport';

/** How long a provider has to answer before the try counts as failed. */
const TIMEOUT_MS = 15_000;

/**
 * POSTs JSON and reads the JSON answer. A network failure, a timeout or a status other than
 * 2xx is a SendFailure naming only the provider's status and error code.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  provider: string,
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new SendFailure(`${provider} unreachable (${cause ?? (error as Error).name})`);
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new SendFailure(
      `${provider} answered HTTP ${response.status} ${errorCode(answer)}`.trim(),
    );
  }
  return answer;
}

/**
 * The provider's error code, when it is one: a short word. Free text is left out, since a
 * provider may repeat the number or address it was given.
 */
export function errorCode(answer: Record<string, unknown>): string {
  const code = String(answer.error ?? answer.code ?? '');
  return /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? code : '';
}
