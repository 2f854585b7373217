#!/usr/bin/env python3
"""Check the built-in translations of themes/default/strings.toml.

Each strings.<lang>.toml must have exactly the keys of strings.toml, in the same order
(Arabic also has `_zero`, `_two`, `_few`, `_many` right after each `_other`), the same
`{placeholders}` per key, no empty values, 12 months, 7 weekdays and a valid clock.
A missing or broken translation shows up as a wrong page, so this fails loudly.

Usage: python3 scripts/check_strings.py [lang ...]   (default: every strings.*.toml)
"""
import re
import sys
import tomllib
from pathlib import Path

THEME = Path(__file__).resolve().parent.parent / "themes" / "default"
LANGS = ["es", "fr", "de", "pt", "it", "nl", "hi", "ar", "ja", "zh"]
# Languages whose CLDR plural rules need more than one/other (only Arabic here).
EXTRA_PLURALS = {"ar": ["_zero", "_two", "_few", "_many"]}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load(path):
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        sys.exit(f"{path}: not valid TOML: {e}")


def expected_keys(base, lang):
    keys = []
    for k in base:
        keys.append(k)
        if k.endswith("_other"):
            stem = k[: -len("_other")]
            keys += [stem + s for s in EXTRA_PLURALS.get(lang, [])]
    return keys


def check(lang, base):
    path = THEME / f"strings.{lang}.toml"
    if not path.exists():
        return [f"{path.name}: missing"]
    tr = load(path)
    errors = []
    want = expected_keys(base, lang)
    have = list(tr)
    for k in want:
        if k not in tr:
            errors.append(f"{path.name}: missing key `{k}`")
    for k in have:
        if k not in want:
            errors.append(f"{path.name}: unexpected key `{k}`")
    if not errors and have != want:
        first = next(i for i, (a, b) in enumerate(zip(have, want)) if a != b)
        errors.append(f"{path.name}: keys out of order at `{have[first]}` (expected `{want[first]}`)")
    for k, v in tr.items():
        if not isinstance(v, str):
            errors.append(f"{path.name}: `{k}` is not a string")
            continue
        # Plain ASCII strip: a thousands separator may be a (narrow) no-break space.
        if not v.strip(" \t\r\n"):
            errors.append(f"{path.name}: `{k}` is empty")
        stem = re.sub(r"_(zero|one|two|few|many|other)$", "_other", k)
        src = base.get(k, base.get(stem))
        if src is None:
            continue
        if sorted(PLACEHOLDER.findall(v)) != sorted(PLACEHOLDER.findall(src)):
            errors.append(
                f"{path.name}: `{k}` has placeholders {sorted(set(PLACEHOLDER.findall(v)))}, "
                f"strings.toml has {sorted(set(PLACEHOLDER.findall(src)))}"
            )
        if "{link}" in v and v.index("{link}") > v.index("{end_link}"):
            errors.append(f"{path.name}: `{k}` has {{end_link}} before {{link}}")
        if "<" in v and "<" not in src:
            errors.append(f"{path.name}: `{k}` contains markup; strings.toml's value has none")
    for k in base:
        if k.endswith("_one") and k[:-4] + "_other" in base:
            for form in ("_one", "_other"):
                if k[:-4] + form not in tr:
                    errors.append(f"{path.name}: plural pair `{k[:-4]}` lacks `{form}`")
    if isinstance(tr.get("months"), str) and len(tr["months"].split("|")) != 12:
        errors.append(f"{path.name}: `months` needs 12 names separated by |")
    if isinstance(tr.get("weekdays"), str) and len(tr["weekdays"].split("|")) != 7:
        errors.append(f"{path.name}: `weekdays` needs 7 names separated by |, from Sunday")
    for key in ("months", "weekdays"):
        if isinstance(tr.get(key), str) and any(not n.strip(" ") for n in tr[key].split("|")):
            errors.append(f"{path.name}: `{key}` has an empty name")
    if tr.get("clock") not in ("24h", "12h"):
        errors.append(f"{path.name}: `clock` must be \"24h\" or \"12h\", not {tr.get('clock')!r}")
    return errors


def main():
    base = load(THEME / "strings.toml")
    langs = sys.argv[1:] or LANGS
    errors = []
    for lang in langs:
        errors += check(lang, base)
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        sys.exit(f"{len(errors)} problem(s) in the translations")
    print(f"ok: {', '.join(langs)} match strings.toml ({len(base)} keys)")


if __name__ == "__main__":
    main()
