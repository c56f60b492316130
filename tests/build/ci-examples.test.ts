/**
 * The CI examples in docs/ci/ do what the README promises: a withheld entry
 * (validate exits 3) does not stop the deploy that takes it off the live
 * site, a broken site (exit 1) does; a daily schedule runs the build; the
 * build caches survive `npm ci`, every cache the warm build reads is kept,
 * and only the build writes them back; the deploy switches releases atomically.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const read = (name: string) => parse(fs.readFileSync(path.join(ROOT, 'docs/ci', name), 'utf8')) as Record<string, unknown>;

interface Step {
  name?: string;
  run?: string;
}

/** Runs a shell step with a stand-in `npm` that exits with `code` for `npm run validate`. */
function runStep(script: string, code: number): number {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'nastavnik-ci-'));
  try {
    fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\n[ "$2" = validate ] && exit ${code}\nexit 0\n`, { mode: 0o755 });
    execFileSync('bash', ['-e', '-c', script], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, stdio: 'ignore' });
    return 0;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
}

describe('Forgejo Actions example', () => {
  const wf = read('forgejo-build.yml');
  const steps = (wf.jobs as Record<string, { steps?: Step[] } | undefined>).build?.steps ?? [];
  const validate = steps.find((s) => s.run?.includes('npm run validate'))!;

  it('publishes when entries are only withheld (3) and stops when the site is broken (1)', () => {
    expect(runStep(validate.run!, 0)).toBe(0);
    expect(runStep(validate.run!, 3)).toBe(0);
    expect(runStep(validate.run!, 1)).toBe(1);
  });

  it('builds every day on a schedule, keeps the build caches, deploys with deploy.sh', () => {
    expect((wf.on as { schedule?: { cron: string }[] }).schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const cache = steps.find((s) => JSON.stringify(s).includes('actions/cache'));
    expect(JSON.stringify(cache)).toContain('.cache/nastavnik');
    expect(steps.map((s) => s.run ?? '').join('\n')).toMatch(/docs\/deploy\/deploy\.sh dist/);
    expect(steps.map((s) => s.run ?? '').join('\n')).not.toMatch(/rsync[^\n]*--delete[^\n]*DEPLOY_PATH/);
  });

  it('restores the folder the build keeps its caches in, before the build', () => {
    const job = (wf.jobs as Record<string, { env?: Record<string, string> }>).build!;
    const cacheDir = job.env?.NASTAVNIK_CACHE_DIR ?? '';
    const cacheIndex = steps.findIndex((s) => JSON.stringify(s).includes('actions/cache'));
    const cached = ((steps[cacheIndex] as { with?: { path?: string } }).with?.path ?? '').split('\n').map((p) => p.trim());
    expect(cacheDir.replace('${{ github.workspace }}/', '')).toBe('.cache/nastavnik');
    expect(cached).toContain('.cache/nastavnik');
    expect(cacheIndex).toBeLessThan(steps.findIndex((s) => s.run?.includes('npm run build')));
  });
});

describe('GitLab CI example', () => {
  const ci = read('gitlab-ci.yml');
  const job = (name: string) => ci[name] as { script: string[]; rules?: { if: string }[]; allow_failure?: { exit_codes: number[] } };

  it('reports withheld entries as a warning and never lets validate stop the build', () => {
    expect(job('privacy').allow_failure?.exit_codes).toEqual([3]);
    expect(job('build').script).not.toContain('npm run validate');
    expect(job('build').script).toContain('npm run build');
  });

  it('builds on a schedule and keeps the build caches outside node_modules', () => {
    expect(job('build').rules?.some((r) => r.if.includes('"schedule"'))).toBe(true);
    expect((ci.cache as { paths: string[] }).paths).toContain('.cache/nastavnik/');
    expect((ci.variables as Record<string, string>).NASTAVNIK_CACHE_DIR).toContain('.cache/nastavnik');
  });

  it('gives the build job the build caches and lets no other job write them back', () => {
    interface Cache {
      key?: string;
      paths?: string[];
      policy?: string;
    }
    const jobs = Object.entries(ci).filter(([, v]) => typeof v === 'object' && v !== null && 'script' in v) as [
      string,
      { script: string[]; cache?: Cache | Cache[] },
    ][];
    const cachesOf = (job: { cache?: Cache | Cache[] }): Cache[] => {
      const c = job.cache ?? (ci.cache as Cache | Cache[] | undefined) ?? [];
      return Array.isArray(c) ? c : [c];
    };
    const buildCaches = (job: { cache?: Cache | Cache[] }) => cachesOf(job).filter((c) => c.paths?.includes('.cache/nastavnik/'));
    const builders = jobs.filter(([, j]) => j.script.includes('npm run build'));
    expect(builders.map(([name]) => name)).toEqual(['build']);
    for (const [, job] of builders) {
      expect(buildCaches(job)).toHaveLength(1);
      expect(buildCaches(job)[0]!.policy ?? 'pull-push').toBe('pull-push');
    }
    // A job that runs before or beside the build and uploads what it restored would replace the build's fresh caches with older ones.
    for (const [name, job] of jobs.filter(([, j]) => !j.script.includes('npm run build'))) {
      for (const c of buildCaches(job)) expect(c.policy, name).toBe('pull');
    }
  });
});
