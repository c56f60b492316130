/** Under astro dev the admin page turns every full reload into one Vite's client ignores. */
import { describe, expect, it, vi } from 'vitest';
import { ELSEWHERE, keepPage } from '../../cms/dev-reload.ts';

describe('keepPage', () => {
  it('points the reload at another page, which Vite’s client does not reload', () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const payload: { path?: string } = { path: '*' };
    keepPage(payload);
    expect(payload.path).toBe(ELSEWHERE);
    // Vite's rule: a path ending in .html reloads only the page with that path.
    expect(payload.path?.endsWith('.html')).toBe(true);
    expect(['/admin/index.html', '/index.html']).not.toContain(payload.path);
  });
});
