#!/usr/bin/env python3
"""Step 2 of training our own GPT-2: trains a small GPT-2-architecture model on the token ids that
prepare-tokens.ts wrote, and saves fp16 weights in the format export.ts reads (weights.json + weights.bin.000, .001, …; tools/gpt2-train/README.md).

  python3 train.py --data DATA --out OUT [--layers 4 --heads 4 --hidden 256 --block 256 --batch 64 --minutes 8]

Runs on a CUDA GPU when there is one (bf16 autocast, TF32), else on the CPU (fp32; slow: use it for a tiny
smoke run). Needs only PyTorch (1.13 or later) and NumPy. Deterministic for a seed on the CPU; on a GPU,
cuDNN/cuBLAS kernels may differ in the last bits between runs.

The model is Hugging Face GPT-2 (pre-LayerNorm blocks, gelu_new, tied lm_head, LayerNorm eps 1e-5): the
weights load into Cowrite's ONNX graph by name. n_positions is the training window (--block): Cowrite fits
prompts into config.json's n_positions, so the model never sees a position it was not trained on.
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB = 50257
EOS = 50256
FORMAT = "cowrite-gpt2-weights/1"


class Block(nn.Module):
    def __init__(self, hidden, heads, dropout):
        super().__init__()
        self.heads = heads
        self.ln_1 = nn.LayerNorm(hidden, eps=1e-5)
        self.c_attn = nn.Linear(hidden, 3 * hidden)
        self.attn_proj = nn.Linear(hidden, hidden)
        self.ln_2 = nn.LayerNorm(hidden, eps=1e-5)
        self.c_fc = nn.Linear(hidden, 4 * hidden)
        self.mlp_proj = nn.Linear(4 * hidden, hidden)
        self.dropout = dropout

    def attention(self, x):
        b, t, c = x.shape
        q, k, v = self.c_attn(x).split(c, dim=2)
        shape = (b, t, self.heads, c // self.heads)
        q, k, v = (y.view(shape).transpose(1, 2) for y in (q, k, v))
        if hasattr(F, "scaled_dot_product_attention"):
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True, dropout_p=self.dropout if self.training else 0.0)
        else:  # PyTorch 1.x
            scores = (q @ k.transpose(-2, -1)) / math.sqrt(k.shape[-1])
            mask = torch.ones(t, t, dtype=torch.bool, device=x.device).tril()
            scores = scores.masked_fill(~mask, float("-inf"))
            y = F.dropout(scores.softmax(dim=-1), self.dropout, self.training) @ v
        return self.attn_proj(y.transpose(1, 2).reshape(b, t, c))

    def forward(self, x):
        x = x + F.dropout(self.attention(self.ln_1(x)), self.dropout, self.training)
        mlp = self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))
        return x + F.dropout(mlp, self.dropout, self.training)


class Gpt2(nn.Module):
    def __init__(self, layers, heads, hidden, positions, dropout):
        super().__init__()
        self.wte = nn.Embedding(VOCAB, hidden)
        self.wpe = nn.Embedding(positions, hidden)
        self.h = nn.ModuleList(Block(hidden, heads, dropout) for _ in range(layers))
        self.ln_f = nn.LayerNorm(hidden, eps=1e-5)
        self.apply(self._init)
        # GPT-2's scaled init of the residual projections.
        for block in self.h:
            for proj in (block.attn_proj, block.mlp_proj):
                nn.init.normal_(proj.weight, std=0.02 / math.sqrt(2 * layers))

    @staticmethod
    def _init(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, std=0.02)
        if isinstance(module, nn.Linear):
            nn.init.zeros_(module.bias)

    def forward(self, ids):
        positions = torch.arange(ids.shape[1], device=ids.device)
        x = self.wte(ids) + self.wpe(positions)
        for block in self.h:
            x = block(x)
        return self.ln_f(x) @ self.wte.weight.t()  # the tied lm_head


def state_in_file_order(model):
    """(name, array) in Hugging Face GPT-2 naming; Linear weights transposed to Conv1D's [in, out]."""
    out = [("wte.weight", model.wte.weight), ("wpe.weight", model.wpe.weight)]
    for i, b in enumerate(model.h):
        out += [
            (f"h.{i}.ln_1.weight", b.ln_1.weight), (f"h.{i}.ln_1.bias", b.ln_1.bias),
            (f"h.{i}.attn.c_attn.weight", b.c_attn.weight.t()), (f"h.{i}.attn.c_attn.bias", b.c_attn.bias),
            (f"h.{i}.attn.c_proj.weight", b.attn_proj.weight.t()), (f"h.{i}.attn.c_proj.bias", b.attn_proj.bias),
            (f"h.{i}.ln_2.weight", b.ln_2.weight), (f"h.{i}.ln_2.bias", b.ln_2.bias),
            (f"h.{i}.mlp.c_fc.weight", b.c_fc.weight.t()), (f"h.{i}.mlp.c_fc.bias", b.c_fc.bias),
            (f"h.{i}.mlp.c_proj.weight", b.mlp_proj.weight.t()), (f"h.{i}.mlp.c_proj.bias", b.mlp_proj.bias),
        ]
    out += [("ln_f.weight", model.ln_f.weight), ("ln_f.bias", model.ln_f.bias)]
    return [(name, t.detach().float().cpu().contiguous().numpy()) for name, t in out]


