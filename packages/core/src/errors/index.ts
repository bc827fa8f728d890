export { CowriteError, ModelNotFoundError, ModelFormatError, NetworkError, InvalidArgumentError, isAbortError, type CowriteErrorCode } from './cowrite-error.ts';
