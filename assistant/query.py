"""Understanding a question before searching: checks, follow-up rewriting, the places and years it
names, what kind of answer it wants, and instructions posing as questions."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.errors import QuestionError
from index.ofsted import authorities, names_of
from index.types import OFSTED_KINDS
from index.text import MONTHS, normalise, strip_control_codes
from index.tokens import known_word

from . import acronyms, glossary
from .lexical import STOPWORDS
from .sides import asked_side
from .types import Turn

MAX_QUESTION_CHARS = 2000

_INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|prompts?|rules|documents?|sources?|context|above|previous|everything|plan|reports?|letters?|articles?|evidence|facts)\b"
    r"|\b(system prompt|jailbreak|developer mode|you are now|pretend (to be|you are)|role-?play)\b"
    r"|(?:^|[.?!:]\s*|\b(?:please|now|you|to|and)\s+)act\s+as\b"  # told to ("Act as…", "I want you to act as…"), not what people do ("councillors act as 'parents'")
    r"|\b(write|compose|tell)\s+(me\s+|us\s+)?(a|an|some|another)\b.{0,20}\b(poem|song|story|joke|haiku|limerick)s?\b"
    r"|(^|\band\s+)(simply\s+|just\s+)?(state|say|claim|assert|declare|confirm)\s+that\b"
    r"|\b(what|do|don['’]t)\s+you\s+(think|believe|feel|reckon)\b|\byour (own )?(opinion|view|knowledge)\b"
    # advice to the one asking ("Would I be better off fostering for Stockport or for Sefton?", "Should I move to…?")
    r"|\bwould\s+(i|we)\s+be\s+better\s+off\b|(^|[.?!]\s+)(should|shall)\s+(i|we)\b|\b(do|would|could)\s+you\s+(recommend|advise|suggest)\b",
    re.I,
)
# What no inspection document can say: what a future inspection will find, and which inspector
# is the harshest (a judgement of people, not a finding)
_SPECULATION = re.compile(
    r"\bwill\b[^?]{0,80}\b(get|receive|achieve|keep|retain|maintain|hold|lose|stay|remain|improve|regain|win|be\s+(rated|graded|judged|found|out\s+of)|(get|come|climb|move)\s+(out\s+of|up))\b[^?]{0,60}\b(next|future|coming|upcoming)\s+((\w+\s+){0,2}(inspection|visit)|time)\b"
    r"|\b(next|future|upcoming)\s+(\w+\s+){0,2}(inspection|visit)\b[^?]{0,60}\bwill\b[^?]{0,40}\b(get|receive|achieve|keep|retain|maintain|hold|lose|stay|remain|rate|grade|judge|find)\b"
    r"|\b(next|future|upcoming|forthcoming)\s+(\w+\s+){0,2}(inspection|visit)\b(?![^?]{0,40}\b(after|following)\b)[^?]{0,80}\b(due|expected|planned|scheduled|happen|take\s+place|be)\b"
    r"|\b(expected|predicted|forecast|likely|going|on\s+course|on\s+track|set|poised)\s+to\s+(?:\w+ly\s+)?(get|receive|achieve|be|keep|retain|maintain|hold|lose|stay|remain)\b[^?]{0,60}\b(next|future|upcoming|forthcoming)\s+((\w+\s+){0,2}(inspection|visit)|time)\b"
    r"|\bwhen\s+will\b[^?]{0,80}\b(inspect\w*|visit\w*|judged|rated|graded)\b"
    r"|\b(will|likely|expected|going\s+to)\b[^?]{0,100}\b(?:when|once|after)\s+(?:ofsted|inspectors?)\s+next\s+(?:inspects?|visits?|comes?|returns?)\b"  # "…likely to be judged outstanding when Ofsted next inspects?"
    r"|\bwill\b[^?]{0,60}\b(?:rate|grade|judge|be\s+(?:rated|graded|judged))\b[^?]{0,40}\b(?:a\s+(?:second|third|fourth|fifth)\s+time|again)\b"  # "Will Ofsted rate it outstanding a third time?"
    r"|\bwill\b[^?]{0,100}\bin\s+(?:[\w-]+\s+)?(?:years?|months?)['’]?\s+time\b"  # "Will the trust still be running them in five years' time?"
    r"|\b(?:what|which)\s+(?:date|day|month|year)\s+will\b[^?]{0,80}\b(?:next|future|upcoming|forthcoming)\s+(?:\w+\s+){0,2}(?:inspection|visit)\b"  # "On what date will Ofsted carry out its next full inspection?"
    r"|\b(expects?|predicts?|forecasts?)\b[^?]{0,80}\bto\s+be\s+(judged|rated|graded|good|outstanding|inadequate)\b"
    r"|^\s*(which|what)\s+(council|authority|local\s+authority|area)\b[^?]{0,60}\b(the\s+)?(best|worst|finest|poorest)\b"  # a ranking of councils
    r"|\bthe\s+(best|worst)\s+(?:[\w-]+\s+){0,2}?(boroughs?|councils?|authorit(?:y|ies)|count(?:y|ies))\b(?![’']s)"  # "Is Islington the best London borough for…?"
    r"|\bnext\s+(?:due|expected|scheduled|set|planned)\s+to\s+(?:be\s+)?(?:inspect\w*|visit\w*|return|come)\b"  # "When is Ofsted next due to inspect Bolton?"
    r"|\b(rank|ranks|ranked|ranking|league\s+tables?)\b[^?,;]{0,60}\b(councils|authorities|england|the\s+country|nationally)\b"  # (in one clause: not "Where does Kent rank on deprivation, and how many district councils…?")
    r"|\bwill\b[^?]{0,80}\bbe\s+(?:(?:still|back|again)\s+(?:to\s+)?)?(?:outstanding|good|inadequate|requir\w*\s+improvement)\b[^?]{0,60}\b(next|future|coming|upcoming)\s+((\w+\s+){0,2}(inspection|visit)|time)\b"  # "Will it still be outstanding at its next inspection?"
    # whether a verdict was fair ("was Ofsted too harsh on…?", "Did the council really deserve requires improvement?")
    r"|\b(?:was|were|is|are)\s+(?:ofsted|the\s+inspectors?|inspectors|the\s+(?:judgement|grade|rating|verdict))\s+(?:being\s+)?(?:too|overly|unduly)\s+(?:harsh|lenient|strict|generous|soft|tough)\b"
    r"|\b(?:was|were|is|are)\s+(?:ofsted|the\s+inspectors?|inspectors)\s+(?:being\s+)?(?:unfair|unjust|fair|wrong|right)\s+(?:to|on|about|in)\b"  # "Was Ofsted being unfair to Harrow…?"
    r"|\bdeserved?s?\s+(?:the\s+|a\s+|an\s+|its\s+|that\s+)?(?:grade|rating|judgement|outstanding|good|inadequate|requires?\s+improvement)\b"
    r"|(?:^|[.?!]\s+)should\s+[^?]{0,80}?\bhave\s+(?:been\s+)?\w+(?:ed|en|t)\b"  # what ought to have been done ("Should the government have taken … away?")
    r"|\b(harshest|strictest|toughest|most\s+(lenient|harsh|strict|biased|unfair))\s+(lead\s+)?inspectors?\b"
    r"|\binspectors?\s+(is|are|was|were)\s+(the\s+)?(harshest|strictest|toughest|most\s+(lenient|harsh|strict|biased|unfair))\b",
    re.I,
)
# the kind of inspection a question may name ("its 2017 single inspection", "the short inspection")
_KIND = r"((single|standard|short|full|remote|virtual|ilacs|sif|monitoring|joint\s+targeted\s+area|(?:safeguarding\s+and\s+)?looked\s+after\s+children(?:[’']s)?(?:\s+services)?|child\s+protection|re-?)\s*)?"
_META = re.compile(
    r"^\s*(what|how)\s+(did|does|do|has|have)\s+(ofsted|the inspectors?|inspectors?"
    r"|the ((two|both)\s+)?(\d{4}\s+)?(ofsted\s+)?(focused[- ]visit\s+|inspection\s+)?(letters?|reports?)|the (plan|article|press release)"
    rf"|(the|its|ofsted['’]s)\s+(\d{{4}}\s+)?{_KIND}(inspection|focused\s+visit|visit))\s+"
    r"(say|said|find|found|report|reported|conclude|concluded|note|noted|think|write|wrote)\s+(about|on|of|regarding|in relation to)?\s*",
    re.I,
)
# "Why did Ofsted rate Kirklees's services for children looked after inadequate?", "Why were its
# services for care leavers judged outstanding?": what was graded (and its grade) is the topic
_WHY_GRADED = re.compile(
    r"^\s*(?:so\s+)?why\s+(?:did|does|do|had|has|have)\s+(?:ofsted|(?:the\s+)?inspectors?)\s+(?:rate|judge|grade|assess|score)[ds]?\s+"
    r"|(?<=^why )\s*(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?=[^?]*?\s(?:rated|judged|graded|assessed|scored)\b)"
    r"|(?<=\s)(?:rated|judged|graded|assessed|scored)\s+(?:as\s+)?(?=(?:inadequate|outstanding|good|requir\w*\s+improvement)\b)",
    re.I,
)
_FOLLOW_UP = re.compile(r"^\s*(and|also|what about|how about|and what about|same for|what of|but)\b|^\s*(it|they|them|their|this|that|those|these|there|he|she|his|her)\b", re.I)
_SOURCES = {  # the kinds of document a question asks about, and how it names them
    # (a letter as a document, "the 2022 Isles of Scilly letter", not "letters before proceedings", "later life letters")
    OFSTED_KINDS: re.compile(r"\b(ofsted|inspectors?|inspection letters?|focused visit|(?:the|this|that|its|their|\d{4}|(?-i:[A-Z])[\w’'-]*)\s+letters?)\b(?!\s+(?:before|to)\b)", re.I),
    ("improvement_plan",): re.compile(r"\b(improvement plan|action plan|the plan|actions?)\b", re.I),
    ("press_release",): re.compile(r"\b(press release|council said|council announce\w*)\b", re.I),
    ("news_article",): re.compile(r"\b(article|community care|news|journalists?)\b", re.I),
}
_PRESS_KINDS = ("press_release", "news_article")
# "How do the two letters compare on thresholds?": what is compared is the topic.
_COMPARE = re.compile(r"\bcompar\w*\b.{0,120}?\b(?:on|about|regarding|in terms of|when it comes to)\s+(?P<topic>[^?]{3,})", re.I)
# "How did Ofsted's findings on supervision change between …", "Has supervision got better or worse
# since …": what changed is the topic; the documents compared are where to look, not what to match
_CHANGE = re.compile(
    # "Has Kent improved its support for care leavers since 2022?"
    r"^\s*(?:has|have|had|did)\s+(?!(?:the\s+)?(?:ofsted|inspectors?)\b)\S.*?\s+(?:(?:improved?|changed?|strengthened|strengthen)\s+(?:its|their|the)"
    r"|(?:got|get|become|became)\s+(?:any\s+)?(?:better|worse)\s+(?:at|in|with))\s+"
    r"(?P<object>[^?]+?)(?=\s+(?:since|between|from|after)\b|\s+(?:at|in)\s+(?:(?:its|the)\s+)?(?:last|latest|previous|most\s+recent|first|(?:19|20)\d\d)\b|\s*[?.]?\s*$)"
    r"|^\s*(?:how\s+(?:did|has|have|had)|has|have|had|did)\s+(?:(?:ofsted|the inspectors?)['’]s\s+(?:findings|view|views|judgements?|assessment|verdict)\s+(?:on|of|about)\s+)?"
    r"(?P<topic>.+?)\s+(?:changed?|improved?|got\s+(?:better|worse)(?:\s+or\s+(?:better|worse))?|declined?|deteriorated?|developed?|progressed?|differ(?:ed)?|compared?|var(?:y|ied))\b"
    # "Were Rotherham's pathway plans any better in 2025 than in 2022?"
    r"|^\s*(?:were|was|are|is)\s+(?P<state>.+?)\s+(?:any\s+|much\s+|still\s+)?(?:better|worse|stronger|weaker)\b"
    # "Why did Ealing's overall judgement fall between 2016 and 2019?": a grade that moved
    r"|^\s*(?:how|why)\s+(?:did|has|have|had)\s+(?P<graded>[^?]*?\b(?:judgements?|grades?|ratings?))\s+(?:f[ae]ll(?:en)?|drop(?:ped)?|r[io]s(?:e|en)|slip(?:ped)?|(?:go|gone|went)\s+(?:up|down))\b",
    re.I,
)
_QUESTION_WORDS = r"(?:what|who|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|list|describe|summari[sz]e|explain)"
_WHOLE_QUESTION = re.compile(rf"^\s*{_QUESTION_WORDS}\b", re.I)
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_BROAD = re.compile(
    r"\b(say|said|find|found|findings|about|summar\w*|overview|describe|tell me|what are|what were|what needs|needs? to improve|list|strengths|weaknesses|areas?|compare|comparison|differ\w*|themes?|concerns?|progress|what\s+(?:was|is|went)\s+(?:wrong|good|lacking|missing|weak|strong)|what\s+(?:still\s+)?needed|how (is|are|was|were|has|have)|how (well|good|effective|effectively|strong|safe|robust))\b"
    r"|^\s*(are\s+there\s+)?any\s+(issues|problems|concerns|weaknesses|strengths)\b"
    # an evaluation asked for ("What did Ofsted make of…", "Was the response good enough?", "What was early help
    # like?", "Was neglect a weakness?", "How stable was the workforce?"): findings, not one fact
    r"|\bwhat\s+did\s+(?:ofsted|inspectors?|the\s+inspectors?|they)\s+make\s+of\b|\bwhat\s+state\b"
    # what inspectors saw or singled out ("What did inspectors see that earned it that grade?", "…highlight?")
    r"|\bwhat\s+(?:did|do|does)\s+(?:ofsted|inspectors?|the\s+inspectors?|they)\s+(?:see|observe|notice|identify|highlight|praise|criticise|criticize|flag)\b"
    r"|\b(?:good|strong|effective|robust|timely)\s+enough\b|\bwhat\s+(?:was|were|is|are)\b[^?,]{1,60}\blike\b"
    r"|\b(?:a|any)\s+(?:weakness|worry|problem)\b|\bhow\s+(?:stable|reliable|bad|timely|consistent|thorough|secure)\b"
    r"|\bwhat\s+(?:held|was\s+holding|is\s+holding)\b|\bwhat\s+(?:made|makes)\b[^?,]{1,60}\b(?:stand|stood)\s+out\b|\bany\s+good\b|\bweak\s+spots?\b|\b(?:have|had|were\s+there)\s+enough\b"
    r"|\b(?:was|were|is|are)\b[^?,]{1,60}\bworking(?:\s+well)?(?=\s*(?:\?|$|,|(?:at|in|when|according|by)\b))"
    # how a service goes about its work ("How did Shropshire respond to children at risk of exploitation?",
    # "How does Islington prepare care leavers to live on their own?"): what inspectors found of it
    r"|^\s*how\s+(?:does|did|do)\b[^?]{0,60}?\b(?:respond|deal|manage|help|prepare|protect|handle)\b"
    # a topic asked by naming it, with no question word ("Supervision in Kent?", "Care leavers, Enfield 2024"),
    # not a fact named so ("Mosaic go-live date?")
    r"|^(?!\s*(what|who|whom|whose|which|where|when|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must)\b)(?=[^?]*\??\s*$)(?![^?]*\b(dates?|names?|numbers?|figures?|grades?|ratings?|costs?|totals?|rates?|who|when)\b)\W*\w+(?:\W+\w+){0,7}\W*$",
    re.I,
)
# A "when" inside a question asks for a date when it opens a clause of its own ("…, and when did it
# end?") or the question has no other question word ("Tell me when…"); in "What happens when
# children are re-referred?" or "What did Ofsted find when it visited?" it only sets the scene.
_WHEN = re.compile(
    r"^\s*(when|what date|what year|which year|which month|by when|how long ago)\b|\b(what|which) (date|year|month)\b"
    r"|\bwhen\s+(did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\b"
    # a request without a question word: "tell me when…", "… visit: when?", not a noun's clause ("health assessments when kids enter care")
    r"|^(?!\s*(what|who|whom|whose|which|where|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b)"
    r"(?:.*\b(?:tell|say|know|find\s+out|remind|show|check|confirm|wondering|ask|asking)\b(?:\s+\w+){0,2}?\s+when\b|.*\bwhen\W*$)",
    re.I,
)
# Nouns for people: "Which government minister…", "which social worker…" ask for a person.
_PERSON_NOUNS = (
    r"persons?|people|inspectors?|officers?|managers?|workers?|councillors?|directors?|leaders?|officials?|journalists?|reporters?"
    r"|ministers?|secretar(y|ies)|politicians?|members?|chairs?|heads?|headteachers?|teachers?|judges?|executives?|commissioners?"
    r"|advis[eo]rs?|dcs|hmis?|iros?"  # (a director of children's services, His Majesty's Inspector, an independent reviewing officer)
    r"|psychologists?|psychiatrists?|doctors?|nurses?|clinicians?|therapists?|practitioners?|consultants?|solicitors?|lawyers?"
    r"|(?:care\s+leaver|young\s+person)(?=\s+(?:who|whom|that|whose)\b|\s*[?,]|$)"  # "the name of the care leaver who told inspectors…" (one person, not "the care leaver forum")
)
# "Which <noun>…" or "What <word> <noun>…" ("Which government minister…"), but not "What did…".
_WHICH = r"^\s*(which|what)\s+((?!(did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\b)\w+\s+)?"
_WHO = re.compile(
    r"^\s*(who|whom|whose)\b|\b(name of|names of|what is the name)\b"
    r"|\bwho\s+(is|was|were|are)\s+(the|a|an|its|their|his|her)\b"  # "…, and who was the lead inspector?"; not "children who are homeless"
    r"|^\s*what\s+(is|was|are|were)\b[^?,]{1,80}\b(called|named)\b(?=\s*(\?|,|$|(according|in|at)\b))"  # "What was Kent's workforce strategy called?"
    r"|^\s*which\s+[\w’'-]+\s+(?:was|is|were|are)\s+(?:it|that|this|they|those)\s*\??\s*$"  # "…built with a property developer. Which developer was it?"
    r"|\b(?:their|its)\s+(?:full\s+)?names\b"  # "I need their names."
    r"|\bwhat(?:['’]s|\s+is|\s+was)\s+(?:the|that|this|their|its)\s+(?:[\w-]+\s+){0,3}?[\w-]+['’]s\s+(?:full\s+)?names?\b"  # "What's the family finder's name?"
    r"|" + _WHICH + r"(products?|systems?|software|company|companies|firms?"
    r"|organisations?|organizations?|councils?|authorit(y|ies)|teams?|models?|universit(y|ies)|charit(y|ies)|schools?|colleges?|hospitals?|" + _PERSON_NOUNS + r")\b",
    re.I,
)
# "Who took part in strategy discussions?", "Who attends the panel?": the participants, often
# agencies ("police", "health"), not a name
_WHO_TAKES_PART = re.compile(
    r"^\s*who\s+((usually|routinely|normally)\s+)?(took|takes|take|taking)\s+part\b|^\s*who\s+(attended|attends|attend|participated|participates|participate)\b"
    r"|^\s*who\s+(is|are|was|were)\s+(involved|invited|present|represented)\b"
    # "Who do its social workers work with…?", "Which young people does the service work with?": partners, or whom it serves
    r"|^\s*(who|whom|which\s+(young\s+people|children|families|people|groups?))\s+(do|does|did)\b[^?]{0,80}?\b(work|partner)\s+(with|alongside)\b"
    # "Who did Ofsted say the line helps?", "Who is the service for?": whom it serves
    r"|^\s*(who|whom)\b[^?]{0,100}\b(help|helps|helped|support|supports|supported|serve|serves|served|benefits?|benefit+ed|for|aimed\s+at|reach|reaches|reached)\s*\?*\s*$",
    re.I,
)
_HOW_LONG = re.compile(r"\bhow long\b|\bfor how many (days|weeks|months|years)\b|\b(average|typical|mean)\s+(length|duration|wait|waiting\s+time|delay|time)\b", re.I)
# "the number of" asks for a figure, except in a yes/no question ("Had the number of referrals gone up?")
_HOW_MANY = re.compile(
    r"\b(how many|how much(?!\s+(?:say|influence|difference|progress|impact|input|involvement|voice|better|worse|further)\b)(?!\s+(?:had|has|have|did|does|do)\s+(?:[\w’'-]+\s+){1,6}?(?:moved\s+on|improved|progressed|developed|changed)\b)|what ((exact|precise|actual) )?(number|percentage|proportion|share|age))\b|\bwhat\s+(%|per\s?cent\b)|^\s*(the\s+)?average\b"  # not "how much say", "how much had it improved": a degree
    r"|\bwhat (?:(?:exactly|precisely|actually) )?(is|was|were|are) (the |its |their |[\w’'-]+['’]s )?([\w’'-]+ ){0,6}(rate|ratio|percentage|proportion|average|total)s?\b"
    r"|\b(how\s+(big|large)\s+(is|was|were|are)|what\s+size\s+(is|was|were|are)|(what\s+is|what\s+was)\s+the\s+size\s+of)\s+(the\s+|its\s+|their\s+|[\w’'-]+['’]s\s+)?([\w’'-]+\s+){0,3}?(team|workforce|panel|board|group)s?\b"  # a group's size: how many
    r"|^(?!\s*(is|are|was|were|has|have|had|did|does|do|can|could|will|would)\b)(?!.*\bwhat\s+(?:has\s+|had\s+)?(?:helped|led|caused|drove|brought|contributed|explains?|explained)\b)"
    r"(?!\s*how\s+(?:did|does|do|has|had)\b.*\bcompare\b)"  # not "how did the number of … compare with …": how it stood against them
    # nor the number as what something changed ("What was the project that had increased the number of
    # girls engaging…?", "How did it reduce the number of…?": what or how, not how many)
    r"(?!.*\b(?:increas|reduc|rais|lower|boost|doubl|halv|cut|grow|grew|brought\s+down|bring\s+down|bringing\s+down)\w*\s+(?:the\s+)?number\s+of\b)"
    r".*(?<!\bsmall )(?<!\blarge )(?<!\bgrowing )(?<!\bincreasing )(?<!\blimited )(?<!\bsignificant )\b(number of|percent)\b",  # not "what helped bring down the number of…": a cause; nor "a small number of care leavers": who, not how many
    re.I,
)
# not "money-saving extras", nor what "what" stands for when money was put into it ("What has the
# council invested in / put money into?", "What new service did Suffolk fund?": the thing, not the amount)
_MONEY = re.compile(
    # (not time spent: "how much time do social workers spend…", "the push to cut the time children spent in proceedings")
    r"\bhow (much|large|big)\b(?!\s+time\b).{0,60}\b(cost|costs|spend|spent|budget|deficit|overspend|pay|pays|paid|paying|spending|spends|charge|charges|charged|charging|price|funding|fund|worth|invest|invests|invested|money|cash)\b(?!-)"
    # ("what money / funding was used…?" asks which fund: "pupil premium plus", not a sum)
    # (nor what it was put into: "what had the extra funding been invested in?")
    r"|\bwhat(?!\s+age\b)(?!\s+(?:kind\s+of\s+|sort\s+of\s+|source\s+of\s+)?(?:money|funding|funds?|grants?)\b)(?![^?]{0,120}\b(?:invested|spent|used|put)\s+(?:in|into|on|for)\s*\?)(?![^?]{0,60}\btime\b[^?]{0,30}\bspen[dt])(?!\s+(?:[\w-]+\s+)?(?:teams?|services?|projects?|schemes?|programmes?|hubs?|units?|panels?|initiatives?|models?)\b)"
    r"(?!\s+(?:is|was|are|were)\s+(?:the\s+)?names?\b)\b.{0,60}\b(cost|costs|spend|spent|budget|deficit|overspend|(?<!\bon\s)(?<!\babout\s)(?<!\bover\s)(?:pay|paid)(?!\s+for\b)|price|funding|fund|worth"
    r"|(?:invest|invests|invested|money)(?!\s+in(?:to)?\b))\b(?!-)"
    r"|(?<!\babout the )(?<!\babout )(?<!\bon the )(?<!\bregarding the )\bcost of\b(?!\s+living\b)",  # not "agree about the cost of medicines": what was agreed; "the cost of living" is no sum
    re.I,
)
_EXPANSION = re.compile(r"\b(stand|stands) for\b|\bshort for\b|\b(acronym|abbreviation)\b", re.I)
_RAG = re.compile(r"\bRAG\b|\brag (status|rating)\b|\b(red|amber|green) (status|rating)\b", re.I)
_ROLE = re.compile(
    r"\bjob\s+title\b|\b(what|which)\s+(\w+\s+)?(job|occupation)\b|['’]s\s+(job|occupation)\b|['’]s (role|position|post|title)\b|\b(role|position|post|title) (of|held by)\b"  # not "help finding a job"
    r"|\bwhat (role|position|post)\b.{0,40}\b(hold|holds|held|have|has|had|occupy|occupies|occupied)\b",
    re.I,
)
ROLE_WORD = re.compile(
    r"\b(director|manager|head|headteacher|judge|officer|inspector|chief|lead|leader|chair|chairman|chairwoman|chairperson|coordinator|co-ordinator"
    r"|worker|secretary|minister|executive|councillor|member|commissioner|president|adviser|advisor|consultant|principal"
    r"|professor|lecturer|practitioner|journalist|reporter|editor|clerk|nurse|dentist|mayor|deputy|assistant|administrator|specialist|analyst|supervisor)s?\b",
    re.I,
)
# The noun phrase a question asks about, up to where the question goes on ("… for the 2018 inspection").
_NP = r"(?P<np>[^?,]*?)(?=\s+(?:for|at|in|on|during|when|who|which|whom|whose|where|through|via|by|that|and|of the|with|to)\b|[?,]|$)"
# "Who was the lead inspector for…?", "Who were Her Majesty's Inspectors…": the role whose holder is asked for.
_HOLDER = re.compile(r"^\s*who\s+(?:is|was|were|are)\s+(?:the\s+)?" + _NP, re.I)
# "What is the name of the interim manager…?"
_NAME_OF = re.compile(r"\bnames?\s+of\s+(?:the\s+|its\s+|their\s+)?" + _NP, re.I)


_PERSON = re.compile(_WHICH + r"(" + _PERSON_NOUNS + r")\b(?!['’]s)", re.I)  # not "which young people's service"
_PERSON_NOUN = re.compile(r"\b(" + _PERSON_NOUNS + r")\b", re.I)
# "the name of Barking and Dagenham's director of children's services": a place's "and" inside it
_NAME_OF_PERSON = re.compile(r"\bnames?\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+(?:(?:and|upon|on)\s+)?)*[A-Z][\w’'-]*['’]s\s+(?:[\w-]+\s+){0,2}?(?i:" + _PERSON_NOUNS + r")\b(?!['’])")


# "What is that person's name?", "What was the new director's name?": a person's name asked for
_PERSONS_NAME = re.compile(
    r"\b(?:the|that|this|their|his|her|its)\s+(?:[\w-]+\s+){0,3}?(?:" + _PERSON_NOUNS + r")['’]s\s+(?:full\s+)?names?\b"
    r"|\b(?:his|her)\s+(?:full\s+)?names?\b",  # "What is her name?": a person's
    re.I,
)


_WHO_IS_THAT = re.compile(r"\s*who\s+(?:is|was)\s+(?:that|this|he|she)\b", re.I)  # the person the statement before told of
WHO_CHAIRS = re.compile(r"\s*who\s+(?:chaired|chairs|chair)\b", re.I)  # a meeting's or a board's chair is a person


_PEOPLE_OF_A_KIND = re.compile(_WHICH + r"(?P<noun>" + _PERSON_NOUNS + r")\b(?!['’]s)", re.I)


# the choices a question offers after a dash or colon ("… - children still in care, or care leavers?")
_CHOICE_OFFERED = re.compile(r"\s[-–—:]\s*[^?:–—]{1,60}?,?\s+or\s+[^?:–—]{1,60}\?\s*$")


def people_of_a_kind_asked(question: str) -> str | None:
    """The plural a "Which workers…?" question asks of ("workers"): people of a kind, whom a name of
    their kind answers ("the Domestic Abuse Partnership (DAP) workers") as well as their own names."""
    m = _PEOPLE_OF_A_KIND.search(question)
    noun = m.group("noun").lower() if m else ""
    return noun if noun.endswith("s") or noun == "people" else None


def person_asked(question: str) -> bool:
    """Does the question ask which person ("Which government minister…", "Which inspectors…",
    "What is the name of the interim manager…")?"""
    if _PERSON.search(question) or WHO_CHAIRS.match(question) or _PERSONS_NAME.search(question) or _WHO_IS_THAT.match(question):
        return True
    named = _NAME_OF.search(question)
    head = " ".join(w for w in _head(named.group("np")).split() if not _PLURAL_OWNER.match(w)) if named else ""  # ("the young people's service": a service)
    return bool(named and _PERSON_NOUN.search(head)) or bool(_NAME_OF_PERSON.search(question))


@functools.lru_cache(maxsize=256)
def role_asked(question: str) -> str | None:
    """The role word (singular, lower case) a "who is the <role>" or "what is the name of the
    <role>" question asks about, else None."""
    match = _HOLDER.search(question) or _NAME_OF.search(question)
    if not match:
        return None
    # the noun the phrase ends on or one that "of" or "for" follows ("the director of children's
    # services"), not a modifier ("the specialist substance misuse service": a service)
    head = _head(match.group("np"))
    roles = [m for m in ROLE_WORD.finditer(head) if re.match(r"\s*(?:$|(?:of|for|at|in|to|on|and|or|who|that|which|whose)\b|\w+(?:ing|ed)\b)", head[m.end():], re.I)]
    if not roles:
        return None
    return _ranked(head, roles[-1])


