// The GraphQL playground at /graphiql (and on a browser's GET /graphql): GraphiQL from
// our own build, so it works with no internet, opened on one example per operation.
// The server shows it to signed-in browsers only; its requests carry the session
// cookie and CSRF header, so it runs as the signed-in user, or as a token pasted in
// the headers editor (`Authorization: Token …`), sent as given.
import './monaco-workers.js';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './playground.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchWithSession } from '../apollo/csrf.js';
import { EXAMPLE_TABS } from './examples.js';

// Subscriptions over WebSocket at the same path: the session cookie goes with the
// upgrade, or the headers editor's Authorization in connection_init.
const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.origin).toString(),
  subscriptionUrl: new URL('/graphql', window.location.origin.replace(/^http/, 'ws')).toString(),
  fetch: fetchWithSession,
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
