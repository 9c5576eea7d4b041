// Light/dark: follows the system until the user picks one, then remembers the choice.
export type ThemeChoice = 'light' | 'dark' | 'auto';

const KEY = 'duizhao-theme';

export function storedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'auto';
  } catch {
    return 'auto';
  }
}

export function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The theme a toggle press should switch to: always the opposite of what is shown now. */
export function nextTheme(current: ThemeChoice, prefersDark: boolean): 'light' | 'dark' {
  const shown = current === 'auto' ? (prefersDark ? 'dark' : 'light') : current;
  return shown === 'dark' ? 'light' : 'dark';
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  try {
    if (choice === 'auto') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
