// How process tests authenticate, as an operator and an integrator would: the server
// starts with ADMIN_EMAIL/ADMIN_PASSWORD (creating that admin on its first start),
// and a client trades the email and password for an API token at POST /api/auth/token/,
// then sends `Authorization: Token <token>`.

/** The first admin of every test server that needs one. Not a common password, and 10+ characters, as the server requires. */
export const TEST_ADMIN = { email: 'ops-admin@example.com', password: 'ops-Quokka-harbour-4817' } as const;

export interface Credentials {
  email: string;
  password: string;
}

/** The environment that makes a server create `admin` at start (ignored once an admin exists). */
export function adminEnv(admin: Credentials = TEST_ADMIN): Record<string, string> {
  return { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password };
}

/** A new API token for `admin` from the server at `baseUrl`, obtained with their password. */
export async function obtainToken(baseUrl: string, admin: Credentials = TEST_ADMIN): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const body = (await res.json()) as { token?: unknown };
  if (res.status !== 201 || typeof body.token !== 'string') {
    throw new Error(`POST /api/auth/token/ answered ${res.status}: ${JSON.stringify(body)}`);
  }
  return body.token;
}
