export { loadModel, type LoadModelOptions } from './load-model.ts';
export { Gpt2Model, type ModelInfo } from './gpt2-model.ts';
export { createWorkerEngine, WorkerEngine, type WorkerEngineOptions, type WorkerHealth } from './worker/worker-engine.ts';
export type { WorkerLoadOptions, TransferableSource } from './worker/protocol.ts';
export { startWorkerHost } from './worker/worker-host.ts';
export { getSharedEngine, getEngineChannel, disposeSharedEngines, type SharedEngineOptions, type Engine } from './shared-engine.ts';
export { createRemoteEngine, RemoteEngine, type RemoteEngineOptions } from './remote/remote-engine.ts';
export type { RemoteApi } from './remote/openai-wire.ts';
export { readDeviceHints, suggestionTier, MIN_GPT2_DEVICE_MEMORY, type DeviceHints, type SuggestionTier } from './device-tier.ts';
