// JSON logs, one object per line. Callers pass plain fields; never pass request bodies or card data.

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * @param {{level?: string, write?: (line: string) => void, base?: object}} [options]
 *   write defaults to process.stdout; tests pass a function that captures lines.
 */
export function createLogger({ level = 'info', write = (line) => process.stdout.write(line), base = {} } = {}) {
  const threshold = LEVELS[level] ?? LEVELS.info;
  const emit = (lvl, msg, fields = {}) => {
    if (LEVELS[lvl] < threshold) return;
    const entry = { time: new Date().toISOString(), level: lvl, msg, ...base, ...fields };
    let line;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ time: entry.time, level: lvl, msg, note: 'unserialisable log fields dropped' });
    }
    write(`${line}\n`);
  };
  const logger = {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger({ level, write, base: { ...base, ...fields } }),
  };
  return logger;
}

/** Safe description of an error for logs: name, message, code, and stack (no request data is attached to our errors). */
export function errorFields(err) {
  if (!(err instanceof Error)) return { error: String(err) };
  return { error: { name: err.name, message: err.message, code: err.code, stack: err.stack } };
}
