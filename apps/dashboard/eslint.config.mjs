// Type-checked lint for the dashboard (the root config ignores apps/dashboard).
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*'], message: 'Use the @/ alias.' }] }],
      'no-restricted-globals': ['error', { name: 'localStorage', message: 'Nothing of KeyGate belongs in web storage.' }, { name: 'sessionStorage', message: 'Nothing of KeyGate belongs in web storage.' }],
    },
  },
  prettier,
);
