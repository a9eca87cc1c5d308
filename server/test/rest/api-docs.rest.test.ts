// How the API docs say to authenticate, and how Swagger UI does it: the OpenAPI
// document's security schemes, and the request interceptor that sends the session's
// CSRF token, run from the very script the page loads.
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

interface SwaggerRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}

describeOnDatabases('the API docs and authentication', (ctx) => {
  // /api/schema/ will need a session once identity lands (issue 12): sign in first then.
  it('declares a pasted token and the session cookie as the ways in, any one of them', async () => {
    const res = await ctx.http({ method: 'GET', url: '/api/schema/' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.components.securitySchemes).toEqual({
      tokenAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: expect.stringContaining('Token <token>') },
      bearerAuth: { type: 'http', scheme: 'bearer', description: expect.any(String) },
      cookieAuth: { type: 'apiKey', in: 'cookie', name: 'sessionid', description: expect.stringContaining('X-CSRFToken') },
    });
    expect(doc.security).toEqual([{ tokenAuth: [] }, { bearerAuth: [] }, { cookieAuth: [] }]);
    for (const name of ['tokenAuth', 'bearerAuth', 'cookieAuth', 'X-CSRFToken', 'csrftoken']) {
      expect(doc.info.description).toContain(name);
    }
    // The schemas added one by one are still there beside the schemes.
    expect(doc.components.schemas.Ticket).toBeDefined();
  });

  /** Runs the served swagger-initializer.js as the page would and returns Swagger UI's config. */
  async function swaggerUiConfig(cookie: string): Promise<{ requestInterceptor: (request: SwaggerRequest) => SwaggerRequest }> {
    const script = await ctx.http({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(script.statusCode).toBe(200);
    let config: unknown;
    const element = { appendChild() {}, set innerHTML(_html: string) {} };
    const page: Record<string, any> = {
      location: { href: 'http://tickets.example/api/docs/', origin: 'http://tickets.example' },
      document: { cookie, querySelector: () => element, createElement: () => ({}), body: {} },
      SwaggerUIBundle: Object.assign(
        (given: unknown) => {
          config = given;
          return { initOAuth() {} };
        },
        { presets: { apis: {} }, plugins: { DownloadUrl: {} } },
      ),
      SwaggerUIStandalonePreset: {},
      URL,
      Promise,
    };
    page.window = page;
    runInNewContext(script.body, page);
    page.onload();
    return config as { requestInterceptor: (request: SwaggerRequest) => SwaggerRequest };
  }

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'])('has Swagger UI send X-CSRFToken from the csrftoken cookie on a %s', async (method) => {
    const { requestInterceptor } = await swaggerUiConfig('theme=dark; csrftoken=abc%2F123; other=1');
    const headers = { 'Content-Type': 'application/json' };
    const sent = requestInterceptor({ url: 'http://tickets.example/api/tickets/', method, headers });
    expect(sent.headers).toEqual({ 'Content-Type': 'application/json', 'X-CSRFToken': 'abc/123' });
  });

  it('sends the token only where it is needed and only to us', async () => {
    const { requestInterceptor } = await swaggerUiConfig('csrftoken=abc123');
    const headersFor = (method: string, url: string) => requestInterceptor({ url, method, headers: {} }).headers;
    expect(headersFor('GET', 'http://tickets.example/api/tickets/')).toEqual({});
    expect(headersFor('get', './json')).toEqual({});
    expect(headersFor('POST', 'https://elsewhere.example/api/tickets/')).toEqual({});
    expect(headersFor('post', '/api/tickets/')).toEqual({ 'X-CSRFToken': 'abc123' });
    // Signed out (no cookie): nothing to send.
    const signedOut = await swaggerUiConfig('');
    expect(signedOut.requestInterceptor({ url: '/api/tickets/', method: 'POST', headers: {} }).headers).toEqual({});
  });
});
