import { describe, expect, it } from 'vitest';
import { hotSpots, summariseProfile, type CpuProfile } from '../../bench/profile.ts';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

/** root → render → published → fingerprint (recursive) → statSync; render → typo. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 7] },
    { id: 2, callFrame: frame('render', 'file:///p/node_modules/astro/dist/runtime.js'), children: [3, 6] },
    { id: 3, callFrame: frame('published', 'file:///p/dist/.prerender/chunks/entries_X.mjs', 9), children: [4] },
    { id: 4, callFrame: frame('fingerprint', 'file:///p/src/privacy/gate.ts', 21), children: [5, 8] },
    { id: 5, callFrame: frame('statSync', 'node:fs', 1723) },
    { id: 6, callFrame: frame('typo', 'file:///p/src/lib/typography.ts', 4) },
    { id: 7, callFrame: frame('(garbage collector)', '') },
    { id: 8, callFrame: frame('fingerprint', 'file:///p/src/privacy/gate.ts', 21), children: [9] },
    { id: 9, callFrame: frame('statSync', 'node:fs', 1723) },
  ],
  samples: [5, 5, 9, 6, 7, 4, 3],
  timeDeltas: [1000, 1000, 1000, 2000, 500, 500, 250],
};

describe('CPU profile', () => {
  it('adds each sample to every function on its stack once, recursion included', () => {
    const s = summariseProfile(PROFILE, '/p');
    expect(s.totalMs).toBe(6.25);
    const get = (name: string) => s.functions.find((f) => f.name === name)!;
    expect(get('fingerprint')).toMatchObject({ file: 'src/privacy/gate.ts', line: 22, inclusiveMs: 3.5, selfMs: 0.5 });
    expect(get('statSync')).toMatchObject({ file: 'node:fs', inclusiveMs: 3, selfMs: 3 });
    expect(get('published')).toMatchObject({ file: 'dist/.prerender/chunks/entries_X.mjs', inclusiveMs: 3.75, selfMs: 0.25 });
    expect(get('render').inclusiveMs).toBe(5.75);
    expect(s.functions.some((f) => f.name === '(garbage collector)')).toBe(false);
  });

  it('lists the project’s and libraries’ functions without Astro’s plumbing', () => {
    const names = hotSpots(summariseProfile(PROFILE, '/p'), 10).map((f) => f.name);
    expect(names).toEqual(['published', 'fingerprint', 'statSync', 'typo']);
  });
});
