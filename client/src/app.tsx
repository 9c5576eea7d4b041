import { useEffect, useState } from 'preact/hooks';
import { parseRoute, routeHref, applyTheme, isTypingIn, nextTheme, storedTheme, systemDark, type Route, type ThemeChoice } from './lib/index.ts';
import { Shortcuts } from './components/shortcuts.tsx';
import { TodayPage } from './pages/today.tsx';
import { DrillPage } from './pages/drill.tsx';
import { TermsPage } from './pages/terms.tsx';
import { ImportPage } from './pages/import.tsx';
import { StatsPage } from './pages/stats.tsx';
import { SuspendedPage } from './pages/suspended.tsx';
import { SourcePage } from './pages/source.tsx';
import { SearchPage } from './pages/search.tsx';
import { SettingsPage } from './pages/settings.tsx';

function useRoute(): Route {
  const [route, setRoute] = useState(() => {
    // The server answers any path with the app: /terms/12 becomes #/terms/12.
    if (!location.hash && location.pathname !== '/') history.replaceState(null, '', '/' + location.search + '#' + location.pathname);
    return parseRoute(location.hash);
  });
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

const NAV: { page: Route['page']; label: string; zh: string }[] = [
  { page: 'today', label: 'Today', zh: '今日' },
  { page: 'drill', label: 'Drill', zh: '练习' },
  { page: 'terms', label: 'Terms', zh: '术语' },
  { page: 'import', label: 'Import', zh: '导入' },
  { page: 'stats', label: 'Stats', zh: '统计' },
];

export function App() {
  const route = useRoute();
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  // Choosing the page one is on starts it afresh (a new import, a reloaded drill).
  const [fresh, setFresh] = useState(0);
  // "?" outside a text box lists every keyboard shortcut.
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTypingIn(e.target)) return;
      e.preventDefault();
      setHelp(true);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const titles: Record<Route['page'], string> = { today: 'Today', drill: 'Drill', terms: 'Terms', import: 'Import', stats: 'Stats', settings: 'Settings', suspended: 'Suspended cards', source: 'Source', search: 'Search the texts', 'not-found': 'Not found' };
    document.title = `${titles[route.page]} · duizhao 对照`;
    // Page changes move focus to the main region so keyboard and screen-reader users start at the content.
    if (route.page !== 'drill') document.getElementById('main')?.focus({ preventScroll: true });
    scrollTo(0, 0);
  }, [route.page]);

  // The toggle's icon follows the system theme while the user has not chosen one.
  const [prefersDark, setPrefersDark] = useState(systemDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setPrefersDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  const toggleTheme = () => {
    const next = nextTheme(theme, prefersDark);
    applyTheme(next);
    setTheme(next);
  };
  const shownDark = theme === 'dark' || (theme === 'auto' && prefersDark);

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="#/" aria-label="duizhao, today">
          <span lang="zh-CN" class="zh">对照</span>
          <span class="brand-latin">duizhao</span>
        </a>
        <nav aria-label="Pages">
          {NAV.map((n) => (
            <a
              key={n.page}
              href={routeHref(n.page === 'terms' ? { page: 'terms', termId: null, q: '' } : ({ page: n.page } as Route))}
              aria-current={route.page === n.page ? 'page' : undefined}
              onClick={() => route.page === n.page && setFresh((f) => f + 1)}
            >
              {n.label}
            </a>
          ))}
        </nav>
        <a class="icon-button settings-link" href="#/settings" aria-label="Settings" title="Settings" aria-current={route.page === 'settings' ? 'page' : undefined}>
          ⚙
        </a>
        <button
          type="button"
          class="icon-button theme-toggle"
          onClick={toggleTheme}
          aria-label={shownDark ? 'Switch to light theme' : 'Switch to dark theme'}
          title={shownDark ? 'Light theme' : 'Dark theme'}
        >
          {shownDark ? '☀' : '☾'}
        </button>
      </header>
      {help && <Shortcuts onClose={() => setHelp(false)} />}
      <main id="main" tabIndex={-1} key={fresh}>
        {route.page === 'today' && <TodayPage />}
        {route.page === 'drill' && <DrillPage key={`${route.source ?? 'all'}:${route.ahead ?? 0}`} source={route.source} ahead={route.ahead} />}
        {route.page === 'terms' && <TermsPage key={route.source ?? 'all'} termId={route.termId} q={route.q} source={route.source} />}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'stats' && <StatsPage />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'suspended' && <SuspendedPage />}
        {route.page === 'search' && <SearchPage q={route.q} />}
        {route.page === 'source' && <SourcePage key={`${route.sourceId}:${route.at}`} sourceId={route.sourceId} at={route.at} />}
        {route.page === 'not-found' && (
          <section class="empty">
            <h1>Nothing here</h1>
            <p>
              There is no page at <code>{route.path}</code>. <a href="#/">Go to Today</a>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}
