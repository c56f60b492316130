/**
 * The address the site is built for: `SITE_URL` when it is set (the build's
 * `site` in astro.config.mjs), the settings' `siteUrl` otherwise. Consents to
 * dissemination are checked against this address, the one pages appear at.
 * Pure, for the privacy review that also runs in the editor's browser, where
 * there is no environment and the settings decide.
 */
import type { SiteSettings } from '../schema/settings.ts';

export function siteAddress(settings: Pick<SiteSettings, 'siteUrl'>): string {
  return globalThis.process?.env?.SITE_URL ?? settings.siteUrl;
}
