// A stand-in batch worker for the pool tests: answers each job after a random delay, so results
// arrive out of order; job paths ask it to crash ("crash") or to die before answering ("die").
import { setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';

if (workerData?.dieAtStart) process.exit(3);
let maxSeen = -1;
parentPort.on('message', (job) => {
  maxSeen = Math.max(maxSeen, job.index);
  if (job.path === 'die-now') process.exit(4);
  setTimeout(
    () => {
      if (job.path === 'crash') throw new Error('boom');
      parentPort.postMessage({ index: job.index, path: job.path, maxSeen });
    },
    Math.floor(Math.random() * 4),
  );
});
parentPort.postMessage({ ready: true });
