// Type-aware lint plus the layer rules of DESIGN.md §2: each layer imports only downward.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (message, ...names) => ({ regex: `(^|/)(${names.join('|')})(/|$)`, message });
const noElectron = { name: 'electron', message: 'Hanya src-main/app/main.ts dan preload yang boleh memakai Electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'native/**', 'node_modules/**', 'bench/.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src-main/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            layer(
              'contract adalah lapisan terbawah: hanya zod dan dirinya sendiri.',
              'domain',
              'db',
              'services',
              'ipc',
              'http',
              'print',
              'app',
              'preload',
            ),
            { regex: '^node:', message: 'contract dipakai renderer: tanpa Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [layer('domain hanya boleh memakai contract.', 'db', 'services', 'ipc', 'http', 'print', 'app', 'preload')],
        },
      ],
    },
  },
  {
    files: ['src-main/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [layer('db tidak boleh memakai services, transport atau app.', 'services', 'ipc', 'http', 'print', 'app', 'preload')],
        },
      ],
    },
  },
  {
    files: ['src-main/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'hono', message: 'services tidak mengenal transport.' }],
          patterns: [layer('services tidak boleh memakai transport, print atau app.', 'ipc', 'http', 'print', 'app', 'preload')],
        },
      ],
    },
  },
  {
    files: ['src-main/ipc/**', 'src-main/http/**', 'src-main/print/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [layer('transport tidak boleh memakai app.', 'app', 'preload')] }],
    },
  },
  {
    files: ['src-main/app/**'],
    ignores: ['src-main/app/main.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, { name: 'electron-store', message: 'electron-store hanya di main.ts.' }] }] },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { regex: 'src-main/(?!contract(/|$))', message: 'Renderer hanya boleh memakai src-main/contract.' },
            { regex: '^node:', message: 'Renderer berjalan di peramban: tanpa Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.js', '.ci/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
