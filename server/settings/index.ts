export { getSettings, settingsAt, updateSettings, defaultSettings } from './settings.ts';
export { optimizeParameters, MIN_REVIEWS } from './optimize.ts';
export { reschedulePreview, rescheduleCards } from './reschedule.ts';
export { restoreBackup } from './restore.ts';
