/** Types of the modules only the CMS imports. */
declare module 'virtual:nastavnik/cms' {
  /** URL of the CMS bundle's entry script (built first under `astro dev` when the sources changed). */
  export const cmsScript: () => Promise<string>;
  /** The dev-only script that keeps the page from reloading, or null in a build. */
  export const devScript: string | null;
  /** The local API's address with this run's key (cms/server/api-key.ts) under `astro dev`; undefined in a build. */
  export const localApiPath: () => string | undefined;
}

declare module 'decap-cms-locales/dist/esm/ru/index.js' {
  type Phrases = { [key: string]: string | Phrases };
  const phrases: Phrases;
  export default phrases;
}

/** The parts of Decap's core the registry read uses (cms/decap-entries.ts). */
declare module 'decap-cms-core/dist/esm/redux/index.js' {
  interface DecapState {
    config: unknown;
    collections: { get(name: string): unknown };
  }
  export const store: { getState(): DecapState };
}

declare module 'decap-cms-core/dist/esm/backend.js' {
  interface DecapEntry {
    slug: string;
    path: string;
    data: Record<string, unknown> | null;
  }
  export function currentBackend(config: unknown): { listAllEntries(collection: unknown): Promise<DecapEntry[]> };
}