def _ranked(text: str, role: re.Match) -> str:
    """The role word ``role`` found in ``text``, with its rank ("the Chief Inspector", "the assistant
    director": another rank is another post), in lower case."""
    rank = re.search(rf"\b((?:(?:{_RANKS})\s+)+)$", text[: role.start()], re.I)
    return " ".join(((rank.group(1) if rank else "") + role.group(1)).lower().split())


_RANKS = "chief|deputy|assistant|lead|principal|senior|interim|acting|executive"
_WHOSE_NAME = re.compile(r"^\s*(?:what|who)\s+(?:is|was|are|were)\s+(?:his|her|their)\s+(?:full\s+)?names?\b|^\s*who\s+(?:is|was|are|were)\s+(?:he|she|they)\b", re.I)


def role_said_before(question: str) -> str | None:
    """"Ofsted's 2026 report praises the chief executive officer of the trust. What is his name?":
    the role the statement before such a question names (its last role word, with its rank), else None."""
    asked = final_ask(question)
    if asked == question or not _WHOSE_NAME.search(asked):
        return None
    scene = question[: len(question) - len(asked)]
    roles = list(ROLE_WORD.finditer(scene))
    return _ranked(scene, roles[-1]) if roles else None


_PLURAL_OWNER = re.compile(r"(?:children|people|women|men)['’]s$", re.I)  # a plural's possessive: what kind, not whose


