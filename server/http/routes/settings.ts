import { Hono } from 'hono';
import { getSettings, optimizeParameters, updateSettings } from '../../settings/index.ts';
import type { Deps } from '../deps.ts';
import { requireJson, settingsPatchSchema, valid } from '../validation.ts';

export function settingsRoutes({ db }: Deps) {
  return new Hono()
    .get('/', (c) => c.json(getSettings(db)))
    .put('/', requireJson, valid('json', settingsPatchSchema), (c) => {
      const { cardKinds, ...rest } = c.req.valid('json');
      // A client may send only the card kinds it changes; the service stores the whole set.
      const patch = cardKinds ? { ...rest, cardKinds: { ...getSettings(db).cardKinds, ...cardKinds } } : rest;
      return c.json(updateSettings(db, patch));
    })
    // Parameters fitted to the review history, returned for the user to take or leave.
    .post('/optimize', async (c) => c.json(await optimizeParameters(db)));
}
