/**
 * Quality bars on the built demo site: valid HTML (Nu Html Checker) and no
 * broken internal link, anchor or asset.
 */
import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../src/checks/html-check.ts';
import { checkLinks } from '../../src/checks/link-check.ts';
import { testDist } from '../helpers/paths.ts';

describe('built site quality', () => {
  it('has valid HTML on every page (vnu: 0 errors)', { timeout: 240_000 }, async () => {
    expect(await checkHtml(testDist())).toEqual([]);
  });

  it('has no broken internal link, anchor or asset', () => {
    expect(checkLinks(testDist())).toEqual([]);
  });
});
