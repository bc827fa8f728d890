/** What a share link is built from: the shopper's post and the page it points to. */
export interface SharePayload {
  /** The post's text. */
  text: string;
  /** The product page; '' when the page gave none. */
  url: string;
}

/** A network reachable by a plain link (its "share intent" URL): no SDK, no script, nothing sent before the click. */
export interface ShareNetwork {
  /** The network's id, used in the `networks` attribute (e.g. `x`, `weibo`). */
  id: string;
  /** The network's own name, as its users write it. */
  label: string;
  /** The share-intent URL for a post. */
  href(payload: SharePayload): string;
}

const q = encodeURIComponent;
/** Networks that take only a URL get the text in front of it where they accept a title, else the URL alone. */
const withUrl = (text: string, url: string): string => (url ? `${text} ${url}` : text);

/**
 * Share intents documented by each network (checked 2026-11). WeChat has no web share link
 * (it shares by QR code inside the app): on phones the Web Share sheet reaches it.
 */
export const SHARE_NETWORKS: Readonly<Record<string, ShareNetwork>> = {
  x: { id: 'x', label: 'X', href: ({ text, url }) => `https://x.com/intent/post?text=${q(text)}${url ? `&url=${q(url)}` : ''}` },
  facebook: {
    id: 'facebook',
    label: 'Facebook',
    // Facebook's sharer ignores any text: the shopper pastes it (the copy button is next to it).
    href: ({ url, text }) => `https://www.facebook.com/sharer/sharer.php?u=${q(url || text)}`,
  },
  linkedin: { id: 'linkedin', label: 'LinkedIn', href: ({ text, url }) => `https://www.linkedin.com/feed/?shareActive=true&text=${q(withUrl(text, url))}` },
  whatsapp: { id: 'whatsapp', label: 'WhatsApp', href: ({ text, url }) => `https://wa.me/?text=${q(withUrl(text, url))}` },
  telegram: { id: 'telegram', label: 'Telegram', href: ({ text, url }) => `https://t.me/share/url?url=${q(url)}&text=${q(text)}` },
  reddit: { id: 'reddit', label: 'Reddit', href: ({ text, url }) => `https://www.reddit.com/submit?title=${q(text)}${url ? `&url=${q(url)}` : ''}` },
  email: { id: 'email', label: 'Email', href: ({ text, url }) => `mailto:?body=${q(withUrl(text, url))}` },
  weibo: { id: 'weibo', label: '微博', href: ({ text, url }) => `https://service.weibo.com/share/share.php?title=${q(text)}${url ? `&url=${q(url)}` : ''}` },
  qzone: {
    id: 'qzone',
    label: 'QQ空间',
    href: ({ text, url }) => `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?summary=${q(text)}${url ? `&url=${q(url)}` : ''}`,
  },
  douban: { id: 'douban', label: '豆瓣', href: ({ text, url }) => `https://www.douban.com/share/service?text=${q(text)}${url ? `&href=${q(url)}` : ''}` },
};

/** Networks offered when the page names none, by the element's language. */
export const DEFAULT_SHARE_NETWORKS: Readonly<Record<'en' | 'zh', readonly string[]>> = {
  en: ['x', 'facebook', 'whatsapp', 'linkedin'],
  zh: ['weibo', 'qzone', 'douban'],
};

const warned = new Set<string>();

/** Resolves ids and custom networks to networks; unknown ids are skipped with a warning (a typo must not break the page). */
export function resolveNetworks(list: readonly (string | ShareNetwork)[]): ShareNetwork[] {
  const found: ShareNetwork[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string') found.push(entry);
    else if (SHARE_NETWORKS[entry]) found.push(SHARE_NETWORKS[entry]);
    else if (!warned.has(entry)) {
      warned.add(entry);
      console.warn(`[cowrite] <cw-share-post>: unknown share network "${entry}".`);
    }
  }
  return found;
}
