import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Libraries only the viewer loads.
const VIEWER_PACKAGES = ['react', 'react-dom', 'react/*', 'react-dom/*', 'maplibre-gl', 'maplibre-gl/*', '@codegouvfr/*'];

export default tseslint.config(
  { ignores: ['dist/', 'public/', 'node_modules/', 'test-artifacts/', 'build-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // src/lib/ is the code shared by the build and the viewer: it imports only itself.
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '../**'], message: 'src/lib/ is shared by the build and the viewer: import only from src/lib/.' },
            { group: VIEWER_PACKAGES, message: 'src/lib/ is shared with the build: no viewer library.' },
          ],
        },
      ],
    },
  },
  // The build imports the shared code of src/lib/, never the viewer.
  {
    files: ['scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**', '!**/src/lib', '!**/src/lib/**'], message: 'scripts/ may import src/lib/ only, never viewer code.' },
            { group: VIEWER_PACKAGES, message: 'scripts/ run in Node: no viewer library.' },
          ],
        },
      ],
    },
  },
);
