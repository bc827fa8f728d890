/**
 * Runs `action` once the pointer press under way (if any) is released. Pressing a button elsewhere
 * blurs the editor before the press becomes a click; dismissing ghost text that spans lines at that
 * moment moves the page under the pointer and the click lands nowhere (a "Post review" that does
 * nothing). Waiting for the release — plus one task, so the click is dispatched first — avoids that.
 */
let pressing = false;
let listening = false;

function listen(): void {
  if (listening || typeof addEventListener !== 'function') return;
  listening = true;
  addEventListener('pointerdown', () => (pressing = true), { capture: true, passive: true });
  const release = (): void => {
    pressing = false;
  };
  addEventListener('pointerup', release, { capture: true, passive: true });
  addEventListener('pointercancel', release, { capture: true, passive: true });
}

export function afterPress(action: () => void): void {
  listen();
  if (!pressing) {
    action();
    return;
  }
  addEventListener('pointerup', () => setTimeout(action, 0), { once: true, capture: true });
}

/** Starts tracking presses (call when an editor connects, so the first press is seen). */
export function trackPresses(): void {
  listen();
}
