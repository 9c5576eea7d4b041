export { getSettings, updateSettings, defaultSettings } from './settings.ts';
