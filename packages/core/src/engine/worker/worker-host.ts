/**
 * The Worker side: owns the one loaded model and runs requests from the page.
 * Generation already queues per model; this only maps messages to calls and
 * keeps an AbortController per request so the page can cancel it.
 */
import { loadModel } from '../load-model.ts';
import type { Gpt2Model } from '../gpt2-model.ts';
import { type FromWorker, type ToWorker, serializeError } from './protocol.ts';
import { CowriteError } from '../../errors/cowrite-error.ts';

/** The part of a Worker's global scope (or a `MessagePort`) the host uses. */
export interface MessagePort {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

/**
 * Serves a `WorkerEngine` from inside a Worker: loads the model the page asks for, runs its requests and
 * cancels them when the page aborts. Cowrite's own Worker calls it; call it in your own Worker bundle
 * (and pass that Worker as `WorkerEngineOptions.worker`) when the page must load Workers from its own origin.
 *
 * @example
 * ```ts
 * // my-engine-worker.ts
 * import { startWorkerHost } from '@cowrite/core/engine';
 * startWorkerHost(self);
 * ```
 */
export function startWorkerHost(port: MessagePort): void {
  let model: Gpt2Model | undefined;
  const running = new Map<number, AbortController>();
  const send = (message: FromWorker) => port.postMessage(message);

  port.addEventListener('message', async ({ data }) => {
    switch (data.type) {
      case 'load': {
        try {
          model = await loadModel({ ...data.options, onProgress: (progress) => send({ type: 'progress', progress }) });
          send({
            type: 'loaded',
            model: {
              info: model.info,
              contextLength: model.contextLength,
              vocabSize: model.config.vocabSize,
              tokenizerJson: model.tokenizer.sourceJson,
              tokenizerConfig: model.tokenizer.sourceConfig,
            },
          });
        } catch (error) {
          send({ type: 'load-error', error: serializeError(error) });
        }
        return;
      }
      case 'generate': {
        const controller = new AbortController();
        running.set(data.id, controller);
        try {
          if (!model) throw new CowriteError('WORKER_FAILED', 'The engine Worker received a request before its model loaded.');
          const stream = model.stream(data.prompt, { ...data.options, signal: controller.signal });
          for (;;) {
            const step = await stream.next();
            if (step.done) {
              send({ type: 'done', id: data.id, result: step.value });
              break;
            }
            send({ type: 'chunk', id: data.id, chunk: step.value });
          }
        } catch (error) {
          send({ type: 'error', id: data.id, error: serializeError(error) });
        } finally {
          running.delete(data.id);
        }
        return;
      }
      case 'abort':
        running.get(data.id)?.abort();
        return;
      case 'ping':
        send({ type: 'pong' });
        return;
      case 'dispose':
        for (const controller of running.values()) controller.abort();
        await model?.dispose();
        model = undefined;
        return;
    }
  });
}
