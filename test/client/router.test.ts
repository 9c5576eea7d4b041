import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../client/src/lib/router.ts';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { page: 'today' }],
    ['#', { page: 'today' }],
    ['#/', { page: 'today' }],
    ['#/today', { page: 'today' }],
    ['#/drill', { page: 'drill' }],
    ['#/drill/', { page: 'drill' }],
    ['#/drill?source=4', { page: 'drill', source: 4 }],
    ['#/drill?source=x', { page: 'drill' }],
    ['#/drill?ahead=7', { page: 'drill', ahead: 7 }],
    ['#/drill?source=4&ahead=7', { page: 'drill', source: 4, ahead: 7 }],
    ['#/import', { page: 'import' }],
    ['#/stats', { page: 'stats' }],
    ['#/settings', { page: 'settings' }],
    ['#/suspended', { page: 'suspended' }],
    ['#/suspended/3', { page: 'not-found', path: '/suspended/3' }],
    ['#/search', { page: 'search', q: '' }],
    ['#/search?q=%E7%BD%91%E7%BB%9C%20cyber', { page: 'search', q: '网络 cyber' }],
    ['#/search/2', { page: 'not-found', path: '/search/2' }],
    ['#/sources/5', { page: 'source', sourceId: 5, at: null }],
    ['#/sources/5?at=120', { page: 'source', sourceId: 5, at: 120 }],
    ['#/sources/5?at=x', { page: 'source', sourceId: 5, at: null }],
    ['#/sources', { page: 'not-found', path: '/sources' }],
    ['#/sources/x', { page: 'not-found', path: '/sources/x' }],
    ['#/sources/5/6', { page: 'not-found', path: '/sources/5/6' }],
    ['#/terms', { page: 'terms', termId: null, q: '' }],
    ['#/terms/42', { page: 'terms', termId: 42, q: '' }],
    ['#/terms?q=%E7%BD%91%E7%BB%9C', { page: 'terms', termId: null, q: '网络' }],
    ['#/terms/7?q=cyber', { page: 'terms', termId: 7, q: 'cyber' }],
    ['#/terms?source=4', { page: 'terms', termId: null, q: '', source: 4 }],
    ['#/terms?source=x', { page: 'terms', termId: null, q: '' }],
    ['#/terms/abc', { page: 'not-found', path: '/terms/abc' }],
    ['#/terms/1/2', { page: 'not-found', path: '/terms/1/2' }],
    ['#/drill/3', { page: 'not-found', path: '/drill/3' }],
    ['#/nowhere', { page: 'not-found', path: '/nowhere' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every page through routeHref', () => {
    const routes: Route[] = [
      { page: 'today' },
      { page: 'drill' },
      { page: 'drill', source: 6 },
      { page: 'drill', source: 6, ahead: 7 },
      { page: 'drill', ahead: 3 },
      { page: 'import' },
      { page: 'stats' },
      { page: 'settings' },
      { page: 'suspended' },
      { page: 'source', sourceId: 3, at: null },
      { page: 'search', q: '' },
      { page: 'search', q: '网络 & cyber?' },
      { page: 'source', sourceId: 3, at: 77 },
      { page: 'terms', termId: null, q: '' },
      { page: 'terms', termId: 12, q: '' },
      { page: 'terms', termId: null, q: '网络 生态 & more?' },
      { page: 'terms', termId: null, q: 'cyber', source: 9 },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
