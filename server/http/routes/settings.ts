import { Hono } from 'hono';
import { getSettings, optimizeParameters, rescheduleCards, reschedulePreview, updateSettings } from '../../settings/index.ts';
import type { Deps } from '../deps.ts';
import { requireJson, settingsPatchSchema, valid } from '../validation.ts';

export function settingsRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/', (c) => c.json(getSettings(db)))
    .put('/', requireJson, valid('json', settingsPatchSchema), (c) => {
      const { cardKinds, ...rest } = c.req.valid('json');
      // A client may send only the card kinds it changes; the service stores the whole set.
      const patch = cardKinds ? { ...rest, cardKinds: { ...getSettings(db).cardKinds, ...cardKinds } } : rest;
      return c.json(updateSettings(db, patch, now()));
    })
    // Parameters fitted to the review history, returned for the user to take or leave.
    .post('/optimize', async (c) => c.json(await optimizeParameters(db)))
    // Due dates brought to the settings in use: what would move, then moving them.
    .get('/reschedule', (c) => c.json(reschedulePreview(db, now())))
    .post('/reschedule', (c) => c.json(rescheduleCards(db, now())));
}
