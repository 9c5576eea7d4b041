// The only place that writes SQL. Services import the aggregate modules they need from here.
export { openDatabase, migrate, latestMigration, inTransaction, contentVersion, externalVersion, readVersions, sameVersions, versionKey, type Versions, type Db } from './db.ts';
export * as sourcesStore from './sources.ts';
export * as segmentsStore from './segments.ts';
export * as termsStore from './terms.ts';
export * as cardsStore from './cards.ts';
export * as reviewsStore from './reviews.ts';
export { autoBackup, backupName, backupTo, backupsDir, listBackups, replaceContent, type BackupFile } from './backup.ts';
