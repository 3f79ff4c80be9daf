/**
 * The real render thread, except that a certificate for the body named CRASH-EXIT ends the thread
 * (process.exit) and one for CRASH-THROW throws an uncaught error: poison inputs for the pool's tests.
 */
import { parentPort } from 'worker_threads';
import { CertificateData } from '../../src/certificates/rendering';

const CRASH_EXIT = 'CRASH-EXIT';
const CRASH_THROW = 'CRASH-THROW';

parentPort!.on('message', (m: { data: CertificateData }) => {
  if (m.data.publicBodyName === CRASH_EXIT) process.exit(3);
  if (m.data.publicBodyName === CRASH_THROW) throw new Error('poisoned render');
});

require('../../src/certificates/render-thread');
