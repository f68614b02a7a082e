"""Which side of Ofsted's findings a question asks for ("What were the concerns about…", "What did
Ofsted praise…") and which side a finding states (what is not yet good enough, or praise).

A side is asked at the question's head, as what it asks for: "concerns" a referral raises, or
"safeguarding concerns" a front door handles, are things social work deals with, not a side."""

from __future__ import annotations

import re

_SHORTCOMINGS = r"concerns|worries|issues|weakness(?:es)?|weak\s+(?:spots|points|areas)|problems|shortcomings|shortfalls|failings|deficiencies|criticisms"
_STRENGTHS = r"strengths|positives"
# "the", "Ofsted's main", "its key", …, before the side's noun
_OF_IT = r"(?:(?:the|ofsted['’]s|inspectors['’]?|its|their|our|any)\s+)?(?:(?:main|key|biggest|principal|major|single|one|only|other|remaining|most\s+\w+)\s+)?"
# "What did Ofsted / the 2022 report / Ofsted's monitoring visit <verb>…"
_SAID_OF = (
    r"what\s+did\s+(?:ofsted|(?:the\s+)?inspectors?|(?:ofsted['’]s|the|its)\s+(?:\d{4}\s+)?"
    r"(?:inspection|report|visit|letter|monitoring\s+visit|focused\s+visit))\s+(?:\w+\s+){0,3}?"
)
_AUX = r"(?:did|do|does|were|are|was|is|have|has|had)"


def _asks(nouns: str, verbs: str, phrases: str) -> re.Pattern:
    return re.compile(
        r"^\s*(?:and\s+)?(?:"
        rf"(?:what|which)\s+(?:were|are|was|is)\s+{_OF_IT}(?:{nouns})\b"  # What were the main concerns…
        rf"|(?:what|which)\s+{_OF_IT}(?:{nouns})(?:\s+(?:in|of|with|about|at)\s+[^?]{{0,80}}?)?\s+{_AUX}\b"  # What weaknesses did…
        rf"|(?:(?:are|were)\s+there\s+|did\s+\w+\s+(?:find|raise|identify|note|report)\s+)?any\s+(?:{nouns})\b"  # Any issues with…
        rf"|(?:list|name|summari[sz]e|describe|tell\s+me\s+about)\s+{_OF_IT}(?:{nouns})\b"
        rf"|{_SAID_OF}(?:{verbs})\b"
        rf"|{phrases})",
        re.I,
    )


_ASKS_SHORTCOMINGS = _asks(
    _SHORTCOMINGS, r"criticis\w*|criticiz\w*",
    r"where\s+did\b[^?]*\bf[ae]ll\s+short|what\s+(?:went|is\s+going|was\s+going)\s+wrong"
    r"|what\s+(?:needs|needed|need)\s+to\s+improve|what\s+(?:do|does|did)\s+\w+\s+need\s+to\s+improve"
    r"|what\s+(?:was|is|were|are)\s+(?:found\s+to\s+be\s+)?not\s+(?:yet\s+)?good\s+enough"
    r"|(?:what|which)\s+(?:were|are)\s+(?:the\s+)?areas?\s+(?:for|of|needing)\s+(?:improvement|development)"
    r"|why\b[^?]{0,100}\b(?:requires?\s+improvement|required\s+improvement|RI|inadequate)\b"  # "Why was help and protection judged requires improvement?", "why RI"
    r"|what\s+(?:held|holds|was\s+holding|is\s+holding)\s+(?:[\w’'-]+\s+){0,4}?back\b"  # "what held that area back?"
    r"|(?:was|is|were|are)\s+(?:there\s+)?anything\s+(?:still\s+|else\s+)?(?:lacking|missing|wrong|not\s+(?:yet\s+)?(?:working|good\s+enough))\b",  # "was anything still lacking?"
)
_ASKS_STRENGTHS = _asks(
    _STRENGTHS, r"prais\w*|commend\w*|credit\w*",
    r"what\s+(?:was|is|were|are)\s+(?:actually\s+|really\s+|still\s+)?(?:working|going)\s+well|what\s+(?:worked|went)\s+well"
    r"|why\b[^?]{0,100}\b(?:good|outstanding)\b",
)
# "What were the strengths and weaknesses…?": both sides
_BOTH = re.compile(
    rf"\b(?:strengths?\s+(?:and|or)\s+(?:{_SHORTCOMINGS}|weakness|concern|areas?\s+for\s+(?:improvement|development))"
    rf"|(?:{_SHORTCOMINGS}|weakness|concern)\s+(?:and|or)\s+strengths?|positives?\s+and\s+negatives?)\b",
    re.I,
)
# the words that ask for a side, wherever said: not what the question is about
_SIDE_WORDS = re.compile(
    rf"\b(?:{_SHORTCOMINGS}|{_STRENGTHS}|criticis\w*|criticiz\w*|prais\w*|commend\w*|f[ae]ll\s+short|went\s+wrong"
    r"|(?:working|going|worked|went)\s+well|areas?\s+(?:for|of|needing)\s+(?:improvement|development)"
    r"|need(?:s|ed)?\s+to\s+improve|not\s+(?:yet\s+)?good\s+enough)\b",
    re.I,
)

