// GraphQL code generation for the web app: the committed contract (schema.graphql)
// plus the operations and fragments written in web/src give typed documents in
// web/src/gql (client preset, fragment masking on). Run with `npm run codegen`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      // Masking is done at run time by Apollo Client (dataMasking: true): components
      // read their own fragments with Apollo's useFragment, so the preset's type-only
      // masking is off and the operation types are generated masked instead.
      presetConfig: { fragmentMasking: false },
      config: {
        inlineFragmentTypes: 'mask',
        customDirectives: { apolloUnmask: true },
        // Our scalar is an ISO-8601 string on the wire.
        scalars: { DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        nonOptionalTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        strictScalars: true,
      },
    },
  },
};

export default config;
