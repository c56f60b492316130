/** The Git host chosen by environment variables, and the Russian errors of a wrong choice. */
import { describe, expect, it } from 'vitest';
import { backendFromEnv, CmsConfigError } from '../../cms/backend.ts';
import { cmsConfig } from '../../cms/config.ts';

const config = (env: Record<string, string>, localApi?: string) =>
  cmsConfig({ contentDir: 'content', backend: backendFromEnv(env), ...(localApi ? { localApi } : {}) });

describe('backendFromEnv', () => {
  it('uses the local API by default, whose address only the admin page of npm start knows', () => {
    expect(backendFromEnv({})).toMatchObject({ name: 'local', local: true, backend: { name: 'proxy', branch: 'main' } });
    expect(config({}).backend).toEqual({ name: 'proxy', branch: 'main' });
    expect(config({}, '/admin/api/k').backend).toEqual({ name: 'proxy', proxy_url: '/admin/api/k', branch: 'main' });
    expect(config({}).local_backend).toBeUndefined();
  });

  it('saves through the local API under npm start whatever Git host is set, on its branch', () => {
    const forge = { CMS_BACKEND: 'forgejo', CMS_REPO: 'a/b', CMS_BASE_URL: 'https://git.example', CMS_APP_ID: 'x', CMS_BRANCH: 'site' };
    expect(config(forge, '/admin/api/k').backend).toEqual({ name: 'proxy', proxy_url: '/admin/api/k', branch: 'site' });
  });

  it('configures Forgejo and Gitea with PKCE (app id), GitLab with PKCE, GitHub through an OAuth proxy', () => {
    const forge = { CMS_REPO: 'licey126/nastavnik', CMS_BASE_URL: 'https://git.licey126.example', CMS_APP_ID: 'abc' };
    expect(backendFromEnv({ ...forge, CMS_BACKEND: 'forgejo' }).backend).toMatchObject({
      name: 'forgejo',
      repo: 'licey126/nastavnik',
      api_root: 'https://git.licey126.example/api/v1',
      app_id: 'abc',
      branch: 'main',
    });
    expect(backendFromEnv({ ...forge, CMS_BACKEND: 'gitea', CMS_BRANCH: 'site' }).backend).toMatchObject({
      name: 'gitea',
      base_url: 'https://git.licey126.example',
      branch: 'site',
    });
    expect(backendFromEnv({ ...forge, CMS_BACKEND: 'gitlab' }).backend).toMatchObject({
      name: 'gitlab',
      auth_type: 'pkce',
      api_root: 'https://git.licey126.example/api/v4',
      auth_endpoint: 'oauth/authorize',
    });
    expect(backendFromEnv({ CMS_BACKEND: 'github', CMS_REPO: 'a/b', CMS_BASE_URL: 'https://oauth.example' }).backend).toMatchObject({
      name: 'github',
      base_url: 'https://oauth.example',
    });
    const production = config({ ...forge, CMS_BACKEND: 'forgejo' });
    expect(production.local_backend).toBeUndefined();
    expect((production.backend as { commit_messages: { create: string } }).commit_messages.create).toMatch(/^Создано/);
  });

  it('switches the editorial workflow on by CMS_EDITORIAL_WORKFLOW', () => {
    expect(config({ CMS_EDITORIAL_WORKFLOW: '1' }).publish_mode).toBe('editorial_workflow');
    expect(config({}).publish_mode).toBeUndefined();
  });

  it('refuses a wrong or incomplete setting with a Russian message naming the variable', () => {
    expect(() => backendFromEnv({ CMS_BACKEND: 'bitbucket' })).toThrow(/CMS_BACKEND: допустимые значения/);
    expect(() => backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_BASE_URL: 'https://g.example', CMS_APP_ID: 'x' })).toThrow(
      /CMS_REPO не задана/,
    );
    expect(() => backendFromEnv({ CMS_BACKEND: 'forgejo', CMS_REPO: 'a/b', CMS_BASE_URL: 'git.example', CMS_APP_ID: 'x' })).toThrow(
      /CMS_BASE_URL: ожидается адрес/,
    );
    expect(() =>
      backendFromEnv({
        CMS_BACKEND: 'gitea',
        CMS_REPO: 'a/b',
        CMS_BASE_URL: 'https://g.example',
        CMS_APP_ID: 'x',
        CMS_EDITORIAL_WORKFLOW: '1',
      }),
    ).toThrow(/Gitea не поддерживает черновики/);
    expect(() => backendFromEnv({ CMS_BACKEND: 'x' })).toThrow(CmsConfigError);
  });
});
