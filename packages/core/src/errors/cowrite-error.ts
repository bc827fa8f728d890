/**
 * Every error Cowrite raises on purpose is a `CowriteError` with a stable `code`,
 * so callers can branch on `error.code` and show `error.message` (which says what to do).
 * Cancellation is the exception: it rejects with a DOMException named `AbortError`,
 * as `fetch` does, so existing abort handling keeps working.
 */
export type CowriteErrorCode =
  | 'MODEL_NOT_FOUND'
  | 'MODEL_CORRUPT'
  | 'MODEL_UNSUPPORTED'
  /** config.json disagrees with the ONNX graph (n_layer, n_head, n_embd): checked at load. */
  | 'CONFIG_MISMATCH'
  | 'NETWORK'
  | 'TOKENIZER_MISMATCH'
  | 'UNKNOWN_DTYPE'
  | 'EMPTY_PROMPT'
  | 'INVALID_OPTION'
  | 'INVALID_SOURCE'
  | 'MODEL_DISPOSED'
  /** The page's Content-Security-Policy / Trusted Types blocked WebAssembly or the engine Worker (see the README's "Strict pages"). */
  | 'CSP_BLOCKED'
  /** The engine Worker died or stopped answering; the engine restarts it once. */
  | 'WORKER_FAILED'
  /** `backend: 'native'` but onnxruntime-node cannot be loaded here. */
  | 'BACKEND_UNAVAILABLE'
  /** A remote (OpenAI-compatible) engine's server answered with an error. */
  | 'REMOTE_ERROR'
  /** Prompting (`PromptingError`): a required input field is absent or empty. */
  | 'MISSING_FIELD'
  /** Prompting (`PromptingError`): an input has the wrong type or an unknown value. */
  | 'INVALID_INPUT'
  /** Prompting (`PromptingError`): the prompt does not fit the context window even with every shortenable field empty. */
  | 'PROMPT_TOO_LONG'
  /** Prompting (`PromptingError`): a template names a placeholder that has no value. */
  | 'INVALID_TEMPLATE'
  /**
   * Prompting (`PromptingError`): the engine cannot write this task's text, e.g. the offline phrase model (review
   * phrases only) asked for a product description, a share post or an idea rewrite. Use a neural model such as GPT-2.
   */
  | 'ENGINE_UNSUITED'
  /** Sentiment (`SentimentInputError`): the text is not a string. */
  | 'NOT_A_STRING'
  /** Sentiment (`SentimentInputError`): `summarizeFeedback` was not given an array. */
  | 'NOT_AN_ARRAY'
  /** Sentiment (`SentimentInputError`): a review is neither a string nor an object with a string `text`. */
  | 'INVALID_REVIEW';

/** Base class of every error Cowrite raises on purpose; branch on `code`. */
export class CowriteError extends Error {
  /** The class name; subclasses override it (e.g. `'NetworkError'`). */
  override name = 'CowriteError';
  /** Stable, UPPER_SNAKE reason; see `CowriteErrorCode`. */
  readonly code: CowriteErrorCode;

  /** Creates an error with a code and a message that says what to do; `cause` keeps the underlying error. */
  constructor(code: CowriteErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A model file is missing (local file absent, HTTP 404/410, not among in-memory files). */
export class ModelNotFoundError extends CowriteError {
  /** Always `'ModelNotFoundError'`. */
  override name = 'ModelNotFoundError';
  /** Path of the missing file within the model folder (e.g. `config.json`). */
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super('MODEL_NOT_FOUND', message, options);
    this.file = file;
  }
}

/** A model file exists but cannot be used: truncated, not ONNX/JSON, or not a GPT-2 decoder. */
export class ModelFormatError extends CowriteError {
  /** Always `'ModelFormatError'`. */
  override name = 'ModelFormatError';
  /** Path of the unusable file within the model folder (e.g. `config.json`). */
  readonly file: string;
  constructor(code: 'MODEL_CORRUPT' | 'MODEL_UNSUPPORTED' | 'TOKENIZER_MISMATCH' | 'CONFIG_MISMATCH', file: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.file = file;
  }
}

/** The network failed (not an HTTP error status): offline, DNS, CORS, reset connection. */
export class NetworkError extends CowriteError {
  /** Always `'NetworkError'`. */
  override name = 'NetworkError';
  /** The URL that could not be fetched. */
  readonly url: string;
  constructor(url: string, message: string, options?: { cause?: unknown }) {
    super('NETWORK', message, options);
    this.url = url;
  }
}

/** A caller passed something Cowrite cannot use: unknown dtype, empty prompt, option out of range. */
export class InvalidArgumentError extends CowriteError {
  /** Always `'InvalidArgumentError'`. */
  override name = 'InvalidArgumentError';
  /** The option or argument at fault, e.g. `topP`. */
  readonly argument: string;
  constructor(code: 'UNKNOWN_DTYPE' | 'EMPTY_PROMPT' | 'INVALID_OPTION' | 'INVALID_SOURCE', argument: string, message: string) {
    super(code, message);
    this.argument = argument;
  }
}

/**
 * An OpenAI-compatible endpoint answered with an error (createRemoteEngine): `status` is the HTTP status,
 * `type` the error object's `type` (e.g. `invalid_request_error`), `retryAfter` the seconds a 429/503 asked to wait.
 */
export class RemoteError extends CowriteError {
  /** Always `'RemoteError'`. */
  override name = 'RemoteError';
  /** HTTP status code of the error response. */
  readonly status: number;
  /** The error object's `type` (e.g. `invalid_request_error`), when the server sent one. */
  readonly type: string | undefined;
  /** Seconds to wait before retrying, from a 429/503 response's `Retry-After`; undefined when not given. */
  readonly retryAfter: number | undefined;
  constructor(status: number, message: string, details: { type?: string; retryAfter?: number } = {}) {
    super('REMOTE_ERROR', message);
    this.status = status;
    this.type = details.type;
    this.retryAfter = details.retryAfter;
  }
}

/** The DOMException that every cancelled Cowrite operation rejects with. */
export function abortError(signal?: AbortSignal): DOMException {
  const reason: unknown = signal?.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  // The caller's reason (`abort('user left')`, a TimeoutError…) stays visible: in the message and as `cause`.
  const said = describeReason(reason);
  const error = new DOMException(said ? `The operation was aborted: ${said}` : 'The operation was aborted.', 'AbortError');
  if (reason !== undefined) Object.defineProperty(error, 'cause', { value: reason, enumerable: false, configurable: true });
  return error;
}

function describeReason(reason: unknown): string {
  if (reason === undefined || reason === null) return '';
  if (reason instanceof Error || reason instanceof DOMException) return reason.message ? `${reason.name}: ${reason.message}` : reason.name;
  return typeof reason === 'string' || typeof reason === 'number' ? String(reason) : '';
}

/** Throws `abortError(signal)` when the signal is already aborted. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

/** True for the `AbortError` DOMException that cancelled Cowrite operations reject with. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
