"""python -m service [--host H] [--port P] [--workers N] [--model PATH] [--reload]"""

from __future__ import annotations

import argparse
import sys

from extractor.errors import ExtractorError

from .cli import serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service", description="Serve the extractor's API and page.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--model", default=None, help="saved pipeline folder (default: the shipped model)")
    parser.add_argument("--reload", action="store_true", help="restart on code changes (development)")
    args = parser.parse_args(argv)
    try:
        serve(host=args.host, port=args.port, workers=args.workers, model=args.model, reload=args.reload)
    except ExtractorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
