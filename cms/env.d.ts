/** Types of the modules only the CMS imports. */
declare module 'virtual:nastavnik/cms' {
  /** URL of the CMS bundle's entry script (built first under `astro dev` when the sources changed). */
  export const cmsScript: () => Promise<string>;
  /** The dev-only script that keeps the page from reloading, or null in a build. */
  export const devScript: string | null;
}

declare module 'decap-cms-locales/dist/esm/ru/index.js' {
  type Phrases = { [key: string]: string | Phrases };
  const phrases: Phrases;
  export default phrases;
}
