export { getSettings, settingsAt, updateSettings, defaultSettings } from './settings.ts';
