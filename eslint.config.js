// @ts-check
/**
 * Lint rules. Besides the usual TypeScript and Astro checks, one rule is a
 * privacy guarantee: pages, components, layouts and the page data layer may
 * not import the people registry. They get public descriptors from
 * src/privacy/public.ts, which decides what a consent allows.
 */
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

const registryImports = {
  patterns: [
    {
      group: ['**/privacy/registry', '**/privacy/registry.ts', '**/content/registry/**', '**/schema/registry', '**/schema/registry.ts'],
      message: 'Реестр участников (персональные данные) доступен только модулям src/privacy/. Используйте src/privacy/public.ts.',
    },
  ],
};

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.cache/', 'node_modules/', 'private/', 'public/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**', 'src/data/**', 'src/i18n/**'],
    rules: { 'no-restricted-imports': ['error', registryImports] },
  },
);
