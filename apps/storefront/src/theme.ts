/**
 * The demo's light and dark modes. Without a choice the page follows the OS (`color-scheme:
 * light dark` in styles.css); the toggle pins one with `data-theme`, and the widgets follow the
 * page's `color-scheme` either way.
 */
export type DemoTheme = 'light' | 'dark';

const storageKey = 'cowrite-demo:theme';
const osDark = () => matchMedia('(prefers-color-scheme: dark)').matches;

function saved(): DemoTheme | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function currentTheme(): DemoTheme {
  const pinned = document.documentElement.dataset.theme;
  return pinned === 'light' || pinned === 'dark' ? pinned : osDark() ? 'dark' : 'light';
}

/** Wires the toggle button (`aria-pressed` = dark) and applies an earlier choice. */
export function setUpThemeToggle(button: HTMLButtonElement): void {
  const choice = saved();
  if (choice) document.documentElement.dataset.theme = choice;
  const show = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  show();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
  button.addEventListener('click', () => {
    const next: DemoTheme = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Storage blocked: the choice lasts for this visit.
    }
    show();
  });
}
