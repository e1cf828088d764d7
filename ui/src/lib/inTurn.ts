/**
 * Runs jobs one at a time, each in its own task, in the order they were queued. A screen that builds several charts
 * (an activity's streams) then does it in several short tasks, with the browser free to paint and answer the
 * athlete in between, instead of one long task that holds the page still. The charts' boxes have their final size
 * before they are drawn, so nothing moves when a chart arrives.
 */
const queue: { run: () => void }[] = [];
let channel: MessageChannel | null = null;
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A message is a new task without setTimeout's minimum delay once timers nest.
  if (typeof MessageChannel === 'undefined') {
    setTimeout(runNext, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runNext;
  }
  channel.port2.postMessage(null);
}

function runNext(): void {
  scheduled = false;
  const job = queue.shift();
  if (queue.length > 0) schedule();
  job?.run();
}

/** Queues a job; the returned function takes it off the queue if it has not run yet. */
export function inTurn(run: () => void): () => void {
  const job = { run };
  queue.push(job);
  schedule();
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}
