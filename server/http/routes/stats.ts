import { Hono } from 'hono';
import { getStats } from '../../stats/index.ts';
import type { Deps } from '../deps.ts';

export function statsRoutes({ db, now }: Deps) {
  return new Hono().get('/', (c) => c.json(getStats(db, now())));
}
