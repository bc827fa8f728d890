/**
 * onnxruntime's WASM `run()` resolves through microtasks only, so a decoding loop
 * never lets the event loop run: clicks, keystrokes and abort messages would wait
 * for the whole generation. One macrotask hop per token lets them in. A
 * MessageChannel hop costs microseconds (setTimeout is clamped to ≥ 1–4 ms).
 */
type Scheduler = { yield?: () => Promise<void> };

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/**
 * In a Worker the events that must get in are `message`s (an abort from the page), and
 * `scheduler.yield()` resumes *ahead* of queued tasks of its priority: a decoding loop that
 * yields that way never sees the abort, and superseded requests run to their end one after
 * another (47 fast keystrokes queued 11 s of work on GPT-2-124M). There a MessageChannel hop
 * is queued behind the messages already waiting.
 */
const workerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
const inWorker = typeof workerScope === 'function' && globalThis instanceof workerScope;

export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (!inWorker && typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    return new Promise((resolve) => {
      waiting.push(resolve);
      channel?.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
