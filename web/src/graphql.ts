/** A refused call, as the API says it: the Vietnamese message for people, the code for code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the public GraphQL API of the server that served the page. */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string; userMessage?: string } }[];
  };
  const [error] = body.errors ?? [];
  if (error) {
    throw new ApiError(
      error.extensions?.code ?? 'ERROR',
      error.extensions?.userMessage ?? error.message,
      error.message,
    );
  }
  return body.data as T;
}

/**
 * What to tell a person about a failed call, in the page's language: the API's Vietnamese
 * message, its English one, or that the server could not be reached.
 */
export function errorText(caught: unknown, language: 'vi' | 'en', unreachable: string): string {
  if (!(caught instanceof ApiError)) return unreachable;
  return language === 'vi' ? caught.userMessage : caught.message;
}
