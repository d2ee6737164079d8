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
