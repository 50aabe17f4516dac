"""Character spans ↔ sub-word tags, and the overlapping windows a long text is read in.

Pure Python over offset mappings (one `(start, end)` character pair per sub-word token, as a fast
tokenizer returns them), so it is tested without torch.

- `spans_to_tags`: gold character spans to one tag per token (BIO or BILUO). A span whose edges do
  not fall on token edges is labelled on the tokens it overlaps, and reported.
- `tags_to_spans`: tags back to exact character offsets of the text.
- `window_starts` / `best_window`: windows of at most `size` tokens that overlap by `overlap`, and
  for each token the window where it sits farthest from a cut edge (its prediction is taken from
  there), so no part of a long text is ever left unread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

SCHEMES = ("BIO", "BILUO")
OUTSIDE = "O"

Offsets = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class CharSpan:
    """A labelled character span, `end` exclusive."""

    start: int
    end: int
    label: str


def tag_names(labels: Iterable[str], scheme: str = "BIO") -> list[str]:
    """All tags of a label set: "O" first, then the prefixed tags of each label in order."""
    prefixes = _prefixes(scheme)
    return [OUTSIDE] + [f"{p}-{label}" for label in labels for p in prefixes]


def _prefixes(scheme: str) -> tuple[str, ...]:
    if scheme == "BIO":
        return ("B", "I")
    if scheme == "BILUO":
        return ("B", "I", "L", "U")
    raise ValueError(f"unknown tagging scheme {scheme!r}: use one of {', '.join(SCHEMES)}")


def spans_to_tags(
    offsets: Offsets,
    spans: Iterable[CharSpan],
    *,
    scheme: str = "BIO",
    doc_id: str = "?",
    text: str | None = None,
) -> tuple[list[str], list[str]]:
    """One tag per token for the gold spans; returns (tags, problems).

    Tokens with an empty offset (special tokens) get "O". A span whose start or end falls inside a
    token is labelled on every token it overlaps and reported in `problems`; a span that overlaps
    no token (only whitespace) or an earlier span is reported and left out. Nothing is dropped
    without a line in `problems`.
    """
    _prefixes(scheme)
    tags = [OUTSIDE] * len(offsets)
    problems: list[str] = []
    real = [i for i, (s, e) in enumerate(offsets) if e > s]
    starts = {offsets[i][0] for i in real}
    ends = {offsets[i][1] for i in real}
    for span in sorted(spans, key=lambda sp: (sp.start, -sp.end)):
        shown = repr(text[span.start:span.end]) if text is not None else f"{span.start}-{span.end}"
        covered = [i for i in real if offsets[i][0] < span.end and span.start < offsets[i][1]]
        if not covered:
            problems.append(f"{doc_id}: {span.label} span {span.start}-{span.end} {shown} covers no token; left out")
            continue
        if any(tags[i] != OUTSIDE for i in covered):
            problems.append(f"{doc_id}: {span.label} span {span.start}-{span.end} {shown} overlaps another span; left out")
            continue
        if span.start not in starts or span.end not in ends:
            got = (offsets[covered[0]][0], offsets[covered[-1]][1])
            got_text = repr(text[got[0]:got[1]]) if text is not None else f"{got[0]}-{got[1]}"
            problems.append(
                f"{doc_id}: {span.label} span {span.start}-{span.end} {shown} does not fall on token "
                f"boundaries; labelled as {got[0]}-{got[1]} {got_text}"
            )
        for k, i in enumerate(covered):
            tags[i] = f"{_prefix(k, len(covered), scheme)}-{span.label}"
    return tags, problems


def _prefix(k: int, n: int, scheme: str) -> str:
    if scheme == "BIO":
        return "B" if k == 0 else "I"
    if n == 1:
        return "U"
    return "B" if k == 0 else ("L" if k == n - 1 else "I")


def tags_to_spans(offsets: Offsets, tags: Sequence[str]) -> list[CharSpan]:
    """Decode tags (BIO or BILUO, read leniently) to character spans of the text.

    A span runs from its first token's start to its last token's end, so `text[start:end]` is the
    exact covered text. An I- or L- tag that does not continue a span of its label opens one; a
    B- or U- tag always opens one.
    """
    out: list[CharSpan] = []
    cur_label: str | None = None
    cur_start = cur_end = 0

    def close() -> None:
        nonlocal cur_label
        if cur_label is not None:
            out.append(CharSpan(cur_start, cur_end, cur_label))
        cur_label = None

    for (s, e), tag in zip(offsets, tags):
        if e <= s:  # special or empty token: no effect on spans
            continue
        if tag == OUTSIDE or "-" not in tag:
            close()
            continue
        prefix, label = tag.split("-", 1)
        if prefix in ("B", "U") or label != cur_label:
            close()
            cur_label, cur_start = label, s
        cur_end = e
        if prefix in ("L", "U"):
            close()
    close()
    return out


def word_level_tags(tags: Sequence[str], word_ids: Sequence[Optional[int]]) -> list[str]:
    """Tags where every sub-word of a word follows the word's first sub-word.

    Predictions can disagree inside a word ("mo" B-MINISTRY, "##tir" O); a mention never starts
    or ends inside a word of the tokenizer's pre-tokenisation (which splits at whitespace and
    punctuation), so the first sub-word's tag is taken for the word: O for all, or the label with
    the prefixes of the scheme (B…I…I for B-, I…I for I-, B…L for U-, I…L for L-).
    """
    out = list(tags)
    i = 0
    n = len(tags)
    while i < n:
        j = i + 1
        while j < n and word_ids[i] is not None and word_ids[j] == word_ids[i]:
            j += 1
        head = tags[i]
        if j - i > 1:
            if head == OUTSIDE or "-" not in head:
                out[i:j] = [OUTSIDE] * (j - i)
            else:
                prefix, label = head.split("-", 1)
                first = "B" if prefix in ("B", "U") else "I"
                last = "L" if prefix in ("L", "U") else "I"
                out[i:j] = [f"{first}-{label}"] + [f"I-{label}"] * (j - i - 2) + [f"{last}-{label}"]
        i = j
    return out


def window_starts(n_tokens: int, size: int, overlap: int) -> list[int]:
    """Start indices of windows of `size` tokens that overlap by `overlap` and cover all tokens."""
    if size < 1:
        raise ValueError(f"window size must be at least 1, not {size}")
    if not 0 <= overlap < size:
        raise ValueError(f"window overlap {overlap} must be at least 0 and less than the window size {size}")
    if n_tokens <= size:
        return [0]
    step = size - overlap
    starts = list(range(0, n_tokens - size, step))
    starts.append(n_tokens - size)  # the last window ends on the last token
    return starts


def best_window(n_tokens: int, size: int, starts: Sequence[int]) -> list[int]:
    """For each token, the index (into `starts`) of the window where it has the most context.

    A token's context in a window is its distance to the nearer edge that cuts the text; an edge
    that is the text's own start or end does not count as a cut.
    """
    best = [-1] * n_tokens
    score = [-1.0] * n_tokens
    for w, a in enumerate(starts):
        b = min(a + size, n_tokens)
        for i in range(a, b):
            left = float("inf") if a == 0 else i - a
            right = float("inf") if b == n_tokens else b - 1 - i
            s = min(left, right)
            if s > score[i]:
                best[i], score[i] = w, s
    return best