def _head(np: str) -> str:
    """A noun phrase up to a possessive after its first word, which opens a clause of its own
    ("the name of the weekly report Croydon's managers use": a report, not a manager)."""
    words = np.split()
    # (not the possessive ending a place's name: "the Isle of Wight's director"; nor a kind of
    # thing, said of people in the plural: "the missing children's coordinator", "the young people's service")
    owner = next((i for i, w in enumerate(words) if re.search(r"['’]s$", w) and not _PLURAL_OWNER.match(w) and any(v.islower() and v not in _JOINING for v in words[:i])), len(words))
    return " ".join(words[:owner])


_JOINING = frozenset("of and upon on the".split())


_ACTION_REF = re.compile(r"\baction\s+(\d+\.\d+)\b", re.I)
# Words that say where to look or frame the question, not what it is about: kept out of the
# keyword search and the coverage score ("in the focused visit letter", "what does X stand for").
_SOURCE_REFERENCE = re.compile(
    r"\b(according to|in|from)\s+(the|this|its|their)\s+(\x1f\s+)?(\d{4}\s+)?(\x1f\s+)?(ofsted\s+)?"
    r"(focused visit letter|inspection letter|focused visit report|inspection report|letter|report|improvement plan|action plan|plan|article|press release)\b",
    re.I,
)
# Whose word a question asks for ("according to Ofsted", "according to the 2025 inspection", "as
# described in Ofsted's 2020 report"): not its topic
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:(?:[–—-]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\s*)?)?"  # "30 ", "4 to 8 "
# "July 2024 ", "2016 ", "June–July 2017 ", "30 June to 4 July 2025 ": when a report or inspection was
# ... or a part of the year ("early 2018 ", "spring 2015 ", "late-2016 ")
_PART_OF_YEAR = r"(?:early|late|mid)[- ]|(?:spring|summer|autumn|winter)\s+"
_WHEN_SAID = rf"(({_DAY}({'|'.join(MONTHS)}))(\s*(?:[–—-]|to|and)\s*{_DAY}({'|'.join(MONTHS)}))?\s+|{_PART_OF_YEAR})?((19|20)\d\d\s+)"
_ACCORDING = re.compile(rf",?\s*\b(according\s+to|as\s+(described|reported|stated|noted|set\s+out|said|recorded|found)\s+(in|by))\s+(the\s+)?({_WHEN_SAID})?(ofsted|inspectors?|{_KIND}(re-?)?inspection)(['’]s\s+({_WHEN_SAID})?{_KIND}(report|(re-?)?inspection|letter))?\b", re.I)
# when the inspection it names took place ("…'s inspection carried out in November and December 2013",
# "the inspection that began in December 2022", "…that ran from November 2013 into January 2014"):
# when, not what (the date itself is setting already)
_CARRIED_OUT = re.compile(
    rf"\b(?P<event>inspections?|visits?)\s+(?:(?:that|which)\s+)?(?:(?:was|were)\s+)?(?:carried\s+out|conducted|undertaken|held|took\s+place|began|begun|started|ended|finished|ran)\s+"
    rf"(?=(?:in|on|during|between|from|over|across)\s+(?:(?:early|late|mid)[- ]|the\s+(?:spring|summer|autumn|winter)\s+of\s+)?(?:{'|'.join(MONTHS)}|(?:19|20)\d\d\b|\d{{1,2}}\s))",
    re.I,
)
# Where and when a question is set ("for the 2021 visit", "in the improvement plan", "in 2019"):
# the place filter and the question as asked find passages there, so the question's focus (searched
# and scored beside it) leaves the setting out and matches what is asked.
_SOURCE_SETTING = re.compile(
    rf"\b((at\s+the\s+time\s+of|for|in|during|at|of|by|from|on|before|after|with|and)\s+)?(the|this|that|its|their|what\s+the|ofsted['’]s(?=\s+(?:{'|'.join(MONTHS)}|(?:19|20)\d\d|{_PART_OF_YEAR})\b))\s+"
    rf"(({_WHEN_SAID})(ofsted\s+)?{_KIND}(focused\s+visit|visit|(re-?)?inspection|letter)|({_WHEN_SAID})?(ofsted\s+)?(focused\s+visit|improvement\s+plan|action\s+plan|article|press\s+release)(\s+letter)?)('s|’s)?\b",
    re.I,
)
_YEAR_SETTING = re.compile(rf"\b(in|during)\s+((early|late|mid)[- ]|the\s+(spring|summer|autumn|winter|start|end)\s+of\s+)?(({'|'.join(MONTHS)})\s+)?(19|20)\d\d([–-]\d\d(?!\d))?\b", re.I)
# a clause that sets the scene in time ("when Ofsted inspected", "when it was last inspected"): when, not what
_WHEN_SETTING = re.compile(
    r"\b(when|as|after|before)\s+((ofsted|inspectors?|hmi|it|they)\s+(last\s+|first\s+)?(re-?)?(inspected|visited|reported)(\s+(it|them))?"
    r"|(it|they)\s+(was|were)\s+(last\s+|first\s+)?(re-?)?(inspected|visited))\b",
    re.I,
)
# an inspection or visit as the time something happened (its place already gone): when, not what
_EVENT_SETTING = re.compile(rf"\b(at\s+the\s+time\s+of|during|in|at|for|from|on)\s+(the\s+|ofsted['’]s\s+)?({_WHEN_SAID})?{_KIND}((re-?)?inspection|visit|focused\s+visit)\b", re.I)
_PLACE = "\x1f"  # stands in for a named place while the topic is worked out
# What a factoid answer must contain, by the first pattern the question matches.
# "What grade did … get?", "How was … rated?": a grade (the council's judgements are its records; a
# question that falls through to the passages is about something else, which a grade must still answer)
# "How was … judged?", "How did inspectors rate…?": a grade, or, of what no judgement is of, the findings
_GRADE_HOW = re.compile(
    r"\bhow\s+(was|were|is|are)\b[^?]{0,60}\b(graded|rated|judged)\b"
    r"|\bhow\s+(did|does|do|has|have)\s+(ofsted|(the\s+)?inspectors?)\s+(rate|grade|judge)d?\b",  # "How did Ofsted rate…?"
    re.I,
)
# the asking of a "how judged" question, which is no words to find
_JUDGED_ASKING = re.compile(
    r"^\s*how\s+(?:did|does|do|has|have)\s+(?:ofsted|(?:the\s+)?inspectors?)\s+(?:rate|grade|judge)d?\b|^\s*how\s+(?:was|were|is|are)\b"
    r"|\b(?:been\s+)?(?:graded|rated|judged)\b(?=[^?]{0,60}$)",
    re.I,
)
# settings Ofsted inspects and grades in inspections of their own, not in a council's; and services
# other inspectorates grade (adult social care, hospitals, police, probation)
# services for adults, which no inspection of a council's children's services covers (the Care Quality
# Commission's): the same for every authority and year
ADULT_SERVICES = r"adult(?:s['’]?)?\s+(?:social\s+care|services?)|(?:services?|care\s+homes?)\s+for\s+(?:older|elderly)\s+people"
GRADED_ON_THEIR_OWN = re.compile(
    r"\b((?<!virtual\s)schools?|academ(y|ies)|colleges?|nurser(y|ies)|childminders?|children['’]s\s+homes?|secure\s+(centres?|units?)"
    rf"|(fostering|adoption)\s+agenc(y|ies)|providers?|{ADULT_SERVICES}|care\s+homes?|hospitals?|police|probation)\b",
    re.I,
)
_GRADE_NAMED = re.compile(r"\b(what|which)\s+((ofsted|inspection|overall|effectiveness)\s+){0,2}(grades?|ratings?|judge?ments?)\b", re.I)  # "What grade did…?", "What overall grade…?"
_GRADE = re.compile(
    _GRADE_NAMED.pattern + "|" + _GRADE_HOW.pattern
    + r"|\bwhat\s+(had|has|have|was|were|is|are)\s+([\w’'-]+\s+){1,4}?(been\s+)?(judged|rated|graded)\s*(\?|$)"  # "…, and what had they been judged?"
    + r"|^\s*(did|does|has|have|had)\b[^?]{0,60}\b(get|got|receive|received|achieve|achieved|keep|kept|retain|retained)\s+(an?\s+)?['‘\"“]?(outstanding|good|requires\s+improvement|inadequate)\b",  # "Did Kent get outstanding for…?"
    re.I,
)
_WANTS = (("money", _MONEY), ("rag", _RAG), ("duration", _HOW_LONG), ("number", _HOW_MANY), ("role", _ROLE), ("grade", _GRADE), ("name", _WHO), ("name", _PERSONS_NAME), ("date", _WHEN))
# a preposition a question word may follow ("On which dates…", "…, and in which year…", "since when…")
_ASK_PREPOSITION = r"(?:for|on|in|at|by|since|over|from|until|during|to|through|via|with|under|into|against|within|among)"  # "Through which hub…"
# A setting said before the question itself: "In Bexley, which…", "According to the 2023 report, who…"
_LEADING_SETTING = re.compile(
    r"^\s*(?:in|according to|going by|based on|judging by|for|at|during|on|by|from|after|before|since|within|across)\b[^,?]{1,80},\s*"
    rf"(?=(?:{_ASK_PREPOSITION}\s+(?=(?:when|who|whom|whose|what|which|where|how|why)\b))?"  # "…, since when had…"
    r"(?:what|who|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b)",
    re.I,
)
# A condition the question opens with ("When a child comes back from running away, how good are…?"):
# what it asks comes after it, so its "when" asks for no date
_LEADING_CLAUSE = re.compile(
    r"^\s*(?:when|if|once|while)\b(?!\s+(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\b)[^?]{1,200}?(?:,\s*"  # (over a list: "see their mum, dad or relatives, is…")
    r"(?=(?:what|who|whom|whose|where|why|how|which|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b)"
    # (or, without a comma, before a question about "they" or "it": "when foster carers needed help did they get it?")
    r"|\s+(?=(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would)\s+(?:they|it|he|she|we|you|there)\b))",
    re.I,
)
# a question inside what is asked of someone else ("weren't sure what money they'd get or for how
# long", "told what they were signing"), to the end of its clause: it asks for no kind of fact (not
# "do you know who…": that asks it)
_EMBEDDED_ASK = re.compile(
    r"(?<!\byou )\b(sure|know|knew|unsure|certain|clear|understand|understood|aware|told"
    r"|(?:trend|change|improvement|reduction|increase|rise|fall|decline|drop|difference|gap)s?\s+in)\s+(?:of\s+|about\s+)?(?:what|how|who|when|which|where)\b[^?]*?(?=,\s*(?:and|but)\s|\?|$)",  # ("What trend in how long children stay…?")
    re.I,
)
_COUNT_WORD = re.compile(r"\b(how)\s+(?:many|much)\b", re.I)
FILLER = frozenset("like stand stands short mean means meant done happen happened made make get got give given go went come came know".split())