def save_weights(model, args, out_dir, training):
    tensors, chunks, offset = [], [], 0
    for name, array in state_in_file_order(model):
        half = array.astype("<f2")
        tensors.append({"name": name, "shape": list(array.shape), "offset": offset})
        chunks.append(half.tobytes())
        offset += half.size
    # Parts of at most --part-mib: the GPU machine sends back files of 16 MiB at most.
    blob = b"".join(chunks)
    size = int(args.part_mib * 1024 * 1024)
    parts = []
    for start in range(0, len(blob), size):
        parts.append(f"weights.bin.{len(parts):03d}")
        with open(os.path.join(out_dir, parts[-1]), "wb") as f:
            f.write(blob[start : start + size])
    manifest = {
        "format": FORMAT,
        "dtype": "float16",
        "parts": parts,
        "config": {"n_layer": args.layers, "n_head": args.heads, "n_embd": args.hidden, "vocab_size": VOCAB, "n_positions": args.block},
        "tensors": tensors,
        "training": training,
    }
    with open(os.path.join(out_dir, "weights.json"), "w") as f:
        json.dump(manifest, f, indent=2)


def write_check(model, args, val, out_dir):
    """Logits of the fp16-rounded weights, in fp32 on the CPU: export.ts checks its ONNX graph against them."""
    cpu = Gpt2(args.layers, args.heads, args.hidden, args.block, 0.0)
    cpu.load_state_dict({k: v.detach().half().float().cpu() for k, v in model.state_dict().items()})
    cpu.eval()
    ids = [int(t) for t in val[:24].tolist()]
    with torch.no_grad():
        logits = cpu(torch.tensor([ids]))[0, -1]
    top = torch.topk(logits, 50)
    with open(os.path.join(out_dir, "check.json"), "w") as f:
        json.dump({"ids": ids, "top_ids": top.indices.tolist(), "top_logits": top.values.tolist()}, f)


