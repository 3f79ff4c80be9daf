import type { IncomingMessage, Server, ServerResponse } from 'http';
import { INestApplication, Logger } from '@nestjs/common';

/**
 * A bounded drain on SIGTERM (and SIGINT): the server stops accepting, idle keep-alive sockets are
 * closed at once, requests in flight and any further ones on sockets still open are answered with
 * `Connection: close` (so each client's socket ends with its current response), and whatever is
 * still open after `drainMs` is closed. Then the app closes as usual (workers before queues and
 * connections) and the process exits. Without it, a client that keeps sending on a keep-alive
 * socket holds the process up for as long as it likes.
 */
export function installGracefulShutdown(app: INestApplication, drainMs: number): void {
  const logger = new Logger('Shutdown');
  const server = app.getHttpServer() as Server;
  const open = new Set<ServerResponse>();
  let draining = false;

  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
    open.add(res);
    res.once('close', () => open.delete(res));
  });

  const drain = (): Promise<void> =>
    new Promise((resolve) => {
      draining = true;
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      const forceClose = setTimeout(() => {
        logger.warn(`connections still open after ${drainMs} ms of drain: closing them`);
        server.closeAllConnections();
      }, drainMs);
      server.close(() => {
        clearTimeout(forceClose);
        resolve();
      });
      server.closeIdleConnections();
    });

  let shuttingDown = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return; // the cluster primary and a terminal may both signal; one shutdown
    shuttingDown = true;
    const started = Date.now();
    logger.log(`${signal}: draining HTTP connections (at most ${drainMs} ms)`);
    let code = 0;
    try {
      await drain();
      await app.close();
    } catch (e) {
      logger.error({ err: e }, 'error during shutdown');
      code = 1;
    }
    logger.log(`shut down in ${Date.now() - started} ms`);
    process.exit(code);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, onSignal);
}