# "When did it begin, and when did it conclude?": where a question asks a second thing.
# A comma alone opens a second ask only when a question follows it (", when did it end?"), not a
# relative clause (", whose passion Ofsted highlighted", ", which the council runs").
_SECOND_ASK = re.compile(
    rf"(?:,\s*(?:and|but)\s+|\s+(?:and|but)\s+)(?=(?:{_ASK_PREPOSITION}\s+)?(?:when|who|whom|whose|what|which|where|how|why)\b)"
    # (not a clause set between commas: "…'s director, who was also responsible for adult services, at the time…")
    r"|,\s*(?=(?:when|who|whom|whose|what|which|where|how|why)\s+(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|many|much|long|often)\b)(?![^,?]*,\s*(?!(?:and|but|or)\b)[a-z])"
    r"|,\s*(?:and|but)\s+(?=(?:is|are|was|were|did|does|do|has|have|had)\s+(?:there|it|they|its|their|any|this|that|the)\b)"  # "…, and were there any care leavers?"
    # "…, and were strategy discussions still a weakness?": a subject after the verb, not a participle or an adverb ("…, and were visited often")
    r"|,\s*(?:and|but)\s+(?=(?:is|are|was|were|has|have|had)\s+(?!(?:not|also|still|then|now|being|been|so|too|more|less|very|well|often|always|never|made|done|taken|given|shown|become|had|got|kept|left|a|an)\b)[a-z]+(?<!ed)(?<!en)(?<!ing)(?<!ly)\s)",
    re.I,
)
_ASKING = re.compile(r"^\s*(when|who|whom|whose|what|which|where|how|why)\s+((did|does|do|is|are|was|were|has|have|had|will|would|can|could)\s+)?", re.I)
_FOR_ASK = re.compile(rf"^\s*{_ASK_PREPOSITION}\s+(?=(?:when|who|whom|whose|what|which|where|how|why)\b)", re.I)  # "and for how long", "On which dates did…": an ask of its own
_LEANING_PART = re.compile(r"\b(it|its|they|their|them|this|that|he|she|his|her)\b", re.I)


@dataclass(frozen=True)
class Part:
    """One of the things a compound question asks ("…, and what was the judgement?")."""

    text: str  # the part as asked
    wants: str | None  # what its answer must contain
    search: str  # for meaning: the part, with the first part's subject when it leans on it
    topic: str  # its keywords
    focus: str = ""  # ``search`` without its setting (see Query.focus)


@dataclass(frozen=True)
class Query:
    """A question made ready for retrieval."""

    question: str  # as asked (trimmed), read with its typos mended (see ``typed``)
    standalone: str  # with a follow-up's missing topic filled in from the chat history
    topic: str  # keyword search: without "what did Ofsted say about" and place names
    dense_query: str  # meaning search: without "what did Ofsted say about"
    kind: str  # "factoid" or "broad"
    wants: str | None  # "date" | "name" | "role" | "number" | "duration" | "money" | "rag" | "expansion" | None: what a factoid answer must contain
    authorities: tuple[str, ...] = ()  # indexed authorities it names
    unknown_places: tuple[str, ...] = ()  # places it names that no document covers
    passing_places: tuple[str, ...] = ()  # places it names that documents mention but are not about
    unheld_settings: tuple[str, ...] = ()  # councils held only in passing that what is asked is set in ("in Wigan", "Wigan's"), naming no held one
    compared_unheld: tuple[str, ...] = ()  # passing councils set beside a held one to compare ("Sandwell or Walsall")
    action_refs: tuple[str, ...] = ()  # improvement-plan actions it names ("action 4.1")
    acronym: str | None = None  # for "what does X stand for": X
    years: tuple[int, ...] = ()
    injection: bool = False
    speculation: bool = False  # a forecast or a judgement of people no document can give
    source_kinds: tuple[str, ...] = ()  # kinds of document the question asks about ("what did Ofsted say")
    warnings: tuple[str, ...] = field(default_factory=tuple)
    parts: tuple[Part, ...] = ()  # a compound question's separate asks (empty for a single one)
    focus: str = ""  # what it asks, without its setting (place, year, which letter): searched and scored beside dense_query
    terms: str = ""  # the reports' terms for its everyday words (see glossary), at the end of topic and dense_query
    typed: str = ""  # the question as typed, when ``question`` is it with its typos mended ("" when none were)

    @property
    def asked_as(self) -> str:
        """The question as the user typed it (trimmed), to show them."""
        return self.typed or self.question

    @property
    def own_topic(self) -> str:
        """The topic in the question's own words, without the terms added to it."""
        return self.topic.removesuffix(f" {self.terms}") if self.terms else self.topic

    def with_terms(self, added: str) -> "Query":
        """The query also searching for, and scoring sentences on, ``added`` (words the reports use)."""
        terms = "; ".join(t for t in (self.terms, added) if t)
        return replace(self, topic=f"{self.own_topic} {terms}", dense_query=f"{self.dense_query} ({added})", terms=terms)

    def as_findings(self) -> "Query":
        """The question answered by findings, not a grade: "How did inspectors judge supervision?"
        searched and scored as "supervision" (the asking is no words to find, as in "what did
        Ofsted say about")."""
        def plain(text: str) -> str:
            return re.sub(r"\s+", " ", _JUDGED_ASKING.sub(" ", text)).strip(" ?.,") or text

        return replace(self, wants=None, kind="broad", topic=plain(self.topic), dense_query=plain(self.dense_query), focus=plain(self.focus))


@dataclass(frozen=True)
class YearSpan:
    """The years a question is about: named ones ("in 2022"), and a range's ends ("since 2013",
    "before 2018", "between 2014 and 2019"): since is inclusive, before is not."""

    exact: frozenset[int] = frozenset()
    since: int | None = None
    before: int | None = None

    def admits(self, years: set[int]) -> bool:
        """Does a document of these years fall in the span?"""
        if self.exact and not years & self.exact:
            return False
        if self.since is not None and max(years or {0}) < self.since:
            return False
        return self.before is None or max(years or {9999}) < self.before