def batches(data, block, batch, generator):
    """Random windows of block + 1 tokens, cut from the token tensor where it lives (the GPU's memory on a GPU)."""
    starts = torch.randint(0, len(data) - block - 1, (batch,), generator=generator, device="cpu").to(data.device)
    windows = data[starts[:, None] + torch.arange(block + 1, device=data.device)]
    return windows[:, :-1], windows[:, 1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder with train.u16, val.u16, tokens.json (prepare-tokens.ts)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--block", type=int, default=256, help="training window, also the model's n_positions")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--weight-decay", type=float, default=0.1)
    parser.add_argument("--dropout", type=float, default=0.0)
    parser.add_argument("--minutes", type=float, default=8.0, help="training time budget; the LR schedule ends with it")
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: the time budget decides)")
    parser.add_argument("--eval-every", type=int, default=250)
    parser.add_argument("--eval-batches", type=int, default=20)
    parser.add_argument("--threads", type=int, default=0, help="CPU threads (0: PyTorch's default)")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--compile", action="store_true", help="torch.compile the model (PyTorch 2, GPU)")
    parser.add_argument("--part-mib", type=float, default=15, help="weights.bin is written in parts of at most this size")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    cuda = torch.cuda.is_available()
    device = torch.device("cuda" if cuda else "cpu")
    if cuda:
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    autocast = torch.autocast("cuda", dtype=torch.bfloat16) if cuda else torch.autocast("cpu", enabled=False)

    # The whole token stream fits in memory (~8 M tokens); on a GPU it lives there, so batches cost no copies.
    def tokens(name):
        return torch.from_numpy(np.fromfile(os.path.join(args.data, name), dtype="<u2").astype(np.int64)).to(device)

    train, val = tokens("train.u16"), tokens("val.u16")
    with open(os.path.join(args.data, "tokens.json")) as f:
        data_manifest = json.load(f)
    os.makedirs(args.out, exist_ok=True)

    model = Gpt2(args.layers, args.heads, args.hidden, args.block, args.dropout).to(device)
    params = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.95)
    )
    step_model = torch.compile(model) if args.compile else model
    generator = torch.Generator().manual_seed(args.seed)

    def evaluate():
        model.eval()
        rng = torch.Generator().manual_seed(args.seed + 1)  # the same validation windows every time
        losses = []
        with torch.no_grad(), autocast:
            for _ in range(args.eval_batches):
                x, y = batches(val, args.block, args.batch, rng)
                logits = step_model(x)
                losses.append(F.cross_entropy(logits.float().reshape(-1, VOCAB), y.reshape(-1)).item())
        model.train()
        return float(np.mean(losses))

    budget = args.minutes * 60
    started = time.time()
    step, seen, history = 0, 0, []
    best = {"val_loss": float("inf"), "step": 0, "state": None}
    print(f"{params / 1e6:.1f} M parameters on {device}; {len(train) / 1e6:.1f} M training tokens; budget {args.minutes} min", flush=True)
    while True:
        elapsed = time.time() - started
        progress = elapsed / budget if not args.max_steps else step / args.max_steps
        if progress >= 1:
            break
        # Linear warmup, then cosine to 10 % of the peak over the budget.
        lr = args.lr * min(1.0, (step + 1) / args.warmup) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))
        for group in optimizer.param_groups:
            group["lr"] = lr
        x, y = batches(train, args.block, args.batch, generator)
        with autocast:
            logits = step_model(x)
        loss = F.cross_entropy(logits.float().reshape(-1, VOCAB), y.reshape(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        step += 1
        seen += x.numel()
        if step % args.eval_every == 0:
            val_loss = evaluate()
            rate = seen / (time.time() - started)
            history.append({"step": step, "tokens": seen, "train_loss": loss.item(), "val_loss": val_loss, "seconds": round(time.time() - started, 1)})
            if val_loss < best["val_loss"]:
                # Many epochs over a few million tokens overfit: what is saved is the best validation point.
                best = {"val_loss": val_loss, "step": step, "state": {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}}
            print(f"step {step}: train {loss.item():.3f} · val {val_loss:.3f} (ppl {math.exp(val_loss):.1f}) · {rate:,.0f} tokens/s · lr {lr:.2e}", flush=True)

    val_loss = evaluate()
    seconds = time.time() - started
    final_step = step
    if best["state"] is not None and best["val_loss"] < val_loss:
        model.load_state_dict(best["state"])
        val_loss, step = best["val_loss"], best["step"]
    training = {
        "data": data_manifest,
        "steps": final_step,
        "saved_step": step,
        "tokens_seen": seen,
        "epochs": round(seen / len(train), 3),
        "seconds": round(seconds, 1),
        "tokens_per_second": round(seen / seconds),
        "final_val_loss": round(val_loss, 4),
        "final_val_perplexity": round(math.exp(val_loss), 2),
        "history": history,
        "args": vars(args),
        "parameters": params,
        "device": torch.cuda.get_device_name(0) if cuda else "cpu",
        "torch": torch.__version__,
    }
    save_weights(model, args, args.out, training)
    write_check(model, args, val, args.out)
    print(f"done: {final_step} steps (saved: step {step}), {seen / 1e6:.1f} M tokens ({training['epochs']} epochs) in {seconds / 60:.1f} min; val loss {val_loss:.3f} (ppl {math.exp(val_loss):.1f}) → {args.out}", flush=True)


if __name__ == "__main__":
    main()
