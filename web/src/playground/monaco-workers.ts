// Monaco's web workers for the playground, registered from our own source:
// graphiql's `setup-workers/vite` import breaks the Vite 8 dev server, while the
// same `?worker` imports written here are bundled by Vite in dev and build alike.
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

interface MonacoEnvironmentHost {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
}

(globalThis as MonacoEnvironmentHost).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};