_YEAR_WORD = r"((?:19|20)\d\d)"
# ("better or worse than at its 2021 inspection": from then to now)
_SINCE_YEAR = re.compile(
    rf"\b(?:since|after|than(?:\s+(?:at|in))?|compared\s+(?:with|to)(?:\s+(?:at|in))?|from(?=[^?.]{{0,30}}\b(?:onwards?|on|to\s+(?:the\s+)?(?:latest|last|most\s+recent|present|now|date))\b)|start(?:ing|s)?\s+(?:with|from|at|in)"
    rf"|\b(?:all|every|each)\s+(?:(?:the|of\s+the|its|their)\s+)?inspections\b[^?.]{{0,40}}?\bfrom)"  # "all the inspections you've got, from the 2013 one"
    rf"\s+(?:(?:the|its|their)\s+)?(?:[A-Z][a-z]+\s+)?{_YEAR_WORD}\b"
    rf"|\bsince\s+(?:it|they|the\s+council|the\s+authority)\s+(?:was|were)\s+[^,?.]{{0,40}}?\bin\s+{_YEAR_WORD}\b",  # "since it was judged inadequate in 2016"
    re.I,
)
_BEFORE_YEAR = re.compile(rf"\b(?:before|until|up to)\s+{_YEAR_WORD}\b", re.I)
# "between 2018 and 2023", "from 2015 to 2017", "between the 2014 and 2019 inspections", "from the 2015 inspection to the 2017 one"
_BETWEEN_YEARS = re.compile(
    rf"\b(?:between\s+(?:(?:the|its|their)\s+)?{_YEAR_WORD}(?:\s+[\w-]+){{0,2}}?\s+and"
    rf"|from\s+(?:(?:the|its|their)\s+)?{_YEAR_WORD}(?:\s+[\w-]+){{0,2}}?\s+(?:to|through|-|–)"
    rf"|(?<![\w-]){_YEAR_WORD}\s+(?:through|thru|until|till))\s+(?:(?:the|its|their)\s+)?"
    # (a month before the range's last year: "from 2014 up to June 2026", not "between its 2019 inspection and its February 2022 one")
    rf"(?:{_YEAR_WORD}|(?<!\band\s)(?<!\band\s(?:the|its)\s)(?<!\band\stheir\s)(?:{'|'.join(MONTHS)})\s+{_YEAR_WORD})\b",  # "2016 through 2023"
    re.I,
)
# "2024-25", "2024/25": a year that runs across two (a financial or an inspection year): both
_YEAR_PAIR = re.compile(r"\b((?:19|20)\d\d)\s*[-/–]\s*(\d\d)\b(?!\d)")


def year_pairs(question: str) -> list[int]:
    """The first year of each year written as a pair of running years ("2013–14", "2024/25")."""
    return [int(m.group(1)) for m in _running_pairs(question)]


def _running_pairs(question: str) -> list[re.Match]:
    return [m for m in _YEAR_PAIR.finditer(question) if (int(m.group(1)) + 1) % 100 == int(m.group(2))]


def grade_asked_how(question: str) -> bool:
    """Does the question ask how something was judged ("How did inspectors judge supervision?"),
    not which grade it got ("What grade did…?")? Of what no judgement is of, the findings answer."""
    asked = _what_is_asked(question)
    if GRADED_ON_THEIR_OWN.search(asked):
        return False  # "How did Ofsted rate Kent's secondary schools?": their own inspections' grades
    return bool(_GRADE_HOW.search(asked)) and not _GRADE_NAMED.search(asked)


def without_condition(question: str) -> str:
    """The question without a condition it opens with ("When a child goes missing, how…?": how…?)."""
    return _LEADING_CLAUSE.sub("", question)


def _what_is_asked(question: str) -> str:
    """The question's ask, without a setting or a condition before it ("In Bexley, which service…?",
    "When a child goes missing, how…?"): what decides the kind of fact wanted."""
    return _LEADING_CLAUSE.sub("", without_setting_before(question))


def year_span(question: str) -> YearSpan:
    between = _BETWEEN_YEARS.search(question)
    if between and (between.group(2) or between.group(3)) and set(YEAR.findall(question)) - set(between.groups()):
        between = None  # "from 2019 through 2022 to 2026": points listed, not one range
    since, before = _SINCE_YEAR.search(question), _BEFORE_YEAR.search(question)
    if since and len(YEAR.findall(question)) > 1:
        # "since it was judged inadequate in 2016? What did 2023 conclude?", "better in 2023 than in
        # 2019?", "slipped since its July 2018 inspection? Compare 2018 and 2023": the years named
        # are the points compared
        since = None
    start = int(between.group(1) or between.group(2) or between.group(3)) if between else int(since.group(1) or since.group(2)) if since else None
    end = int(between.group(4) or between.group(5)) + 1 if between else int(before.group(1)) if before else None
    if between and start >= end:  # "between its 2022 and 2019 inspections": the same two years
        start, end = end - 1, start + 1
    if between:  # "to the 2024-25 inspection": the range runs to the pair's second year
        pair = _YEAR_PAIR.match(question, between.start(4))
        if pair and (int(pair.group(1)) + 1) % 100 == int(pair.group(2)):
            end += 1
    ranged = {m.group(i) for m in (between, since, before) if m for i in range(1, (m.re.groups or 0) + 1)}
    pairs = _running_pairs(question)
    inspected = _years_beside_a_period(question, pairs)
    if inspected:  # "adopted in 2012-13, according to the June 2013 inspection": the inspection's year, not the period's
        exact = {int(y) for y in inspected if y not in ranged}
    else:
        exact = {int(y) for y in YEAR.findall(question) if y not in ranged}
        exact |= {int(m.group(1)) + 1 for m in pairs if int(m.group(1)) in exact}
    return YearSpan(frozenset(exact), start, end)


def _years_beside_a_period(question: str, pairs: list[re.Match]) -> list[str]:
    """The years a question names besides its pairs of running years, when it gives such a pair as
    a period the report gives figures for ("adopted in 2013–14"), not as the inspection ("its
    2024-25 inspection"), beside another year that names the inspection ("…according to the 2014
    inspection"); else none."""
    if not pairs or any(_INSPECTION_AFTER.match(question, m.end()) for m in pairs):
        return []
    return YEAR.findall(_YEAR_PAIR.sub(" ", question))


_INSPECTION_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:inspections?|reports?|visits?|ilacs|sif|re-?inspections?)\b", re.I)


# a month written short beside a day or a year ("Sept 2023", "oct 2019", "3 Dec", "Jun–Jul 2017",
# "Feb and Mar 2024"), as people type dates
_SHORT = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_ANY_MONTH = rf"(?:{_SHORT}\.?|{'|'.join(MONTHS)})"
_SHORT_MONTH = re.compile(
    rf"(?<=\b\d\d )(?:{_SHORT})\b\.?|(?<=\b\d )(?:{_SHORT})\b\.?"
    rf"|\b{_SHORT}\b\.?(?=\s*(?:(?:[–—/&-]|to|and|or)\s*{_ANY_MONTH}\s+)?(?:19|20)\d\d\b)",
    re.I,
)


# a month and a year in two digits ("oct 23", "Sept '19"): the reports' years, 2013 on, not a day
_SHORT_YEAR = re.compile(rf"\b({_ANY_MONTH})\s+['’]?(1[3-9]|2\d)\b(?![\d/]|[:.]\d|\s*(?:st|nd|rd|th)\b)", re.I)


def spell_out_months(question: str) -> str:
    """The question with its short month names and years written out ("Sept 2023", "oct 23" ->
    "September 2023", "October 2023"), as the documents write them, so that a date asked in
    shorthand is read as a date."""
    question = _SHORT_YEAR.sub(lambda m: f"{m.group(1)} 20{m.group(2)}", question)
    return _SHORT_MONTH.sub(lambda m: next(month.title() for month in MONTHS if month.startswith(m.group(0).rstrip(".").lower()[:3])), question)


# words that say nothing of what a question is about: the small words, asking, and its setting
_UNTOPICAL = STOPWORDS | frozenset(
    "whose according ofsted ofsted's inspection inspections inspector inspectors report reports visit letter says "
    "find found findings think thought thinking going based looking asking compare describe it's latest last recent time position situation picture".split()
    # what a finding is of its topic ("What were the main failings Ofsted found in each?"), not a topic
    + "main key concern concerns issue issues problem problems weakness weaknesses criticism criticisms shortcoming shortcomings failing failings".split()
) | frozenset(MONTHS) | frozenset("spring summer autumn winter early late".split())  # "What had Ofsted found by September 2018?": when, not what


# what a question sets aside ("Besides the timeliness of assessments and supervision, what was the
# third?", "Apart from the overall grade, which areas were rated outstanding?"): group 1 (a list of
# them goes on past a comma, not the question: "Apart from A, in which court…?", "…, according to")
SET_ASIDE = re.compile(r"\b(?:besides|apart\s+from|other\s+than|except(?:\s+for)?|aside\s+from)\s+([^,?.;]+(?:,(?!\s*(?:what|which|who|whom|how|when|where|why|did|does|do|was|were|is|are|has|had|have|can|could|in|on|at|by|according|made|and|or|but|to|for|with)\b)\s*[^,?.;]+|,\s*and\s+[^,?.;]+(?=,))*)", re.I)


@functools.lru_cache(maxsize=1024)
def final_ask(question: str) -> str:
    """The question a statement sets the scene for ("Bromley was judged inadequate in 2016. Where
    did inspectors find better practice?"): its last sentence, when that asks; else all of it."""
    asked = _last_sentence(question)
    # a label or a statement before a colon, a dash or a "but" ("For a board paper: why…", "worcs may
    # 2023 - why was…", "Derby was judged outstanding — what did…", "Sutton came out as good in June
    # 2025, but what were…"): the question follows it
    labelled = _LABELLED.match(asked) or _LEADING_STATE.match(asked)
    return labelled.group("ask") if labelled else asked


def without_setting_before(question: str) -> str:
    """What is asked (see final_ask) without a setting said before it ("In Bexley, which…?")."""
    return _LEADING_SETTING.sub("", final_ask(question))


# where a question's sentences meet (one typed in lower case starts with a question word: "… july 2025. how did…?")
_SENTENCE_BREAK = re.compile(rf"(?:(?<=[.!?])|(?<=\.['’\"”)]))\s+(?=[A-Z]|{_QUESTION_WORDS}\s)")


def _last_sentence(question: str) -> str:
    """The question's last sentence, when the ones before it are statements that set its scene."""
    pieces = _SENTENCE_BREAK.split(question.strip())
    # a request after the question asks nothing of its own ("…under 'what needs to improve'? Give me the main ones.")
    trailing = len(pieces) > 1 and pieces[-2].rstrip().endswith("?") and _TRAILING_REQUEST.match(pieces[-1]) is not None
    pieces = pieces[:-1] if trailing else pieces
    # statements, not asks ("How was it graded? Which…?") nor an abbreviation's full stop ("St.
    # Helens"): a full stop after a word of four letters or more, or a small one ("…entitled to.")
    said = [i for i, piece in enumerate(pieces[:-1]) if re.search(r"(?:\w{4,}|\b[a-z]{2,3})(?:['’\"”)]?\.|\.['’\"”)])$", piece) and len(piece.split()) >= 3]  # (or after a quote: "…done 'astonishingly well'.")
    if said and said[-1] == len(pieces) - 2 and _BARE_WHICH.match(pieces[-1]):
        # "…, but one judgement was only good. Which one?": asked of what the statement's last clause says
        clause = re.split(r",\s*(?:but|and|yet)\s+|;\s*", pieces[-2])[-1]
        return f"{clause} {pieces[-1]}"
    if said and pieces[-1].rstrip(" '\"’”").endswith("?"):  # (its own words quoted at its end: "…under 'What needs to improve?'")
        return " ".join(pieces[said[-1] + 1 :])
    return " ".join(pieces) if trailing else question


# what the one asking believes, said after the question ("…which judgement came out outstanding? overall
# was good i think"): no ask of its own
_TRAILING_HEDGE = re.compile(r"\?\s+[^?]{1,80}?\b(?:i\s+think|i\s+believe|i\s+guess|i\s+reckon|i\s+assume|iirc)\s*[.!]?\s*$", re.I)


# "Which one?", "Which ones?": an ask of what the statement before it says
_BARE_WHICH = re.compile(r"\s*which(?:\s+ones?|\s+[a-z]+s?)?\s*\?\s*$", re.I)  # (or "Which teams?")


# a short request closing a question that asks for nothing new ("Give me the main ones.", "Thanks."),
# not one that does ("Give the start and end dates.")
_TRAILING_REQUEST = re.compile(
    r"\s*(?:please\s+)?(?:(?:give|list|tell|show)\s+(?:me\s+|us\s+)?(?:(?:the|a|all|just)\s+)?(?:(?:main|key|top|full|short)\s+)?(?:ones?|them|it|list|summary|points)"
    r"|(?:just\s+)?(?:the\s+)?(?:main|key|top)\s+(?:ones|points|things|bits|recommendations|findings)(?:\s+(?:are|is|would\s+be|will\s+be|will\s+do|would\s+do)(?:\s+(?:enough|fine|ok|okay|plenty))?)?"  # "Just the main points.", "The main recommendations are enough."
    r"|keep\s+it\s+(?:short|brief)|thanks|thank\s+you|cheers)(?:\s+please)?\s*[.!]?\s*$",
    re.I,
)


