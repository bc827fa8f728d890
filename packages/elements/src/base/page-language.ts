/**
 * Elements read their language from the closest `lang` at render time. A page that switches
 * language by changing `<html lang>` (a language menu) must see every widget follow at once:
 * one observer for the whole page tells each element to render again.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

export function watchPageLanguage(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const each of [...listeners]) each();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
