/*
 * Preloaded into the API child (`node -r bench/lib/profile-preload.js`) when a bench runs with
 * --profile: the first SIGWINCH (not SIGUSR2: Nest's enableShutdownHooks() exits on it) starts the V8 CPU profiler, the second writes the profile to
 * $BENCH_PROFILE_FILE, so exactly the timed window is profiled (no --cpu-prof, which needs a clean exit).
 */
'use strict';
const inspector = require('inspector');
const fs = require('fs');

const session = new inspector.Session();
session.connect();
let running = false;

process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, res) => {
    const file = process.env.BENCH_PROFILE_FILE || `api-${process.pid}.cpuprofile`;
    try {
      if (err) throw err;
      fs.writeFileSync(file + '.tmp', JSON.stringify(res.profile));
      fs.renameSync(file + '.tmp', file);
    } catch (e) {
      console.error(`profile-preload: could not write ${file}: ${e && e.message}`);
    }
  });
});
