// The GraphQL playground at /graphiql (and on a browser's GET /graphql): GraphiQL from
// our own build, so it works with no internet, opened on one example per operation.
// The server shows it to signed-in browsers only; its requests carry the session
// cookie and CSRF header, so it runs as the signed-in user, or as a token pasted in
// the headers editor (`Authorization: Token …`), sent as given. Subscriptions go over
// the WebSocket at /graphql (graphql-ws), as the signed-in user.
import './monaco-workers.js';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './playground.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from 'graphql-ws';
import { fetchWithSession } from '../apollo/csrf.js';
import { liveUrl } from '../apollo/live-connection.js';
import { EXAMPLE_TABS } from './examples.js';

const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.origin).toString(),
  fetch: fetchWithSession,
  wsClient: createClient({ url: liveUrl(window.location), lazy: true }),
});

const tabs = EXAMPLE_TABS.map((tab) => ({
  query: tab.query,
  variables: tab.variables ? JSON.stringify(tab.variables, null, 2) : null,
}));

// GraphiQL fills the variables editor of the first tab from `initialVariables`, not
// from `defaultTabs`; give it the first example's only on a first visit, so that
// later visits keep what the integrator left in the tabs (saved in localStorage).
const firstVisit = window.localStorage.getItem('graphiql:tabState') === null;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={tabs}
      {...(firstVisit ? { initialQuery: tabs[0]?.query ?? '', initialVariables: tabs[0]?.variables ?? '' } : {})}
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
