// A tiny structured logger. Never pass personal data (names, emails, phones, coordinates of customers) to it.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** False when info lines go nowhere, so callers can skip gathering their fields (one per API request). */
  readonly infoEnabled?: boolean;
}

export function createLogger(
  level: 'silent' | 'error' | 'info',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const emit = (lvl: string, message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...fields }));
  return {
    infoEnabled: level === 'info',
    info: (message, fields) => {
      if (level === 'info') emit('info', message, fields);
    },
    error: (message, fields) => {
      if (level !== 'silent') emit('error', message, fields);
    },
  };
}
