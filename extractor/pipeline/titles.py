"""Titles of posts ("Trade Minister", "Deputy Minister for Trade", "U.S. Senator", "CEO"), read from
`data/titles.jsonl`: which words make a title, and whether a title makes its holder an OFFICIAL.

Kinds: `official` (a public post: Minister, Senator, Ambassador), `head` (President, Chair, Director:
an OFFICIAL when the body is a government one, else a PERSON), `person` (CEO, professor: PERSON),
`none` (honorifics: Mr., Dr.).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).resolve().parent.parent / "data" / "titles.jsonl"

# words that may sit inside a title phrase between its head words: "Deputy Minister for Trade"
_TITLE_GLUE = {"of", "for", "and", "to", "the", "on", "&", ",", "-", "–", "General", "Vice", "Deputy",
               "First", "Second", "Senior", "Assistant", "Under", "Associate", "Acting", "Executive",
               "Chief", "Trade", "Industry", "Commerce", "Foreign", "Economic", "State"}
_MODIFIERS = {"Vice", "Deputy", "Prime", "Trade", "Industry", "Commerce", "Finance", "Foreign", "Economy",
              "Energy", "Acting", "Former", "former", "Senior", "Chief", "First", "Second", "Assistant",
              "Under", "Associate", "Executive", "Permanent", "Junior", "Economic", "General", "Industrial",
              "Resources", "Agriculture", "Investment", "Business", "International", "Lead", "Special"}


@dataclass(frozen=True)
class TitleLexicon:
    heads: dict[str, str]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "TitleLexicon":
        return cls.from_file(DATA)

    @classmethod
    def from_file(cls, path: Path) -> "TitleLexicon":
        heads: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                heads[row["pattern"]] = row["kind"]
        return cls(heads)

    def is_title_word(self, word: str) -> bool:
        if word in self.heads:
            return True
        return word in _MODIFIERS or word in ("Mr.", "Ms.", "Mrs.", "Dr.")

    def kind_of(self, title: str) -> Optional[str]:
        """The kind of a title phrase, from its last head word ("Deputy Minister for Trade" → official)."""
        best: Optional[tuple[int, int, str]] = None
        for head, kind in self.heads.items():
            if kind == "none":
                continue
            m = re.search(r"(?<![\w])" + re.escape(head) + r"(?![\w])", title)
            # the head that comes first decides ("Minister of State" → Minister); at one position,
            # the longest ("Director-General" over "Director")
            if m and (best is None or (m.start(), -len(head)) < (best[0], -best[1])):
                best = (m.start(), len(head), kind)
        return best[2] if best else None

    def title_before(self, words: list[str]) -> Optional[int]:
        """Given the words before a name (nearest last), how many of them form its title; None if no title.

        "... Trade Minister" → 2; "Minister of Trade, Industry and Resources" → 6 words;
        stops at a word that cannot be part of a title.
        """
        n = 0
        found = 0
        for i, w in enumerate(reversed(words)):
            if w in self.heads and self.heads[w] != "none" or w in _MODIFIERS or (found and (w in _TITLE_GLUE or w[:1].isupper())):
                n = i + 1
                if w in self.heads and self.heads[w] != "none":
                    found = n
                continue
            break
        return found or None
