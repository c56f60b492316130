/**
 * Which Git host the CMS saves to, read from environment variables at build.
 *
 * Without `CMS_BACKEND` the CMS works with the local backend only (the
 * local API of `npm start`'s dev server, cms/server/local-api.ts): right for a
 * laptop, and the admin page says so when it is opened anywhere else. A school that
 * publishes from its own Git host sets the variables in its CI
 * (docs/cms-backends.md). A wrong combination stops the build with a Russian
 * message instead of shipping an editor that cannot log in.
 */

export type BackendName = 'local' | 'gitea' | 'forgejo' | 'gitlab' | 'github';

export const BACKENDS: readonly BackendName[] = ['local', 'gitea', 'forgejo', 'gitlab', 'github'];

/** The `backend` section of the Decap config plus what else the choice implies. */
export interface BackendChoice {
  name: BackendName;
  backend: Record<string, unknown>;
  editorialWorkflow: boolean;
  /** True when the CMS can save only through the local API of `npm start`. */
  local: boolean;
}

export class CmsConfigError extends Error {
  override name = 'CmsConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|да)$/i.test(v.trim());

function need(env: Env, key: string, backend: string, example: string): string {
  const value = env[key]?.trim();
  if (!value) {
    throw new CmsConfigError(`${key} не задана: для CMS_BACKEND=${backend} укажите ${example} (см. docs/cms-backends.md)`);
  }
  return value;
}

function httpsUrl(env: Env, key: string, backend: string, example: string): string {
  const value = need(env, key, backend, example).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new CmsConfigError(`${key}: ожидается адрес вида ${example}, получено «${value}»`);
  return value;
}

function repoOf(env: Env, backend: string): string {
  const repo = need(env, 'CMS_REPO', backend, 'репозиторий в виде «школа/nastavnik»');
  if (!/^[\w.-]+(\/[\w.-]+)+$/.test(repo)) throw new CmsConfigError(`CMS_REPO: ожидается «владелец/репозиторий», получено «${repo}»`);
  return repo;
}

/** Reads the backend choice; throws CmsConfigError (Russian) on a wrong or incomplete setting. */
export function backendFromEnv(env: Env): BackendChoice {
  const raw = (env.CMS_BACKEND ?? '').trim().toLowerCase() || 'local';
  if (!BACKENDS.includes(raw as BackendName)) {
    throw new CmsConfigError(`CMS_BACKEND: допустимые значения — ${BACKENDS.join(', ')}; получено «${raw}»`);
  }
  const name = raw as BackendName;
  const editorialWorkflow = truthy(env.CMS_EDITORIAL_WORKFLOW);
  const branch = env.CMS_BRANCH?.trim() || 'main';
  const common = (extra: Record<string, unknown>) => ({ ...extra, branch, commit_messages: COMMIT_MESSAGES });

  switch (name) {
    case 'local':
      return {
        name,
        // The address (with the run's key) is known only to the dev server's admin page.
        backend: { name: 'proxy', branch },
        editorialWorkflow,
        local: true,
      };
    case 'gitea': {
      if (editorialWorkflow) {
        throw new CmsConfigError(
          'CMS_EDITORIAL_WORKFLOW=1 не работает с Gitea: модуль Decap для Gitea не поддерживает черновики. Используйте Forgejo или GitLab, либо уберите переменную',
        );
      }
      const base = httpsUrl(env, 'CMS_BASE_URL', name, 'https://git.school.ru');
      return {
        name,
        backend: common({
          name: 'gitea',
          repo: repoOf(env, name),
          base_url: base,
          api_root: env.CMS_API_ROOT?.trim() || `${base}/api/v1`,
          app_id: need(env, 'CMS_APP_ID', name, 'Client ID приложения OAuth2 из настроек Gitea'),
        }),
        editorialWorkflow,
        local: false,
      };
    }
    case 'forgejo': {
      const base = httpsUrl(env, 'CMS_BASE_URL', name, 'https://git.school.ru');
      return {
        name,
        backend: common({
          name: 'forgejo',
          repo: repoOf(env, name),
          api_root: env.CMS_API_ROOT?.trim() || `${base}/api/v1`,
          app_id: need(env, 'CMS_APP_ID', name, 'Client ID приложения OAuth2 из настроек Forgejo'),
        }),
        editorialWorkflow,
        local: false,
      };
    }
    case 'gitlab': {
      const base = httpsUrl(env, 'CMS_BASE_URL', name, 'https://gitlab.school.ru');
      return {
        name,
        backend: common({
          name: 'gitlab',
          repo: repoOf(env, name),
          auth_type: 'pkce',
          base_url: base,
          api_root: env.CMS_API_ROOT?.trim() || `${base}/api/v4`,
          auth_endpoint: env.CMS_AUTH_ENDPOINT?.trim() || 'oauth/authorize',
          app_id: need(env, 'CMS_APP_ID', name, 'Application ID приложения из настроек GitLab'),
        }),
        editorialWorkflow,
        local: false,
      };
    }
    case 'github':
      return {
        name,
        backend: common({
          name: 'github',
          repo: repoOf(env, name),
          base_url: httpsUrl(env, 'CMS_BASE_URL', name, 'https://oauth.school.ru (адрес OAuth-посредника)'),
          auth_endpoint: env.CMS_AUTH_ENDPOINT?.trim() || 'auth',
          ...(env.CMS_API_ROOT?.trim() ? { api_root: env.CMS_API_ROOT.trim() } : {}),
        }),
        editorialWorkflow,
        local: false,
      };
  }
}

/** Commit messages in Russian, so the history of the repository reads as a log of the section. */
export const COMMIT_MESSAGES = {
  create: 'Создано: {{collection}} «{{slug}}»',
  update: 'Изменено: {{collection}} «{{slug}}»',
  delete: 'Удалено: {{collection}} «{{slug}}»',
  uploadMedia: 'Загружен файл {{path}}',
  deleteMedia: 'Удалён файл {{path}}',
  openAuthoring: '{{message}}',
} as const;
