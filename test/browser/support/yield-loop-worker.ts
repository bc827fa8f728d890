/**
 * A decoding loop's shape in a Worker: it yields with `yieldToEventLoop()` between steps and stops
 * when a `stop` message (an abort from the page) has come in. It reports how many steps it ran.
 */
import { yieldToEventLoop } from '../../../packages/core/src/runtime/yield-to-event-loop.ts';

let stopped = false;
self.addEventListener('message', (event: MessageEvent<string>) => {
  if (event.data === 'stop') stopped = true;
  if (event.data !== 'start') return;
  void (async () => {
    let steps = 0;
    // Each step busy-waits 2 ms, as a model step would compute; 2,000 steps ≈ 4 s if the stop never gets in.
    while (!stopped && steps < 2_000) {
      const until = performance.now() + 2;
      while (performance.now() < until);
      steps++;
      await yieldToEventLoop();
    }
    self.postMessage({ steps, stopped });
  })();
});
self.postMessage('ready');
