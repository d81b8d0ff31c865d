// Lint: typescript-eslint's recommended rules plus the workspace's module boundaries.
import tseslint from 'typescript-eslint';
import boundaries from './tools/eslint-rules/src/boundaries.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'apps/admin/public/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    plugins: { ds: { rules: { boundaries } } },
    rules: {
      'ds/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
);
