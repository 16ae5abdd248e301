import { createServer } from 'node:http';
import { pino } from 'pino';
import { dbConfigFromEnv, DatabaseStartupError, MigrationError, openDatabase, prepareDatabase, type Database } from '@samarkiv/db';
import { apiConfigFromEnv } from './config.ts';
import { createLogger } from './logger.ts';
import { startHousekeeping } from './jobs.ts';
import { startUploadCleanup } from './http/uploads.ts';
import { startReminderScheduler } from './modules/reminders/scheduler.ts';
import { createApp } from './server.ts';

// Log lines are written in batches: on this kind of machine a write(2) per request line cost
// about a millisecond of a request's time. A timer flushes a quiet server's lines within a
// second, and every way out flushes what is left.
const logDestination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
const logger = createLogger(undefined, logDestination);
setInterval(() => logDestination.flush(), 1000).unref();

function exit(code: number): never {
  logDestination.flushSync();
  process.exit(code);
}

async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const started = Date.now();
  const db = await openDatabase(dbConfigFromEnv());
  let shuttingDown = false;
  let stopHousekeeping = () => {};
  const httpServer = createServer();
  // Node ends any request whose body takes over 5 minutes; a 2 GB upload may take longer.
  // /graphql bodies have their own 15-second limit (http/timeout.ts), headers Node's 60 seconds.
  httpServer.requestTimeout = config.uploads.requestTimeoutMs;
  let stopUploadCleanup = () => {};
  let stopReminders = async () => {};
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => exit(1), 10_000);
    force.unref();
    stopUploadCleanup();
    await new Promise<void>((done) => httpServer.close(() => done()));
    stopHousekeeping();
    await stopReminders();
    await db.close();
    exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await prepare(db);
  const app = await createApp(db, config, logger, httpServer);
  httpServer.on('request', app.express);
  stopUploadCleanup = startUploadCleanup(config.uploads, logger).stop;
  stopHousekeeping = startHousekeeping(db, config, logger);
  stopReminders = startReminderScheduler(db, config, logger).stop;
  await new Promise<void>((resolveListen, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolveListen());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, database: db.description, ms: Date.now() - started }, `Samarkiv is running at http://localhost:${port}`);
  logDestination.flush();
}

async function prepare(db: Database): Promise<void> {
  const config = apiConfigFromEnv();
  const result = await prepareDatabase(db, { seedWhenEmpty: config.seedWhenEmpty, log: (line) => logger.info(line) });
  if (result.seed === 'seeded') logger.info('demo data seeded');
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseStartupError || error instanceof MigrationError || (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    const message = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `Port ${process.env.PORT ?? 4000} is in use. Stop the other process or set PORT.` : (error as Error).message;
    // One clear line for the operator, no stack trace.
    console.error(`samarkiv: ${message}`);
  } else {
    logger.fatal({ err: error }, 'Samarkiv could not start');
  }
  exit(1);
});
