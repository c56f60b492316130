/**
 * Reads a V8 CPU profile of a build (`node --cpu-prof`) into the functions
 * where the time goes: inclusive time (the function and everything it
 * calls, each function counted once per sample however deep it recurses)
 * and self time. The build's step breakdown says which step is slow; this
 * says which function in it.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** Source file or bundled chunk, relative to the project; `node:fs`-style for built-ins. */
  file: string;
  line: number;
  inclusiveMs: number;
  selfMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: HotFunction[];
}

/** Frames that are not a place to optimise: the idle loop, the collector, V8 itself. */
const META = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

export function shortFile(url: string, root: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(`${root}/`, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\.prerender\//, 'dist/.prerender/');
}

/** Every function's inclusive and self time, heaviest first. */
export function summariseProfile(profile: CpuProfile, root: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stats = new Map<string, HotFunction>();
  const statOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(анонимная)';
    const file = url ? shortFile(url, root) : '';
    const key = `${name}\0${file}\0${lineNumber}`;
    let s = stats.get(key);
    if (!s) stats.set(key, (s = { name, file, line: lineNumber + 1, inclusiveMs: 0, selfMs: 0 }));
    return s;
  };
  let totalMs = 0;
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const leaf = byId.get(sample);
    if (!leaf) return;
    statOf(leaf).selfMs += ms;
    const seen = new Set<HotFunction>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const s = statOf(byId.get(id)!);
      if (!seen.has(s)) {
        seen.add(s);
        s.inclusiveMs += ms;
      }
    }
  });
  const functions = [...stats.values()].filter((f) => !META.has(f.name)).sort((a, b) => b.inclusiveMs - a.inclusiveMs);
  return { totalMs, functions };
}

/**
 * The functions worth looking at: the project's own code (its sources and
 * the chunks Astro bundles them into) and the libraries it calls, without
 * Astro's and Node's plumbing that merely sits above them on every stack.
 */
export function hotSpots(summary: ProfileSummary, count: number): HotFunction[] {
  const plumbing = /^(astro\/|vite\/|rolldown|node:internal|node:internal\/|@astrojs\/)|jsx-runtime_|astro-component_|prerender-entry|^$/;
  return summary.functions.filter((f) => !plumbing.test(f.file) && f.name !== '(анонимная)').slice(0, count);
}
