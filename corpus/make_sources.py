"""Create the authoring skeletons of corpus/src/ from ../shared/seeds (run once; keeps existing files).

    python corpus/make_sources.py ../shared/seeds
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractor.readers import parse_listing

SPLIT = {
    # test: meetings, agreements, trade concerns and statistics releases
    "motir-000-03": "test", "motir-000-06": "test", "motir-001-03": "test", "motir-001-04": "test",
    "motir-001-09": "test", "motir-002-03": "test", "motir-002-05": "test", "motir-003-04": "test",
    "motir-003-10": "test",
    # dev
    "motir-000-04": "dev", "motir-001-07": "dev", "motir-002-07": "dev", "motir-003-06": "dev",
    "article-004": "dev",
}


def main(seeds: Path) -> None:
    out_dir = Path(__file__).resolve().parent / "src"
    out_dir.mkdir(exist_ok=True)
    for path in sorted(seeds.glob("*.txt")):
        num = path.name[:3]
        text = path.read_text(encoding="utf-8")
        if num == "004":
            lines = text.strip("\n").split("\n")
            title = lines[0].strip()
            docs = [{"id": "article-004", "date": None, "title": title, "category": "Article",
                     "text": text.strip("\n")}]
        else:
            docs = []
            for rec in parse_listing(text, prefix=f"motir-{num}"):
                docs.append({"id": rec.id, "date": rec.date, "title": rec.extra["title"],
                             "category": rec.extra.get("category"), "text": rec.text})
        for doc in docs:
            doc["split"] = SPLIT.get(doc["id"], "train")
            doc["entities"], doc["events"] = [], []
            target = out_dir / f"{doc['id']}.json"
            if not target.exists():
                target.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