# Ofsted's words for what is not yet good enough ("not", "too", "delays", "inconsistent"), as against praise
_SHORTCOMING = re.compile(
    r"\b(?:not|no|too|lack\w*|insufficien\w*|inconsisten\w*|variab\w*|weak\w*|poor\w*|delay\w*|limited|gaps?|drift|"
    r"fail\w*|shortfall\w*|shortages?|however|although|inadequa\w*|ineffective\w*|unsuitabl\w*|instability|breakdowns?|unmet|"
    r"concern\w*|unclear|slow\w*|absence|deficit\w*|yet\s+to|out\s+of\s+date|overly|infrequent\w*|generic|"
    r"less\s+(?:effective\w*|strong|well|robust|timely|consistent\w*|thorough\w*|clear\w*|secure|developed|good|successful\w*)|"
    r"remains?\s+(?:too\s+|very\s+)?high|turnover\s+(?:is|was|remains)\s+high|high\s+turnover)\b",
    re.I,
)
# ... and the same words in praise: "without delay", "no longer", "concerns about children are
# responded to swiftly"
_NOT_A_SHORTCOMING = re.compile(
    r"\b(?:without\s+(?:undue\s+|unnecessary\s+|any\s+)?delay|no\s+longer|not\s+only|no\s+(?:undue\s+)?(?:delay|drift)"
    # what is done against delay: "helps to prevent delays in important decisions"
    r"|(?<!rarely )(?<!seldom )(?<!never )(?<!not )(?:prevent|avoid|reduc|minimi[sz]|tackl)\w*\s+(?:any\s+|further\s+|unnecessary\s+|the\s+)?(?:delay|drift)\w*"
    r"|concerns?\s+(?:about|for)\s+(?:\w+\s+){1,3}(?:are|is|were|was)\s+(?:promptly\s+|swiftly\s+|quickly\s+|appropriately\s+)?"
    r"(?:responded|acted|identified|escalated|shared|addressed)"
    r"|(?:addressed|tackled|resolved|remedied|overcome)\s+(?:(?:the|these|those|most|many|its|their)\s+)?(?:weakness\w*|shortfalls?|concerns|deficits?|gaps?))\b",
    re.I,
)
# the heading of a list of what needs to improve, in every framework's words
_IMPROVE_HEADING = re.compile(
    r"\b(?:needs?\s+to\s+improve|areas?\s+for\s+(?:priority\s+)?(?:improvement|action|development)|priority\s+action|recommendations?)\b", re.I
)


def lists_improvements(heading: str) -> bool:
    """Is ``heading`` that of a report's list of what needs to improve (a SIF report's "Areas for
    improvement", an ILACS report's "What needs to improve?", "Recommendations")?"""
    return bool(_IMPROVE_HEADING.search(heading))


def asked_side(question: str) -> str | None:
    """"shortcomings" or "strengths" when a question asks for one side of what was found; None for
    both or neither."""
    if _BOTH.search(question):
        return None
    short, strong = bool(_ASKS_SHORTCOMINGS.search(question)), bool(_ASKS_STRENGTHS.search(question))
    side = "shortcomings" if short and not strong else "strengths" if strong and not short else None
    # a later ask for the other side makes it both ("Why was it only judged requires improvement, and
    # what was going well?"); a later ask of one side after a question of both stays both ("How good
    # was it, and was anything still lacking?")
    later = [question[m.end():] for m in _NEXT_ASK.finditer(question)]
    other = _ASKS_STRENGTHS if side == "shortcomings" else _ASKS_SHORTCOMINGS
    return None if side and any(other.search(ask) for ask in later) else side


_NEXT_ASK = re.compile(r",?\s+and\s+(?=(?:what|which|why|where|was|were|is|are|did|had|has)\b)", re.I)


def frames_a_side(text: str) -> bool:
    """Does ``text`` ask for one side of the findings, or both by name ("strengths and weaknesses")?"""
    return bool(_BOTH.search(text) or _ASKS_SHORTCOMINGS.search(text) or _ASKS_STRENGTHS.search(text))


def without_side(text: str) -> str:
    """``text`` without the words that ask for one side of the findings ("concerns", "strengths")."""
    return _SIDE_WORDS.sub(" ", text)


def states_shortcoming(text: str, heading: tuple[str, ...] = ()) -> bool:
    """Does a finding say what is not yet good enough, in its words or as an item of a list of what
    needs to improve (``heading``: its passage's headings)?"""
    return bool(_SHORTCOMING.search(_NOT_A_SHORTCOMING.sub(" ", text)) or (heading and _IMPROVE_HEADING.search(heading[-1])))
