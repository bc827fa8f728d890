export { CowriteError, ModelNotFoundError, ModelFormatError, NetworkError, InvalidArgumentError, RemoteError, isAbortError, type CowriteErrorCode } from './cowrite-error.ts';
