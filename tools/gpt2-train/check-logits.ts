/** The check export.ts runs before it writes anything: do the weights reproduce the logits PyTorch computed (check.json)? */
import { referenceForward } from '../gpt2/reference-forward.ts';
import type { Gpt2Weights } from '../gpt2/weights.ts';

export interface WeightsCheck {
  ids: number[];
  top_ids: number[];
  top_logits: number[];
}

/**
 * The largest gap between PyTorch's top logits and those of the JS reference forward pass (tools/gpt2/reference-forward.ts,
 * the pass the ONNX graph is tested against); throws past `tolerance`.
 */
export function checkLogits(weights: Gpt2Weights, check: WeightsCheck, tolerance = 2e-3): number {
  const { logits } = referenceForward(weights, check.ids);
  const last = logits[logits.length - 1];
  let worst = 0;
  check.top_ids.forEach((id, k) => {
    const gap = Math.abs(last[id] - check.top_logits[k]) / Math.max(1, Math.abs(check.top_logits[k]));
    worst = Math.max(worst, gap);
  });
  if (!(worst <= tolerance)) throw new Error(`the weights do not reproduce PyTorch's logits (worst relative gap ${worst.toExponential(2)} > ${tolerance}): a tensor is misnamed or transposed`);
  return worst;
}
