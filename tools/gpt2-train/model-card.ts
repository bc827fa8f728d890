/** The model card (README.md) of an exported model, made from what train.py and prepare-tokens.ts recorded. */
import type { Gpt2Config } from '../gpt2/weights.ts';
import type { WeightsManifest } from './weights-file.ts';

/** What each corpus source is and its licence as SOURCES.md recalls it (the same table as the phrase model's card). */
const SOURCE_FACTS: Record<string, [what: string, licence: string]> = {
  'womens-clothing-ecommerce': ['Kaggle "Women\'s E-Commerce Clothing Reviews"', 'CC0 1.0'],
  'datafiniti-amazon-products': ['Datafiniti "Consumer Reviews of Amazon Products"', 'believed CC BY-NC-SA 4.0 (non-commercial), uncertain'],
  'blitzer-multi-domain': ['Multi-Domain Sentiment Dataset v2.0 (Amazon: electronics, kitchen, books, DVDs)', 'no licence published; research use'],
  'amazon-microsd-reviews': ['Amazon reviews of one SanDisk microSD card (McAuley 2014)', 'unknown'],
  'amazon-in-earphones': ['Amazon.in earphone reviews', 'unknown'],
  'amazon-in-lenovo-k8': ['Amazon.in Lenovo K8 Note reviews', 'unknown'],
  'flipkart-product-reviews': ['Flipkart product reviews', 'unknown'],
};

interface TrainingFacts {
  data?: { sources?: Record<string, { reviews: number; tokens: number }>; heldOutSources?: string[]; trainTokens?: number; valTokens?: number };
  steps?: number;
  tokens_seen?: number;
  epochs?: number;
  seconds?: number;
  tokens_per_second?: number;
  final_val_perplexity?: number;
  parameters?: number;
  device?: string;
  torch?: string;
  args?: Record<string, unknown>;
}

export function modelCard(manifest: WeightsManifest, config: Gpt2Config, files: ReadonlyArray<{ file: string; bytes: number }>): string {
  const t = (manifest.training ?? {}) as TrainingFacts;
  const sources = Object.entries(t.data?.sources ?? {});
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const lines = [
    `# Model card: a review GPT-2 trained by Cowrite (${config.nLayer} layers × ${config.nEmbd}, ${config.nHead} heads)`,
    '',
    `**What it is.** A GPT-2-architecture language model (${t.parameters ? `${(t.parameters / 1e6).toFixed(1)} M parameters, ` : ''}GPT-2's 50,257-token byte-level BPE, tied output layer, a ${config.nPositions}-token window) trained from scratch on shoppers' product reviews, in the Hugging Face hub layout: \`onnx/model_quantized.onnx\` is int8 (tools/optimize/quantize.ts)${files.some((f) => f.file === 'onnx/model.onnx') ? ', `onnx/model.onnx` fp32' : ''}. Files: ${files.map((f) => `\`${f.file}\` ${mb(f.bytes)}`).join(', ')}.`,
    '',
    '**What it is for.** Ghost text and "help me write" in `<cw-review-composer>`, where the 125 MB GPT-2-124M is too large. It knows review English only: product copy, ideas and other languages still want GPT-2.',
    '',
    '## Data',
    '',
    `Token ids from \`node tools/gpt2-train/prepare-tokens.ts\` over \`../shared/corpus/en-reviews.jsonl.gz\` (real, human-written reviews; see its SOURCES.md): ${t.data?.trainTokens?.toLocaleString('en') ?? '?'} training and ${t.data?.valTokens?.toLocaleString('en') ?? '?'} validation tokens.`,
    '',
    '| source | reviews | what | licence (publisher, as recalled in SOURCES.md) |',
    '| --- | ---: | --- | --- |',
    ...sources.map(([name, tally]) => `| ${name} | ${tally.reviews.toLocaleString('en')} | ${SOURCE_FACTS[name]?.[0] ?? '?'} | ${SOURCE_FACTS[name]?.[1] ?? 'see SOURCES.md'} |`),
    '',
    `**Held out (never trained on)**: ${(t.data?.heldOutSources ?? []).map((s) => `\`${s}\``).join(', ')} — the stores \`pnpm bench:cowriting\` replays.`,
    '',
    "**Licence caveat.** Only two sources are known to be CC0; one may be non-commercial and the rest carry no stated licence (research use). The weights are learnt from the reviews; check the publishers' terms before commercial use. Cowrite's code is MIT; these weights inherit the data's terms, not the code's.",
    '',
    '## Training',
    '',
    `\`python3 tools/gpt2-train/train.py\` (PyTorch ${t.torch ?? '?'} on ${t.device ?? '?'}): ${t.steps?.toLocaleString('en') ?? '?'} steps, ${t.tokens_seen ? `${(t.tokens_seen / 1e6).toFixed(1)} M` : '?'} tokens (${t.epochs ?? '?'} epochs) in ${t.seconds ? `${(t.seconds / 60).toFixed(1)} min` : '?'} at ${t.tokens_per_second?.toLocaleString('en') ?? '?'} tokens/s. Validation perplexity per GPT-2 token: **${t.final_val_perplexity ?? '?'}**.`,
    '',
    `Settings: \`${JSON.stringify(t.args ?? {})}\`.`,
    '',
    '## Limits',
    '',
    "- English reviews only; it has never read product descriptions, stories or other languages.",
    '- Trained on a few million tokens: it repeats common review phrases and can state things about a product that are not true; the composer shows its words as suggestions the shopper accepts or not, and the guard checks them.',
    '- Positions past its window are never used: Cowrite fits prompts into `n_positions`.',
    '',
  ];
  return lines.join('\n');
}
