// Lint rules for every workspace. Generated code and build output are excluded.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'web/src/gql/**', '.data/**', 'bench/results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': 'off',
    },
  },
  {
    // The web app: React's rules of hooks and the React Compiler's checks. Its warnings
    // are errors here, since `eslint .` in CI fails only on errors.
    files: ['web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: Object.fromEntries(Object.keys(reactHooks.configs.flat.recommended.rules).map((rule) => [rule, 'error'])),
  },
  {
    // House style: only pages (`*Page.tsx`) run queries; components read fragments, and
    // mutations and on-demand queries live in `use-*.ts` hooks.
    files: ['web/src/**/*.tsx'],
    ignores: ['web/src/**/*Page.tsx', 'web/src/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@apollo/client/react',
              importNames: [
                'useApolloClient',
                'useQuery',
                'useLazyQuery',
                'useSuspenseQuery',
                'useBackgroundQuery',
                'useLoadableQuery',
                'useMutation',
              ],
              message: 'Only pages run queries; put the operation in a use-*.ts hook (CONVENTIONS.md, 9).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read loosely-typed JSON responses; product code may not use `any`.
    files: ['**/test/**', '**/*.test.{ts,tsx}', '**/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
