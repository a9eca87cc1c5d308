// Renders a component tree as the app does: Apollo provider, a router and the frame's
// undo note; or the whole app (its real routes, session page and frame included) at a URL.
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../../src/app/routes.js';
import { UndoToastProvider } from '../../src/common/undo-toast.js';

export function renderWithApp(ui: ReactElement, { client, url = '/' }: { client: ApolloClient; url?: string }) {
  // A data router, as the app's: components may block navigation (useBlocker) as they do there.
  const router = createMemoryRouter([{ path: '*', element: <UndoToastProvider>{ui}</UndoToastProvider> }], { initialEntries: [url] });
  return render(
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>,
  );
}

/** The app at `url`, as main.tsx renders it; the router tells where the app went (`router.state.location`). */
export function renderApp({ client, url }: { client: ApolloClient; url: string }) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <ApolloProvider client={client}>
      <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
    </ApolloProvider>,
  );
  return router;
}

/** Where the app is: path and query string. */
export function currentUrl(router: ReturnType<typeof renderApp>): string {
  return `${router.state.location.pathname}${router.state.location.search}`;
}

/** A promise the test settles when it chooses, to hold the server's answer back. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