_LABELLED = re.compile(
    # (a label, not a question: "What did Ofsted say about its foster carers — recruitment, training — when it inspected?" is one)
    r"^(?!\s*(?:what|who|whom|whose|which|where|why|how|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b)"
    r"[^?]{1,160}?(?::|\s[-–—]|[–—]|,\s+but\b)\s*(?:(?:but|so)\s+)?(?P<ask>(?:" + _ASK_PREPOSITION + r"\s+(?=(?:what|who|whom|whose|when|where|why|how|which)\b))?(?:what|who|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b.*)$",
    re.I | re.S,
)


# a state the question opens with, before its ask ("After being inadequate in 2021, what grade did
# it get in 2025?", "Having been judged good in 2017, how …?"): it sets the scene
_LEADING_STATE = re.compile(
    r"^\s*(?:(?:after|despite|following)\s+(?:being|having\s+been)|having\s+been)\b[^?,;]{1,100},\s*"
    r"(?P<ask>(?:what|who|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|had)\b.*)$",
    re.I | re.S,
)


def asked_part(question: str, named: tuple[str, ...], scene: bool = True) -> str:
    """What a question asks about: the question a statement sets the scene for (its last sentence),
    when that says what it asks about in words of its own besides the places ``named`` ("What did
    the inspection find about care leavers?"), not only by pointing back ("What did they say about
    it?"); else all of it. A question in words of its own that refers back ("Did that happen by
    2018?") is asked of the statement too, unless ``scene`` is False (its names set the scene)."""
    places = {w for a in named for n in _names(a) for w in re.findall(r"[a-z]+", n.lower())}
    hyphened = {w for a in named for n in _names(a) for w in re.findall(r"[a-z][a-z'’-]+", n.lower())}  # "southend-on-sea", as topical() reads words

    def topical(text: str) -> bool:
        return any(len(w) > 3 and w not in _UNTOPICAL and w not in places | hyphened and not YEAR.fullmatch(w) for w in re.findall(r"[a-z][a-z'’-]+", text.lower()))

    question = _without_trailing_frames(question, topical)
    asked = _last_sentence(question)
    # a label before a dash or colon that sets the scene (a place or a date: "merton july 2025 - what
    # are…", "Rotherham was judged inadequate in 2014 — was…") is no topic of what follows it; one
    # without ("Young carers: how did … compare?") is the topic, and so is one a pointing ask needs
    # ("Supervision in Wokingham - what did they say about it?") or an ask of a few words leans on
    # ("redcar 2022 edge of care team workers - how described")
    ask = final_ask(asked)
    label = asked[: len(asked) - len(ask)]
    if label and len(ask.split()) > 3 and not _POINTS_BACK.search(ask) and (YEAR.search(label) or set(re.findall(r"[a-z]+", label.lower())) & places or _PURPOSE.match(label)):
        asked = ask
    if asked != question and _POINTS_BACK.search(asked):
        # "In 2020 Ofsted criticised its planning for… Had this been put right by 2024?": what "this" is
        return _VERDICT.sub(" ", _STATEMENT_FRAME.sub("", without_setting(question[: question.rindex(asked)])))

    if topical(asked):
        # the statement is what is asked of when the ask refers back to it, asks how it changed
        # ("Hardly any … had an independent visitor in 2015. Had take-up improved by 2019?"), or asks
        # of another inspection than the statement's ("…PEPs were weak in 2014. Were PEPs better at
        # the 2018 inspection?")
        before = question[: question.rindex(asked)]
        asked_years, stated_years = set(YEAR.findall(asked)), set(YEAR.findall(before))
        later = bool(asked_years and stated_years) and asked_years.isdisjoint(stated_years)
        stated = _VERDICT.sub(" ", _STATEMENT_FRAME.sub("", without_setting(before))) if scene and asked != question and (_REFERS_BACK.search(asked) or _CHANGE.search(asked) or later) else ""
        if topical(stated):
            # "In late 2013 Ofsted wanted the police to attend more strategy meetings. Did that happen
            # by 2018?": what "that" is, and what is asked of it (not "Kent came out good in 2018.
            # What did inspectors want it to improve?": "it" is the place)
            return f"{stated} {asked}"
        return asked
    # "Bristol's care leavers service was rated inadequate in 2014. What had Ofsted found by 2018?": the
    # statement's topic, not its verdict; a statement of a verdict alone ("North Tyneside was
    # outstanding in every area in November 2024 — did Ofsted find any weaknesses at all?") has none
    if asked == question:
        return question
    stated = _VERDICT.sub(" ", question[: question.rindex(asked)])
    return stated + asked if topical(without_setting(stated)) else asked


# a label saying what the answer is for ("For a briefing note:", "For our action plan:"): no topic
_PURPOSE = re.compile(r"\s*for\s+(?:a|an|our|my)\s", re.I)


def _without_trailing_frames(question: str, topical) -> str:
    """A question that opens the text, without the sentences after it that only say where to look
    ("…were those homes a good fit? Going by the December 2018 inspection.", "…any say in how the
    borough keeps kids safe? What did the January 2020 inspection report say?"): they set the scene,
    and their words are no topic to find. Its scene (places, years) is still read from all of it. A
    statement before the question is left to set its scene (see asked_part)."""
    pieces = _SENTENCE_BREAK.split(question.strip())
    if len(pieces) < 2 or not pieces[0].endswith("?") or not topical(pieces[0]) or any(map(topical, pieces[1:])):
        return question
    return pieces[0]


# how a statement reports a finding ("Ofsted criticised…", "In 2017 inspectors said that…"): its frame, not its topic
_STATEMENT_FRAME = re.compile(
    r"^\s*(?:(?:back\s+)?(?:ofsted|inspectors?|the\s+(?:report|inspection|inspectors?))(?:['’]s\s+\w+)?\s+(?:had\s+)?"
    r"(?:criticised|praised|said|found|noted|reported|identified|highlighted|flagged|described|judged|raised\s+concerns?\s+(?:about|over|with))\s+(?:that\s+)?)",
    re.I,
)
# what the statement says an earlier inspection judged of its topic ("…care leaver services required
# improvement in 2014", "…was judged inadequate"): a verdict the later report need not repeat
# how much a verdict covers ("…was outstanding in every area", "…good across the board"): the verdict's, no topic
_GRADED_OF = r"(?:\s+(?:in|across)\s+(?:every|each|all)(?:\s+(?:judgement|inspection))?\s+areas?|\s+across\s+the\s+board)?"
_VERDICT = re.compile(
    r"\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:(?:rated|judged|found|graded|assessed|deemed|considered|seen\s+as)\s+(?:to\s+be\s+|as\s+)?)?"
    r"(?:inadequate|outstanding|good|weak|poor|strong|(?:a\s+)?(?:weakness|strength|concern|problem)|requir\w*\s+improvement(?:\s+to\s+be\s+good)?)\b" + _GRADED_OF +
    r"|\brequire[sd]?\s+improvement(?:\s+to\s+be\s+good)?\b"
    r"|\bcame\s+out\s+(?:as\s+)?(?:inadequate|outstanding|good|requir\w*\s+improvement(?:\s+to\s+be\s+good)?)\b" + _GRADED_OF +  # "Kent came out good in 2018"
    r"|\b(?:was|were)\s+(?:told|asked|urged)\s+to\s+(?:improve|strengthen|address)\b",  # "…was told in 2019 to improve routes into jobs"
    re.I,
)
# a demonstrative standing for what the statement before said ("Had this been put right…?", "Was
# that still a concern…?", "…improved on these?"), not one before a noun ("this inspection")
_STANDS = r"(?:been|be|is|was|were|are|has|had|have|still|now|then|remain\w*|improv\w*|chang\w*|persist\w*|continu\w*|settled|eased|held|stayed|lasted|fixed|resolved|addressed|tackled|sorted|look|looked|looking)"  # what is said of it next
_FAULTS = r"(?:concerns?|issues?|problems?|weakness(?:es)?|criticisms?|shortcomings?|failings?)"
# a word of a question that stands for something said before it ("Did that happen…?", "Had that
# support improved?", "What held it back?"), not "that" introducing what is said ("Did Ofsted say that…")
_REFERS_BACK = re.compile(
    r"(?<!\bsay )(?<!\bsaid )(?<!\bfind )(?<!\bfound )(?<!\bso )(?<!\bsuch )(?<!\bthan )\b(?:this|that|these|those|it|they|them|their|things)\b"
    rf"|\bthe\s+(?:same\s+)?{_FAULTS}\b",  # "What exactly was the problem?"
    re.I,
)
_POINTS_BACK = re.compile(
    rf"\b(?:this|that|these|those)\b(?=\s*[?.,;]|\s+{_STANDS}\b)"
    rf"|\bthe\s+(?:same\s+(?:{_FAULTS}|findings?)\b|{_FAULTS}\s+(?=(?:{_STANDS}|fixed|resolved|addressed|tackled|put\s+right|dealt\s+with)\b))"  # "Had the problem been fixed…?"
    r"|\b(?:things|matters|the\s+situation|it|they)\s+(?:(?:got|get|gotten|become|became|been|any|much|really|actually)\s+){0,2}(?:improv\w*|chang\w*|better|worse|progress\w*)"  # "Had things improved by 2023?", "Had they got any better…?" (not what "it" was wanted "to improve")
    r"|^\s*what\s+(?:had|has|have)\s+(?:changed|improved)\b"  # "What had changed by 2022?"
    r"|\b(?:it|they)\s+(?:still|remain\w*)\b|\babout\s+(?:it|them)\b"  # "Was it still a weakness…?", "What did it find about them…?"
    r"|\b(?:was|were|is|are)\s+(?:it|they)\s+(?:rated|judged|graded|assessed)\b",  # "…was rated good in 2016. How was it rated in 2021?"
    re.I,
)


@functools.cache
def _owners() -> frozenset[str]:
    """The words a possessive typed without its apostrophe is made of: the last word of each
    authority's names ("kent", "thames", "derby"; not "council" or "city"), Ofsted, and the plurals
    that take no "s" ("childrens services")."""
    generic = {"city", "council", "borough", "county", "district", "authority", "of", "and", "upon", "the"}
    last = {name.split()[-1].lower() for a in authorities() for name in names_of(a)}
    return frozenset((last - generic) | {"ofsted", "children", "women", "men"})


_POSSESSIVE_TYPED = re.compile(r"\b([A-Za-z]+?)s\b(?![’'])")


def restore_possessives(question: str) -> str:
    """The question with the apostrophes typed without ("Kents grade", "Ofsteds 2016 inspection",
    "childrens services") put back: a word that is no word of its own but a place's, a word's or
    Ofsted's name with an "s" is that name's possessive."""

    def mend(m: re.Match) -> str:
        word, base = m.group(0), m.group(1)
        low = word.lower()
        if known_word(low) or low in place_words():
            return word
        return f"{base}'s" if base.lower() in _owners() else word

    return _POSSESSIVE_TYPED.sub(mend, question)


# what is said to be polite, around what is asked: "Can you tell me who led…?", "…? Thanks"
_COURTESY_BEFORE = re.compile(
    r"^\s*(?:(?:hi|hello|hey)\b[\s,!.]*)?(?:please\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell|show|let)\s+me(?:\s+know)?|please\s+tell\s+me|"
    r"i(?:['’]d|\s+would)\s+like\s+to\s+know|i\s+(?:want|need)\s+to\s+know|do\s+you\s+know|tell\s+me)\s*[,:]?\s+"
    r"(?=(?:what|who|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|had)\b)",
    re.I,
)
_COURTESY_AFTER = re.compile(r"(?<=\S)[\s,.!-]*\b(?:thanks(?:\s+(?:a\s+lot|very\s+much|in\s+advance))?|thank\s+you(?:\s+very\s+much)?|cheers|please|pls|ta)\s*[.!]*\s*$", re.I)


def without_courtesy(question: str) -> str:
    """The question without the courtesies around it ("Can you tell me who led…?" -> "who led…?",
    "…? Thanks" -> "…?"): what is asked, as when asked directly."""
    asked = _COURTESY_AFTER.sub("", _COURTESY_BEFORE.sub("", question))
    return asked if asked.strip(" ?.!") else question


def as_meant(question: str) -> str:
    """The question as the documents would write it: its dates and possessives written out, the
    courtesies around it left aside, spellings as Ofsted's."""
    question = without_courtesy(restore_possessives(spell_out_months(question)))
    question = re.sub(r"\b([Jj])udgment", r"\1udgement", question)  # as Ofsted spells it
    return re.sub(r"(?<=\w) & (?=\w)", " and ", question)  # "help & protection"


