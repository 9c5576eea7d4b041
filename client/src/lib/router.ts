// A hash router: the app works behind any static server and a reload keeps the page.
export type Route =
  | { page: 'today' }
  | { page: 'drill'; /** A drill of this source's cards alone. */ source?: number; /** Reviews due this many days later too. */ ahead?: number }
  | { page: 'terms'; termId: number | null; q: string; /** The terms of one source only. */ source?: number }
  | { page: 'import' }
  | { page: 'stats' }
  | { page: 'settings' }
  | { page: 'suspended' }
  | { page: 'source'; sourceId: number; at: number | null }
  | { page: 'search'; q: string }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const parts = pathPart.split('/').filter(Boolean);
  const query = new URLSearchParams(queryPart);
  const [head, arg] = parts;
  if (parts.length === 0 || (head === 'today' && !arg)) return { page: 'today' };
  if (head === 'drill' && !arg) {
    const source = query.get('source');
    const ahead = query.get('ahead');
    return {
      page: 'drill',
      ...(source && /^\d+$/.test(source) ? { source: Number(source) } : {}),
      ...(ahead && /^\d+$/.test(ahead) ? { ahead: Number(ahead) } : {}),
    };
  }
  if (head === 'import' && !arg) return { page: 'import' };
  if (head === 'stats' && !arg) return { page: 'stats' };
  if (head === 'settings' && !arg) return { page: 'settings' };
  if (head === 'suspended' && !arg) return { page: 'suspended' };
  if (head === 'sources' && arg !== undefined && /^\d+$/.test(arg) && parts.length === 2) {
    const at = query.get('at');
    return { page: 'source', sourceId: Number(arg), at: at && /^\d+$/.test(at) ? Number(at) : null };
  }
  if (head === 'search' && !arg) return { page: 'search', q: query.get('q') ?? '' };
  if (head === 'terms') {
    const q = query.get('q') ?? '';
    const source = query.get('source');
    if (arg === undefined) return source && /^\d+$/.test(source) ? { page: 'terms', termId: null, q, source: Number(source) } : { page: 'terms', termId: null, q };
    if (/^\d+$/.test(arg) && parts.length === 2) return { page: 'terms', termId: Number(arg), q };
  }
  return { page: 'not-found', path: '/' + parts.join('/') };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'today':
      return '#/';
    case 'terms': {
      const base = route.termId === null ? '#/terms' : `#/terms/${route.termId}`;
      const params = new URLSearchParams();
      if (route.q) params.set('q', route.q);
      if (route.source !== undefined) params.set('source', String(route.source));
      const query = params.toString().replace(/\+/g, '%20');
      return query ? `${base}?${query}` : base;
    }
    case 'search':
      return route.q ? `#/search?q=${encodeURIComponent(route.q)}` : '#/search';
    case 'source':
      return `#/sources/${route.sourceId}${route.at === null ? '' : `?at=${route.at}`}`;
    case 'drill': {
      const params = new URLSearchParams();
      if (route.source !== undefined) params.set('source', String(route.source));
      if (route.ahead !== undefined) params.set('ahead', String(route.ahead));
      const query = params.toString();
      return query ? `#/drill?${query}` : '#/drill';
    }
    case 'not-found':
      return '#' + route.path;
    default:
      return `#/${route.page}`;
  }
}
