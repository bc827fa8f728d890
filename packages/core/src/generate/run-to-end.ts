/**
 * Runs a generation stream to its end without a consumer and returns its result: `generate()` is
 * `stream()` with nobody reading the chunks, so both give the same answer by construction.
 */
export async function runToEnd<T, R>(run: AsyncGenerator<T, R>): Promise<R> {
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
  }
}
