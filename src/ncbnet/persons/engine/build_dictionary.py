"""Build the shipped name-equivalence table from the Wikidata transliteration pairs.

    python -m ncbnet.persons.engine.build_dictionary /work/shared/bench-data/transliteration

Reads only the training slices (wd_<script>_64.tsv): the dev slices (_16) measure the engine
and must stay unseen. Writes data/name_equivalents.tsv.gz: one line per native spelling,
`key<TAB>latin:count,latin:count,...`, keys as keys.native_key builds them ("ar:محمد").
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

from anyascii import anyascii
from rapidfuzz.distance import Indel

from .arabic import arabic_skeleton
from .keys import fold_ascii, native_key, skeleton

OUTPUT = Path(__file__).with_name("data") / "name_equivalents.tsv.gz"
SCRIPTS = {"arabic": "arabic", "chinese": "han", "russian": "cyrillic"}
MAX_LATIN_PER_KEY = 8
MIN_SHARE_OF_TOP = 50
# Mined pairs are noisy (a Latin token aligned with the wrong native word): a pair is kept
# only if its consonant skeletons are at least this alike. Chinese transliteration is lossy,
# so its bar is lower.
MIN_SKELETON_SIMILARITY = {"arabic": 0.4, "han": 0.35, "cyrillic": 0.5}


def native_skeleton(native: str, script: str) -> str:
    if script == "arabic":
        return arabic_skeleton(native)
    return skeleton(fold_ascii(anyascii(native)))


def build(source: Path) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, script in SCRIPTS.items():
        with (source / f"wd_{name}_64.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 3:
                    continue
                latin = fold_ascii(parts[0])
                native = parts[1].replace(" ", "")
                key = native_key(native, script)
                if not latin or key is None or len(key) <= 3:
                    continue
                bar = MIN_SKELETON_SIMILARITY[script]
                if (
                    Indel.normalized_similarity(skeleton(latin), native_skeleton(native, script))
                    < bar
                ):
                    continue
                table[key][latin] += int(parts[2])
    return table


def write(table: dict[str, dict[str, int]], output: Path = OUTPUT) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for key in sorted(table):
        ranked = sorted(table[key].items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_LATIN_PER_KEY]
        # A rare pairing next to a frequent one is more likely a mis-alignment than a variant.
        floor = ranked[0][1] / MIN_SHARE_OF_TOP
        ranked = [(latin, count) for latin, count in ranked if count >= floor]
        lines.append(key + "\t" + ",".join(f"{latin}:{count}" for latin, count in ranked))
    with gzip.GzipFile(output, "wb", mtime=0) as fh:  # mtime=0: reproducible bytes
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    count = write(build(Path(args[0])))
    print(f"wrote {count} native spellings to {OUTPUT} ({OUTPUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
