import type { GenerationOptions } from '../contracts/generation.ts';
import type { Prompt, TextGenerator } from '../contracts/text-generator.ts';

/**
 * A view of an engine for one widget: each new request cancels the widget's
 * previous one (its next keystroke makes the old suggestion stale), so a busy
 * widget never holds more than one place in the engine's queue and other
 * widgets get their turn.
 */
export function supersedingChannel(engine: TextGenerator): TextGenerator {
  let current: AbortController | undefined;
  const begin = (options: GenerationOptions): GenerationOptions => {
    current?.abort(new DOMException('Superseded by a newer request from the same widget.', 'AbortError'));
    const controller = new AbortController();
    current = controller;
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    return { ...options, signal };
  };
  return {
    get tokenizer() {
      return engine.tokenizer;
    },
    get contextLength() {
      return engine.contextLength;
    },
    generate: (prompt: Prompt, options: GenerationOptions = {}) => engine.generate(prompt, begin(options)),
    stream: (prompt: Prompt, options: GenerationOptions = {}) => engine.stream(prompt, begin(options)),
  };
}
