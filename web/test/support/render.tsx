// Renders a component tree as the app does: Apollo provider and a router.
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';

export function renderWithApp(ui: ReactElement, { client, url = '/' }: { client: ApolloClient; url?: string }) {
  return render(
    <ApolloProvider client={client}>
      <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
    </ApolloProvider>,
  );
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
