// Type-checked lint for the backend, libraries and tests; the dashboard has its own config.
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/dashboard/**', 'libs/api-client/**', '**/*.js', '**/*.mjs', 'helm/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*'], message: 'Use a path alias (@api/*, @keygate/*).' }] }],
    },
  },
  {
    files: ['apps/vendor-sim/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@api/*', '@keygate/provisioners', '**/apps/api/**', '**/libs/provisioners/**'], message: 'The simulator is the vendor: it shares no code with KeyGate.' },
        { group: ['../../*'], message: 'Use the @sim/* alias.' },
      ] }],
    },
  },
  {
    // Jest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any` by design.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  prettier,
);
