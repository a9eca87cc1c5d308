// The agents' web app: Apollo Client and the router around the screens.
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createApolloClient } from './apollo/client.js';
import { routes } from './app/routes.js';
import './app/app.css';

const client = createApolloClient();
const router = createBrowserRouter(routes);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      {/* Lets a navigation asked with `flushSync` apply at once: signing out leaves the screen before the cache is reset. */}
      <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
    </ApolloProvider>
  </StrictMode>,
);
