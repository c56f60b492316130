/**
 * Share links for the networks Russian schools publish in — VK, Telegram,
 * Odnoklassniki — and e-mail. Plain links to each network's own share page:
 * no widget scripts, no counters, no cookies on our pages.
 */
import { info } from '../i18n/ru.ts';

export type ShareTarget = keyof typeof info.shareNetworks;

export interface ShareLink {
  target: ShareTarget;
  label: string;
  href: string;
}

/** The share links of a page, in the order they are shown. */
export function shareLinks(pageUrl: string, title: string): ShareLink[] {
  const u = encodeURIComponent(pageUrl);
  const t = encodeURIComponent(title);
  const hrefs: Record<ShareTarget, string> = {
    vk: `https://vk.com/share.php?url=${u}&title=${t}`,
    telegram: `https://t.me/share/url?url=${u}&text=${t}`,
    ok: `https://connect.ok.ru/offer?url=${u}&title=${t}`,
    email: `mailto:?subject=${t}&body=${u}`,
  };
  return (Object.keys(hrefs) as ShareTarget[]).map((target) => ({ target, label: info.shareNetworks[target], href: hrefs[target] }));
}