def check_question(question: str) -> tuple[str, list[str]]:
    """The question trimmed, and warnings. Empty questions raise; very long ones are truncated."""
    question = strip_control_codes(str(question)) if question is not None else ""  # pasted terminal colours
    if not question.strip():
        raise QuestionError("the question is empty: ask something about the indexed documents")
    question = as_meant(re.sub(r"\s+", " ", question).strip())
    warnings = []
    if len(question) > MAX_QUESTION_CHARS:
        question = question[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0]
        warnings.append(f"the question was over {MAX_QUESTION_CHARS} characters and was truncated")
    return question, warnings


@functools.cache
def known_places() -> tuple[str, ...]:
    """Every name of every English authority (index/data/authorities.txt) and the other UK
    places that questions name (assistant/data/places.txt)."""
    path = Path(__file__).with_name("data") / "places.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    others = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return tuple(dict.fromkeys([name for a in authorities() for name in names_of(a)] + others))


@functools.cache
def place_words() -> frozenset[str]:
    """The words of every known place's names ("ealing", "wight"): never mended as typos."""
    return frozenset(w for place in known_places() for w in re.findall(r"[a-z]+", place.lower()))


def _names(authority: str) -> tuple[str, ...]:
    return names_of(authority)


@functools.lru_cache(maxsize=4096)
def _targets(authority: str) -> tuple[tuple[str, bool], ...]:
    """Each of an authority's names, normalised, and whether a misspelling of it is forgiven."""
    return tuple((_normalised(name), len(name) >= 6) for name in _names(authority))


@functools.lru_cache(maxsize=1024)  # a question is checked against every authority's names
def _normalised(text: str) -> str:
    """Text as names are matched in it: normalised, a hyphen between words a space ("Stoke on
    Trent", "Kingston-upon-Thames")."""
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", normalise(text))


@functools.lru_cache(maxsize=256)
def _letters_only(norm: str) -> tuple[str, ...]:
    """The words of normalised text with only their letters (each name's windows are read from them)."""
    return tuple(re.sub(r"[^a-z]", "", re.sub(r"['’]s$", "", word)) for word in norm.split())  # "hertfordshire's": the name


def indefinite_place(text: str, name: str) -> bool:
    """Is ``name`` a known place said in ``text`` only as a kind of place ("a London borough")?"""
    return any(name.casefold() == p.casefold() for p in known_places()) and _only_indefinite(text, name)


def _only_indefinite(text: str, place: str) -> bool:
    """Is ``place`` said only as a kind of place ("a London borough's model"), not as one asked about?"""
    found = list(re.finditer(rf"(?<![A-Za-z]){re.escape(place)}(?![A-Za-z])", text, re.I))
    return bool(found) and all(re.search(r"\b(a|an|any|another|other)\s+$", text[: m.start()], re.I) for m in found)


@functools.cache
def council_names() -> frozenset[str]:
    """Every name of every English council (the authorities list's, and their short forms)."""
    return frozenset(name for a in authorities() for name in names_of(a))


# A council named as where a question is set: "in Wigan", "Wigan's services", "of Wigan", "was
# Wigan judged", "do Wigan care leavers". Not as a party or a modifier: "the partnership with
# Hampshire", "when Hampshire arrived", "the Hampshire partnership".
_SET_BEFORE = r"(?:\b(?:in|of|for|at|about|on|across|within|inspected|inspect|judge|rate|grade|give|gave|given|award|awarded|is|was|are|were|did|does|do|has|have)\s+)"
_SET_AFTER = r"(?:(?:\s+(?:county|city|borough|metropolitan|district))*(?:\s+council)?['’]s\b|\s+children['’]?s\s+(?:services|social\s+care)\b|\s+(?:judged|rated|graded|inspected|get|got|gets|receive|received|do|does|did|perform|performed)\b)"


def _name_pattern(place: str) -> str:
    """``place`` as whole words of normalised text."""
    return rf"(?<![a-z]){re.escape(_normalised(place))}(?![a-z])"


def _set_in(question: str, place: str) -> bool:
    norm, name = _normalised(question), _name_pattern(place)
    if re.search(_SET_BEFORE + name, norm):
        return True
    return any(not re.search(r"\b(?:with|and|than|from|between|to|by)\s+$", norm[: m.start()]) for m in re.finditer(name + _SET_AFTER, norm))


def _apposed(question: str, named: list[str], place: str) -> bool:
    """Is ``place`` said as what a held council's word names ("Slough's neighbour Windsor and
    Maidenhead - how did…"): the place the question is about, not the held council?"""
    norm = _normalised(question)
    return any(re.search(_name_pattern(n) + r"['’]s\s+(?:[a-z]+\s+){1,3}?" + _name_pattern(place), norm) for a in named for n in _names(a))


# "Sandwell or Walsall?", "better than Walsall", "compared with Windsor and Maidenhead's": a council
# set beside another as the other side of a comparison (not "its partnership with a neighbour")
_BESIDE_BEFORE = r"(?:\b(?:or|and|versus|vs|than|compared\s+(?:with|to))\s+)"
_BESIDE_AFTER = r"(?:['’]s\b|\s+(?:or|and|versus|vs)\b)"
_CONTRASTS = re.compile(r"\b(or|than|compar\w*|versus|vs|as\s+well|better|worse|both|differ\w*|same)\b", re.I)


def _compared_beside(question: str, place: str) -> bool:
    if not _CONTRASTS.search(question):
        return False
    norm, name = _normalised(question), _name_pattern(place)
    return _set_in(question, place) or bool(re.search(_BESIDE_BEFORE + name, norm) or re.search(name + _BESIDE_AFTER, norm))


def _mentions(text: str, name: str, fuzzy: bool) -> bool:
    norm, target = _normalised(text), _normalised(name)
    return _exact_in(norm, target) or (fuzzy and _fuzzy_in(norm, target))


def _exact_in(norm: str, target: str) -> bool:
    return target in norm and _whole(target).search(norm) is not None


@functools.lru_cache(maxsize=4096)
def _whole(target: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z]){re.escape(target)}(?![a-z])")


def _fuzzy_in(norm: str, target: str) -> bool:
    return _fuzzy_window(norm, target) is not None


def _fuzzy_window(norm: str, target: str) -> tuple[str, float] | None:
    """The words of ``norm`` that spell ``target`` nearly, and how nearly (None: none do)."""
    # a misspelt name keeps its first letter ("Isle of Wite"): only windows starting with it are compared
    for window in _windows(norm, len(target.split())).get(target[:1], ()):
        # the cheap upper bounds first (the first is real_quick_ratio's): most windows are nowhere near the name
        if 2 * min(len(window), len(target)) < 0.84 * (len(window) + len(target)):
            continue
        match = difflib.SequenceMatcher(None, window, target)
        if match.quick_ratio() >= 0.84 and (ratio := match.ratio()) >= 0.84:
            return window, ratio
    return None


def _authorities_named(text: str, authorities: list[str]) -> tuple[str, ...]:
    """The authorities ``text`` names: by any of their names, or misspelt (forgiven for their longer
    names only: "Isle of Wite", not "BCP" for "BCC"; a misspelling names the nearest), except where
    the words taken for a misspelling are another named authority's name as written ("Herefordshire"
    is not a misspelt "Hertfordshire")."""
    norm = _normalised(text)
    exact = [a for a in authorities if any(_exact_in(norm, target) for target, _ in _targets(a))]
    exact = _outermost(norm, exact)
    written = {_letters_only(target) for a in exact for target, _ in _targets(a)}
    best: dict[str, tuple[float, list[str]]] = {}  # misspelt words -> the names they are nearest
    for a in authorities:
        if a in exact:
            continue
        for target, forgiven in _targets(a):
            found = _fuzzy_window(norm, target) if forgiven else None
            if found is None or tuple(found[0].split()) in written or any(f" {found[0]} " in f" {' '.join(w)} " for w in written):
                continue  # the words are (part of) another named authority's name as written
            if _plain_words(text, found[0]):
                continue
            window, ratio = found
            held = best.get(window, (0.0, []))
            if ratio > held[0]:
                best[window] = (ratio, [a])
            elif ratio == held[0] and a not in held[1]:
                held[1].append(a)
    fuzzy = {a for _, named in best.values() for a in named}
    return tuple(a for a in authorities if a in exact or a in fuzzy)


def _plain_words(text: str, window: str) -> bool:
    """Are the words taken for a misspelt name plain words, written in lower case ("having to tell
    their story" is not a misspelt Havering; "Havring" or "Isle of Wite" is)?"""
    if not all(known_word(w) for w in window.split()):
        return False
    said = re.search(r"(?<![A-Za-z])" + r"[^A-Za-z]+".join(map(re.escape, window.split())) + r"(?![A-Za-z])", text, re.I)
    return said is not None and said.group(0)[:1].islower()


def _outermost(norm: str, named: list[str]) -> list[str]:
    """``named`` without an authority said only inside another's name ("Lincolnshire" in "North
    Lincolnshire", "Somerset" in "North Somerset")."""
    spans = {a: [m.span() for target, _ in _targets(a) for m in re.finditer(rf"(?<![a-z]){re.escape(target)}(?![a-z])", norm)] for a in named}

    def inside(span, other):
        return any(o[0] <= span[0] and span[1] <= o[1] and o != span for o in spans[other])

    return [a for a in named if not spans[a] or not all(any(inside(sp, b) for b in named if b != a) for sp in spans[a])]


@functools.lru_cache(maxsize=256)
def _windows(norm: str, size: int) -> dict[str, tuple[str, ...]]:
    """Every run of ``size`` letter-only words of a question, by first letter (made once for all names)."""
    words = _letters_only(norm)
    out: dict[str, list[str]] = {}
    for i in range(len(words) - size + 1):
        window = " ".join(words[i : i + size])
        out.setdefault(window[:1], []).append(window)
    return {first: tuple(found) for first, found in out.items()}


def rewrite_follow_up(question: str, history: list[Turn]) -> str:
    """A follow-up that leans on the previous turn ("And on the Isles of Scilly?") gets that turn's
    topic added, deterministically."""
    if not history:
        return question
    previous = history[-1].search_query or history[-1].question
    # "And on the Isles of Scilly?", "In 2022?": a fragment. "What is the capital of France?" is
    # short too, but a whole question of its own.
    fragment = len(re.findall(r"\w+", question)) <= 6 and not _WHOLE_QUESTION.match(question)
    if not (_FOLLOW_UP.search(question) or fragment):
        return question
    rest = re.sub(r"^\s*(and|also|but|what about|how about|and what about|same for|what of)\b[\s,]*", "", question, flags=re.I)
    return f"{previous.rstrip(' ?.')} — {rest}".strip()


