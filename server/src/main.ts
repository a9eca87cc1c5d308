// Entry point: load .env, read the configuration, open and migrate the database,
// serve, deliver webhooks and purge their old history; on SIGTERM/SIGINT stop
// accepting, let in-flight requests finish within SHUTDOWN_GRACE_MS, close the
// database and exit 0.
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { bootstrapFirstAdmin, BootstrapAdminError, issueSetupLink } from './auth/setup.service.js';
import { trackKeepAlive } from './common/keep-alive-drain.js';
import { ConfigError, loadEnvFile, parseConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirInUseError, lockDataDir, type DataDirLock } from './db/data-dir.lock.js';
import { startWebhookRetention } from './webhooks/webhook.retention.js';
import { startLearningFolder } from './classifier/learning.folder.js';
import { startWebhookWorker, type WebhookWorker } from './webhooks/webhook.worker.js';

// Start-up failures are one plain line on stderr (no stack): the operator's fix is
// in the message, and nothing was served yet.
function exitWith(code: number, message: string): never {
  console.error(`Cannot start: ${message}`);
  process.exit(code);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The origin a person on this machine opens: a wildcard or loopback address reads as localhost. */
function localOrigin(host: string, port: number): string {
  const shown = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

async function main(): Promise<void> {
  let config: Config;
  let envFile: string | undefined;
  try {
    envFile = loadEnvFile();
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) exitWith(2, `invalid configuration: ${error.message}`);
    throw error;
  }

  let lock: DataDirLock | undefined;
  if (!config.databaseUrl) {
    try {
      lock = lockDataDir(config.dataDir);
    } catch (error) {
      exitWith(error instanceof DataDirInUseError ? 3 : 1, reason(error));
    }
  }

  let database: Database;
  try {
    database = await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl, timeouts: config.timeouts }
        : { kind: 'pglite', dataDir: config.dataDir },
    );
  } catch (error) {
    lock?.release();
    exitWith(1, `could not open the database: ${reason(error)}`);
  }
  // Closing the database before releasing the lock: the next process may open it at once.
  const closeDatabase = async () => {
    await database.close().catch(() => {});
    lock?.release();
  };

  try {
    await database.migrate();
  } catch (error) {
    await closeDatabase();
    exitWith(1, reason(error));
  }

  let adminCreated = false;
  if (config.bootstrapAdmin) {
    try {
      adminCreated = await bootstrapFirstAdmin(database.db, config.bootstrapAdmin);
    } catch (error) {
      await closeDatabase();
      if (error instanceof BootstrapAdminError) exitWith(2, `invalid configuration: ${error.variable}: ${error.message}`);
      exitWith(1, reason(error));
    }
  }

  const app = await buildApp({ config, database });
  const keepAlive = trackKeepAlive(app.server);
  try {
    const address = await app.listen({ port: config.port, host: config.host });
    app.log.info({ database: database.kind, address, envFile }, 'support tickets server ready');
    if (adminCreated) app.log.info('created the first admin from ADMIN_EMAIL (ADMIN_EMAIL and ADMIN_PASSWORD are ignored from now on)');
    // Without an admin, anyone holding this link creates one: it goes to the
    // operator's log only, and is used up once an admin exists.
    const setupSecret = await issueSetupLink(database.db);
    if (setupSecret !== null) {
      const setupUrl = `${config.publicUrl ?? localOrigin(config.host, (app.server.address() as AddressInfo).port)}/setup?token=${setupSecret}`;
      app.log.warn(`no admin yet: open ${setupUrl} to create the first one (or restart with ADMIN_EMAIL and ADMIN_PASSWORD set)`);
    }
  } catch (error) {
    await app.close().catch(() => {});
    await closeDatabase();
    exitWith(1, `could not listen on ${config.host}:${config.port}: ${reason(error)}`);
  }

  // Every process delivers (WEBHOOK_WORKERS at once) unless told not to: the database
  // shares the work out.
  const webhookWorker: WebhookWorker | undefined =
    config.webhooks.workers > 0 ? startWebhookWorker({ database, settings: config.webhooks, log: app.log }) : undefined;
  // Every process purges old deliveries too; the database shares that out as well.
  const webhookRetention = startWebhookRetention({ database, settings: config.webhooks, log: app.log });
  // And folds what ticket writes taught the classifier into its counts.
  const learningFolder = startLearningFolder({ database, log: app.log });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('grace period over; exiting with requests still in flight');
      lock?.release();
      process.exit(1);
    }, config.shutdownGraceMs);
    timer.unref();
    try {
      // Stops listening at once, answers requests on kept-alive connections with
      // 503 + Connection: close, closes those connections once the requests in flight
      // are done, and resolves then.
      keepAlive.begin();
      await app.close();
      // Attempts in flight are aborted and recorded as due again, for another process.
      await webhookWorker?.stop();
      await webhookRetention.stop();
      await learningFolder.stop();
      await database.close();
      lock?.release();
      app.log.info('shut down cleanly');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while shutting down');
      lock?.release();
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
