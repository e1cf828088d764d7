import { api } from './client';

/** The newest backup in the backups folder. */
export interface LastBackup {
  file: string;
  createdAt: string;
  bytes: number;
}

/** GET /api/backups: the nightly backup's settings and state. */
export interface BackupStatus {
  enabled: boolean;
  /** Server-local HH:MM of the nightly run. */
  at: string;
  keepDaily: number;
  keepWeekly: number;
  /** The folder on the server's disk. */
  folder: string;
  last: LastBackup | null;
  /** When the next one runs; null when nightly backups are off. */
  next: string | null;
  /** The last failure since the server started, until a backup succeeds. */
  lastError: string | null;
  running: boolean;
}

export function getBackups(): Promise<BackupStatus> {
  return api.get('/api/backups');
}

/** Starts a backup now (202); a 409 backup_running while one runs. */
export function startBackup(): Promise<BackupStatus> {
  return api.post('/api/backups');
}

/** A file size for people: "830 bytes", "12 KB", "4.7 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}