def analyse(question: str, indexed_authorities: list[str], corpus_text_has, history: list[Turn] | None = None) -> Query:
    """Everything retrieval and answering need to know about ``question``.

    ``corpus_text_has(name)`` tells whether a name occurs anywhere in the indexed passages.
    """
    question, warnings = check_question(question)
    question = _TRAILING_HEDGE.sub("?", question)  # (what the one asking believes is no part of the ask)
    standalone = rewrite_follow_up(question, history or [])
    current = question if standalone == question else standalone
    named = _authorities_named(current, indexed_authorities)
    # A follow-up that names a place replaces the earlier turn's place.
    if standalone != question:
        own = _authorities_named(question, indexed_authorities)
        if own:
            named = own
    named += _coordinated(current, named, indexed_authorities)
    indexed_names = [n for a in indexed_authorities for n in _names(a)]
    others = tuple(
        place
        for place in known_places()
        if place not in indexed_names
        and _mentions(question, place, fuzzy=False)
        # not a part of an indexed authority's name the question gives ("Lincolnshire" in "North
        # Lincolnshire"); said alone, the predecessor "Northamptonshire" is a council of its own
        and not any((_mentions(place, a, fuzzy=False) or _mentions(a, place, fuzzy=False)) and _mentions(question, a, fuzzy=False) for a in indexed_names)
        and not _only_indefinite(question, place)
    )
    unknown = tuple(place for place in others if not corpus_text_has(place))
    passing = tuple(place for place in others if place not in unknown)
    # "care leavers in Wigan", or "Warrington shared a service with Wigan. What grade did Wigan
    # get?": what is asked is set in a council the library holds no report on, and names no held one
    ask = question if not named else final_ask(question)
    held_asked = bool(named) and (ask == question or bool(_authorities_named(ask, indexed_authorities)))
    # "Which Wigan director did the article quote?": a place named in what a press document is
    # asked to say is its content, not the setting of an inspection
    source_kinds = tuple(kind for kinds, pattern in _SOURCES.items() if pattern.search(question) for kind in kinds)
    in_press = not set(source_kinds).isdisjoint(_PRESS_KINDS)
    unheld = () if held_asked or in_press else tuple(place for place in passing if _set_in(ask, place) or (ask != question and (_apposed(question, named, place) or (not named and _set_in(question[: len(question) - len(ask)], place)))))  # (an English council or another: "Edinburgh's children's services")
    # "Which was better, Sandwell or Walsall?" where only Sandwell's reports are held: no comparison
    compared_unheld = tuple(place for place in passing if named and place in council_names() and _compared_beside(question, place))
    years = tuple(dict.fromkeys([int(y) for y in YEAR.findall(question)] + sorted(year_span(question).exact)))  # "2024-25": both
    asked = asked_part(standalone, named)  # "I'm reading up on Rochdale's history. What did … find about care leavers?": its topic follows
    compared = _COMPARE.search(asked)
    topic = compared.group("topic") if compared else _META.sub("", _WHY_GRADED.sub("", asked))
    changed = None if compared else _changed(asked, named)
    if changed:  # what changed, over the years it is asked across
        # "since the 2018 inspection": reports say what improved "since 2018"; two years compared
        # ("between 2019 and 2024") choose the documents and are no words to find in them
        span = year_span(standalone)
        since = span.since is not None and span.before is None
        topic = " ".join([changed.group("topic") or changed.group("state") or changed.group("object") or changed.group("graded")] + (YEAR.findall(standalone) if since else []))
    dense_query = re.sub(r"\s+", " ", topic.replace("—", " ")).strip(" ?.,") or standalone
    named_names = {n.casefold() for a in named for n in _names(a)}
    for name in sorted(named_names, key=len, reverse=True):
        rest = name.split(" ", 1)[1:]
        if rest:  # "North and West Northamptonshire": both places go
            topic = re.sub(
                rf"\b([a-z]+)\s+(?:and|or|&)\s+(?={re.escape(name)})",
                lambda m: f" {_PLACE} and " if f"{m.group(1)} {rest[0]}".casefold() in named_names else m.group(0), topic, flags=re.I,
            )
        topic = re.sub(rf"\b{re.escape(name)}('s|’s)?", f" {_PLACE} ", topic, flags=re.I)
    # "Thurrock Council's", "the London Borough of Hounslow": the council's title goes with its name
    topic = re.sub(rf"\b(?:the\s+)?(?:london|royal|metropolitan)\s+borough\s+of\s+{_PLACE}", _PLACE, topic, flags=re.I)
    topic = re.sub(rf"{_PLACE}(?:['’]s)?(?:\s+(?:city|county|borough|metropolitan|district))*\s+council(?:['’]s)?", _PLACE, topic, flags=re.I)
    topic = _ACCORDING.sub(" ", _SOURCE_REFERENCE.sub(" ", _CARRIED_OUT.sub(r"\g<event> ", topic)))  # "in the Isle of Wight letter": where to look
    topic = re.sub(rf"\b(in|on|for|at|of|about)?\s*(the\s+)?{_PLACE}", " ", topic, flags=re.I)
    topic = " ".join(w for w in topic.replace("—", " ").split() if w.lower().strip("?.,") not in FILLER)
    topic = _COUNT_WORD.sub(r"\1", topic)  # "many" asks a count; it is no word to find ("too many children")
    topic = re.sub(r"\s+", " ", topic).strip(" ?.,") or standalone
    # two inspections' years set side by side ("Were caseloads more manageable in 2023 than in 2018?",
    # "Did it get better at pre-proceedings work between 2022 and 2025?"): what each found, unless a fact is wanted
    span = year_span(question)
    across = len(span.exact) > 1 or (span.since is not None and span.before is not None)
    broad = bool(_BROAD.search(question)) or bool(_META.search(standalone)) or bool(changed) or asked_side(final_ask(question)) is not None or across
    wants, acronym = None, None
    expansion = _EXPANSION.search(question)
    if expansion:
        wants = "expansion"
        caps = re.findall(r"\b[A-Z][A-Z0-9&]{1,9}s?\b", question)
        acronym = caps[0] if caps else None
        if acronym is None:
            wants = None
    else:
        # (of the question a statement sets the scene for: "…is confused about what money she's
        # entitled to. Did Ofsted think the council explained its offer clearly?" asks no amount)
        asked = _EMBEDDED_ASK.sub(r"\1 that", _what_is_asked(final_ask(question)))
        wants = next((name for name, pattern in _WANTS if pattern.search(asked)), None)
        if wants == "name" and _WHO_TAKES_PART.search(asked):
            wants = None
        if wants in ("name", "role") and _CHOICE_OFFERED.search(question):
            wants = None  # "Who chaired it - children still in care, or care leavers?": which of those, not a name
    kind = "factoid" if wants or not broad else "broad"
    parts = _parts(question, topic, named)
    terms = "; ".join(dict.fromkeys(glossary.terms_for(question) + acronyms.shorthand_in(question)))  # "CLs": care leavers
    if terms:  # "at night and at weekends": the reports say "out of hours"; searched and scored beside the question's words
        topic = f"{topic} {terms}"
        dense_query = f"{dense_query} ({terms})"
    return Query(
        question=question,
        standalone=standalone,
        topic=topic,
        dense_query=dense_query,
        kind=kind,
        wants=wants,
        authorities=named,
        unknown_places=unknown,
        passing_places=passing,
        unheld_settings=unheld,
        compared_unheld=compared_unheld,
        action_refs=tuple(dict.fromkeys(_ACTION_REF.findall(standalone))),
        acronym=acronym,
        years=years,
        injection=bool(_INJECTION.search(question)),
        speculation=bool(_SPECULATION.search(question) or _SPECULATION.search(final_ask(question))),
        source_kinds=source_kinds,
        warnings=tuple(warnings),
        parts=parts,
        focus=focus_of(dense_query, named),
        terms=terms,
    )


def _changed(text: str, named: tuple[str, ...]) -> re.Match | None:
    """A question about how something changed over time, when it names what changed besides the
    place ("How did Ofsted's view of Kent change…" names only the place: its grades are asked)."""
    found = _CHANGE.search(text)
    if not found:
        return None
    rest = found.group("topic") or found.group("state") or found.group("object") or found.group("graded")
    for name in sorted({n for a in named for n in _names(a)}, key=len, reverse=True):
        rest = re.sub(rf"\b{re.escape(name)}('s|’s)?", " ", rest, flags=re.I)
    of_names = {w for a in named for n in _names(a) for w in re.findall(r"[a-z]+", n.lower())}  # "North and West Northamptonshire"
    return found if [w for w in re.findall(r"[a-z]+", rest.lower()) if w not in ("the", "on", "in", "of", "for", "at", "s", "and", "or") and w not in of_names] else None


def _coordinated(text: str, named: tuple[str, ...], indexed_authorities: list[str]) -> tuple[str, ...]:
    """Authorities named by sharing the rest of a named one's name: "North and West
    Northamptonshire" names North Northamptonshire too, "East and West Sussex" East Sussex."""
    norm, found = _normalised(text), []
    by_name = None
    for authority in named:
        for name in _names(authority):
            first, *rest = _normalised(name).split()
            if not rest:
                continue
            shared = " ".join(rest)
            for match in re.finditer(rf"(?<![a-z])([a-z]+) (?:and|or|&) {re.escape(first)} {re.escape(shared)}(?![a-z])", norm):
                if by_name is None:
                    by_name = {_normalised(n): a for a in indexed_authorities for n in _names(a)}
                other = by_name.get(f"{match.group(1)} {shared}")
                if other and other not in named and other not in found:
                    found.append(other)
    return tuple(found)


def focus_of(text: str, places: tuple[str, ...]) -> str:
    """``text`` without its setting: the place named and where and when it is set ("for the
    2021 visit", "in the improvement plan", "in 2019"). ``text`` itself when little else is left,
    or when it names two places (then they are what it compares); two bare years ("in 2021 and
    in 2022") are kept for the same reason."""
    if len(places) > 1:
        return text  # "…the Isle of Wight in 2021 and the Isles of Scilly in 2022": the places are what is asked
    focus = text
    for name in sorted({n for place in places for n in _names(place)}, key=len, reverse=True):  # "Notts" too
        focus = _place_phrase(name).sub(" ", focus)
    focus = without_setting(focus)
    return focus if len(focus.split()) >= 2 else text


@functools.lru_cache(maxsize=1024)
def _place_phrase(name: str) -> re.Pattern:
    """A place's name as a question sets it ("in the London Borough of …", "Thurrock Council's"):
    the council's title goes with it."""
    return re.compile(
        rf"\b((in|on|for|at|of|about|to)\s+)?(the\s+)?((london|royal|metropolitan)\s+borough\s+of\s+)?{re.escape(name)}('s|’s)?"
        r"((\s+(city|county|borough|metropolitan|district))*\s+council('s|’s)?)?",
        re.I,
    )


def without_setting(text: str) -> str:
    """``text`` without where and when it is set ("for the 2021 visit", "at the time of Ofsted's
    2016 inspection", "in 2019"), unless little else is left."""
    text = _WHEN_SETTING.sub(" ", _SOURCE_SETTING.sub(" ", _ACCORDING.sub(" ", _CARRIED_OUT.sub(r"\g<event> ", text))))
    if len(YEAR.findall(text)) <= 1:
        text = _YEAR_SETTING.sub(" ", text)
        eventless = _EVENT_SETTING.sub(" ", text)
        text = eventless if len(eventless.split()) >= 3 else text  # "What happened at the inspection?": it is the subject
    return re.sub(r"\s+([,?.])", r"\1", re.sub(r"\s+", " ", text)).strip(" ?.,")


# a second question after a first that asks what, which, how many… ("How many … at the 2017
# inspection? What did the 2026 report say …?")
_NEXT_QUESTION = re.compile(r"\?\s+(?=(?:when|who|whom|whose|what|which|where|how|why)\s+(?:did|does|do|is|are|was|were|has|have|had|many|much)\b)", re.I)
_WH_QUESTION = re.compile(r"^\s*(?:when|who|whom|whose|what|which|where|how|why)\b", re.I)


def _questions_in(asked: str) -> list[str]:
    """The questions ``asked`` puts one after another, each after one asking what, which, how…: a
    yes/no question and the one after it ask one thing ("Do people enjoy working there? What did
    staff tell Ofsted?")."""
    out: list[str] = []
    for question in _NEXT_QUESTION.split(asked):
        if out and not _WH_QUESTION.match(out[-1]):
            out[-1] = f"{out[-1]}? {question}"
        else:
            out.append(question)
    return out


def _parts(question: str, topic: str, places: tuple[str, ...] = ()) -> tuple[Part, ...]:
    """The separate asks of a compound question, each with what its answer must contain."""
    asked = _LEADING_SETTING.sub("", final_ask(question))  # "According to Suffolk's 2015 inspection, where did…", "Sandwell was judged…. What…, and which…?": the asks follow
    pieces = [p.strip(" ,?.") for ask in _questions_in(asked) for p in _SECOND_ASK.split(ask) if p and p.strip(" ,?.")]
    if len(pieces) < 2 or not all(_WHOLE_QUESTION.match(_FOR_ASK.sub("", p)) for p in pieces):
        return ()  # "According to Carol Attrill, how many…" is one question
    subject = _ASKING.sub("", pieces[0]).strip()
    # (the first ask leaning on a statement before it: "Bury's help and protection was rated good in
    # 2016. How was it rated in 2021, and why?": it is the statement's subject)
    scene = topic if _last_sentence(question) != question.strip() and _LEANING_PART.search(pieces[0]) else ""  # (a statement, not a label)
    parts = []
    for i, piece in enumerate(pieces):
        wants = next((name for name, pattern in _WANTS if pattern.search(piece)), None)
        leans = i > 0 and (_LEANING_PART.search(piece) or len(piece.split()) <= 4)
        about = f"{subject} {scene}".strip() if i > 0 else scene
        search = f"{piece} ({about})" if about and (leans or i == 0) else piece
        own = " ".join(w for w in piece.split() if w.lower() not in FILLER)
        # (the scene is searched with, not what the part is about: the records read its topic)
        parts.append(Part(text=piece, wants=wants, search=search, topic=f"{own} {subject}" if leans else own, focus=focus_of(search, places)))
    return tuple(parts)
