"""The strength of obligation: 'may' that became 'deberán', 'shall' that became 'podrán'.

Whether an MOU binds is carried by a handful of verbs, and a translation can silently turn a
political intention into a legal obligation (or the reverse). Each side's modal expressions are read
into a strength on one scale, ``permissive < hortatory < intent < binding``: may/podrán,
should/deberían, will/are to/intend/tienen la intención de, shall/must/deberán/tendrán que/se obligan
a. A Spanish future ("promoverán") renders both "will" and "shall" in treaty Spanish, so it is the
range intent–binding, and it only ever *answers* an English marker; prohibitions ("shall not", "no
podrá") are the negation check's. Every English marker must find a Spanish marker of overlapping
strength in the clause and every explicit Spanish marker an English one; what finds none is reported,
critical when non-binding words were made binding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...align import AlignedPair
from ...lang import fold
from .._finding import CheckContext, Finding
from ._side import Hit, Side, make_finding, nearest, sides

CHECK = "modality"
LEVELS = ("permissive", "hortatory", "intent", "binding")
LEVELS_ES = ("facultativo", "exhortativo", "de intención", "vinculante")


@dataclass(frozen=True)
class Marker:
    lo: int
    hi: int
    start: int
    end: int
    text: str
    weak: bool = False  # 'can', 'puedan': may answer a marker, never reported
    generic: bool = False  # a Spanish future: answers a marker, never reported on its own

    @property
    def hit(self) -> Hit:
        return Hit(self.start, self.end, self.text)

    def overlaps(self, other: Marker) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def level(self, lang: str = "en") -> str:
        names = LEVELS if lang == "en" else LEVELS_ES
        return names[self.lo] if self.lo == self.hi else f"{names[self.lo]}–{names[self.hi]}"


def _r(p: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w']){p}(?![\w'])")


# (pattern, lo, hi, weak) — tried in order; later patterns skip text an earlier one took
# Prohibitions and negated modals are the negation check's business; both sides read them first so their
# modal word is not read as a marker. Each row has its Spanish conventions in ES_PROHIBITIONS:
# 'shall not'/'may not' ↔ 'no podrá'; 'no one shall' ↔ 'nadie podrá'; 'in no event will' ↔ 'en ningún
# caso será'; epistemic 'may not apply' ↔ 'puede no aplicarse'; 'does not, and shall not' ↔ 'no es ni deberá'.
EN_PROHIBITIONS = [_r(r"(?:shall|must|may|will|should|can|could|would)\s+not"), _r(r"cannot"),
                   _r(r"(?:is|are|be)\s+not\s+(?:allowed|permitted)"),  # 'An empty file is not allowed' ↔ 'No se permite'
                   _r(r"(?:shan't|won't|mustn't|can't|shouldn't)"), _r(r"(?:is|are)\s+not\s+to"),
                   _r(r"(?:no\s+one|nobody|no\s+person|nothing|none|neither)\s+(?:\w+\s+){0,10}?(?:shall|will|may|must|can)"),
                   _r(r"nor\s+(?:shall|will|may|must|can|should)"),
                   _r(r"no\s+\w+(?:\s+\w+)?\s+(?:shall|will|may|must)"),
                   _r(r"(?:in\s+no\s+(?:event|case)|under\s+no\s+circumstances?|at\s+no\s+time)\s+(?:shall|will|may|must)"),
                   # the negation after the modal: 'may in no case be exercised' ↔ 'no podrán, en ningún caso'
                   _r(r"(?:shall|will|may|must|can)\s+(?:in\s+no\s+(?:event|case)|under\s+no\s+circumstances?|"
                      r"at\s+no\s+time|never)")]
#: Contracted modals spelt out, so a prohibition's modal is read by ``EN_MARKERS`` like any other.
_CONTRACTED = {"won't": "will not", "shan't": "shall not", "can't": "can not", "cannot": "can not",
               "mustn't": "must not", "shouldn't": "should not"}
EN_MARKERS = [
    # 'shall endeavour to' is an obligation of conduct, answered by 'procurarán' as well as a future
    (_r(r"(?:shall|will|must)\s+(?:endeavou?r|strive|seek|use\s+(?:their|its)\s+best\s+efforts|"
        r"make\s+(?:every|all|reasonable|their\s+best)\s+efforts?)(?:\s+to)?"), 1, 3, False),
    (_r(r"(?:is|are)\s+(?:required|obliged|obligated|bound)\s+to"), 3, 3, False),
    (_r(r"(?:undertakes?|agrees?)\s+(?:not\s+)?to"), 3, 3, False),  # 'agrees not to' ↔ 'se compromete a no'
    (_r(r"commits?\s+(?:themselves\s+|itself\s+)?to"), 3, 3, False),
    # an ability or a chance in the future is a permission: 'women will be able to apply' ↔ 'las mujeres
    # podrán solicitar', 'you will have the chance to confirm' ↔ 'podrá confirmar'
    (_r(r"(?:shall|will)\s+be\s+able\s+to|(?:shall|will)\s+(?:have|get)\s+(?:the\s+|an?\s+)?(?:chance|opportunity|option|possibility)\s+to"),
     0, 0, False),
    # a need in the future is a duty: 'you will need to export' ↔ 'tendrá que exportar', 'Deberá hacer clic'
    (_r(r"(?:shall|will|would)\s+(?:need|have)\s+to"), 3, 3, False),
    (_r(r"(?:shall|must)"), 3, 3, False),
    (_r(r"(?:has|have)\s+to"), 3, 3, False),
    (_r(r"(?:is|are)\s+committed\s+to"), 2, 3, False),
    (_r(r"(?:is|are)\s+dedicated\s+to"), 2, 2, False),
    (_r(r"(?:is|are)\s+subject\s+to"), 2, 3, False),  # a condition: 'is subject to approval' ↔ 'deberá ser aprobado'
    (_r(r"intends?\s+to"), 2, 2, False),
    (_r(r"(?:is|are)\s+to\s+be"), 2, 3, False),  # 'are to be submitted' ↔ 'deberán ser sometidas'
    # 'reports are due within 30 days': a deadline is an obligation stated as a fact ('deben presentarse')
    (_r(r"(?:is|are)\s+(?:due|payable)"), 2, 3, False),
    # 'all City buildings are to have 70% coverage' (a requirement) ↔ 'deben tener': arranged or required
    (_r(r"(?:is|are)\s+to"), 2, 3, False),
    (_r(r"will"), 2, 2, False),
    (_r(r"(?:should|ought\s+to)"), 1, 1, False),
    (_r(r"(?:is|are)\s+(?:encouraged|invited)\s+to"), 1, 1, False),
    (_r(r"(?:endeavou?rs?|strives?)\s+to"), 1, 1, False),
    (_r(r"(?:is|are)\s+(?:permitted|allowed|authori[sz]ed|entitled)\s+to"), 0, 0, False),
    # a right stated as possessed: 'has the right to life' ↔ 'tiene derecho a la vida' (both permissive)
    (_r(r"(?:has|have)\s+(?:the|a|an)\s+(?:(?:same|equal|prior|full)\s+)?right\s+(?:\w+ly\s+)?(?:to|of)"), 0, 0, False),
    # a right with its words apart ('are entitled without any discrimination to'): answers, never reported
    (_r(r"(?:is|are|be)\s+entitled"), 0, 0, True),
    # a permission stated as a state: 'Membership is open to all' ↔ 'Podrán ser Miembros', 'you are free to
    # share' ↔ 'usted puede compartir', 'resources are available' ↔ 'puede encontrar': answers, never reported
    (_r(r"(?:is|are|be|remains?)\s+(?:open|free|eligible)\s+(?:to|for)|(?:is|are)\s+available"), 0, 0, True),
    # a possibility stated as a fact: 'in which alone … is possible' ↔ 'solo en ella puede'
    (_r(r"(?:is|are|be)\s+(?:possible|able\s+to|capable\s+of)"), 0, 0, True),
    # the same as a noun: 'constraints on women's ability to work' ↔ 'los horarios en los que una mujer puede trabajar'
    (_r(r"(?:abilit(?:y|ies)|capacit(?:y|ies)|possibilit(?:y|ies)|freedom)\s+to"), 0, 0, True),
    # 'as the case may be' ↔ 'en su caso', 'según el caso': an idiom, not a permission
    (_r(r"as\s+the\s+case\s+may\s+be"), 0, 0, True),
    # a need or a recommendation stated by a verb ('you only need to use' ↔ 'solo tiene que utilizar', 'we
    # recommend that' ↔ 'se recomienda'): they answer, never accuse ('the need to act' is a noun: not read)
    (_r(r"(?<!the\s)(?<!a\s)(?<!an\s)needs?\s+to"), 2, 3, True),
    (_r(r"(?:recommend|advise|suggest)(?:s|ed)?(?=\s+(?:that|to|you|users|the|using|\w+ing))"), 1, 1, True),
    # epistemic 'may' in a concessive or relative clause ('whatever may be', 'that may be attached') is
    # answered by 'cualquiera sea', 'eventualmente', a subjunctive ('que les sean aplicables'): weak, never reported
    (_r(r"(?:whatever|whichever|however|as)\s+may(?=\s+be)|(?:that|which)\s+may"), 0, 0, True),
    # the same 'may' with its subject between: 'such methods as the two Governments may determine' ↔
    # 'los medios que los dos Gobiernos determinen' (a subjunctive; no permission is given)
    (_r(r"as\s+(?:[\w-]+\s+){1,4}?may(?=\s+\w)"), 0, 0, True),
    (_r(r"may"), 0, 0, False),
    (_r(r"(?:can|could|might|would)"), 0, 2, True),
    # a passive infinitive after a noun is a duty stated as a purpose: 'the sum to be paid' ↔ 'la suma que
    # deberá pagarse' / 'que ha de pagarse'; it answers, never accuses; last, so
    # 'has the right to be presumed' stays a right
    (_r(r"to\s+be\s+(?:paid|made|given|done|held|borne|\w+ed)(?!\w)"), 2, 3, True),
]
ES_PROHIBITIONS = [
    _r(r"no\s+(?:se\s+)?(?:podran?|deberan?|puede|pueden|debe|deben|deberian?|tendran?\s+que|podemos|debemos)"),
    _r(r"(?:ni|(?:nadie|nada|ningun[oa]?)(?:\s+\w+){0,10}?)\s+(?:se\s+)?(?:podran?|deberan?|puede|pueden|debe|deben)"),
    _r(r"(?:podran?|puede|pueden|podrian?)\s+no"),  # epistemic 'puede no aplicarse' ↔ 'may not apply'
    _r(r"no\s+(?:se\s+)?(?:permiten?|permitira|permitiran|(?:esta|estan)\s+permitid[oa]s?)"),
    _r(r"no\s+(?:se\s+|les?\s+|lo\s+|la\s+|los\s+|las\s+)?\w+ran?"),  # a negated future; checked for the accent
]
ES_MARKERS = [
    (_r(r"(?:deberan?|debe|deben|debemos|deberemos|debo|debes|deberas)"), 3, 3, False),
    (_r(r"(?:tendran?|tiene|tienen)\s+(?:el\s+)?derecho\s+(?:a|de)"), 0, 0, False),  # 'may'/'is entitled to' ↔ 'tiene derecho a'
    # a right or benefit possessed, with its words apart or as a noun: 'tienen, sin distinción, derecho a',
    # 'tiene todos los derechos', 'disfrutarán de iguales derechos', 'gozará de': answers, never reported
    (_r(r"(?:tendran?|tiene|tienen|tenga|tengan)\s*,?(?:\s+[\w,]+){0,4}?\s+derechos?"), 0, 0, True),
    (_r(r"(?:disfrut|goz)(?:a|an|ara|aran|e|en)\s+de"), 0, 0, True),
    (_r(r"(?:tendran?|tiene|tienen)\s+que"), 3, 3, False),
    (_r(r"se\s+obligan?\s+a"), 3, 3, False),
    (_r(r"(?:estaran?|estan?)\s+obligad[oa]s?\s+a"), 3, 3, False),
    (_r(r"se\s+comprometen?\s+a"), 3, 3, False),
    (_r(r"(?:convienen|acuerdan)\s+(?:en\s+)?"), 3, 3, False),
    (_r(r"(?:habran?|han?)\s+de"), 2, 3, False),
    (_r(r"(?:estan?|son)\s+comprometid[oa]s\s+(?:a|con)"), 2, 3, False),
    (_r(r"tienen?\s+(?:la\s+)?intencion\s+de"), 2, 2, False),
    (_r(r"(?:se\s+proponen?|pretenden?)"), 2, 2, False),
    (_r(r"(?:estan?\s+dedicad[oa]s?\s+a|se\s+dedican?\s+a)"), 2, 2, False),
    (_r(r"estan?\s+sujet[oa]s?\s+a"), 2, 2, False),
    (_r(r"(?:deberian?|convendria)"), 1, 1, False),
    # a past or subjunctive 'deber' reports a duty ('how identifiers ought to be combined' ↔ 'cómo se debían
    # combinar', 'an element that should be rendered' ↔ 'un elemento que se deba mostrar'): it answers a
    # modal of any strength from 'should' up, never accuses
    (_r(r"(?:debia|debian|debio|debieron|debiera|debieran|debiese|debiesen|deba|deban)"), 1, 3, True),
    (_r(r"(?:procuraran?|se\s+esforzaran?|haran?\s+(?:todo\s+)?lo\s+posible|se\s+alienta|se\s+invita|"
        r"se\s+recomienda|seria\s+conveniente)"), 1, 1, False),
    # the present of an effort ('We strive to meet' ↔ 'Nos esforzamos por cumplir', 'Mozilla strives to' ↔
    # 'lucha por'): it answers 'strive to', never accuses
    (_r(r"(?:(?:nos|se)\s+esforz(?:amos|aremos)|se\s+esfuerzan?|(?:lucha|luchan|luchamos)\s+por|"
        r"(?:procura|procuran|procuramos|intenta|intentan|intentamos)\s+(?:de\s+)?(?=\w))"), 1, 1, True),
    (_r(r"(?:estan?|estaran?)\s+facultad[oa]s?\s+para"), 0, 0, False),
    # a status in a relative clause: 'persons who … are authorised to process' ↔ 'las personas
    # autorizadas para tratar': it answers, never accuses
    (_r(r"(?:(?:estan?|estaran?)\s+)?(?:autorizad|habilitad|facultad)[oa]s?\s+(?:para|a)"), 0, 0, True),
    # epistemic 'puede que' ('maybe', 'it may be that') and a superlative's 'lo mejor que se puede' ('as good
    # as it gets', 'as soon as possible'): no permission is given; they answer, never accuse
    (_r(r"puede\s+que|lo\s+(?:mejor|peor|mas|menos|antes)\s+(?:\w+\s+){0,3}?que\s+(?:se\s+)?(?:puede|pueda|pueden|puedan|"
        r"podamos|podemos)"), 0, 0, True),
    (_r(r"(?:podran?|se\s+permite)"), 0, 0, False),
    (_r(r"(?:puede|pueden)"), 0, 0, False),
    (_r(r"(?:podrian?|puedan?)"), 0, 1, True),
]
# Renderings legal Spanish uses for an English marker of another level: (English marker, Spanish marker),
# each matched at the marker's position in the folded text. Such a pair is a convention, not a change.
EQUIVALENTS = [
    # the present 'debe(n)' of notices and declarations renders 'should': 'Licensors should read' ↔
    # 'Los licenciantes deben leer' (the future 'deberán' stays binding)
    (_r(r"should"), _r(r"(?:debe|deben|debo|debes|debemos)")),
    # a right conferred: 'children shall enjoy the same protection' ↔ 'tienen derecho a igual protección'
    (_r(r"(?:shall|will)(?=\s+(?:enjoy|have\s+the\s+right|be\s+entitled))"),
     _r(r"(?:tendran?|tiene|tienen)\s+(?:el\s+)?derecho|(?:disfrut|goz)\w+")),
    # a deeming provision: 'will be considered' ↔ 'debe ser considerado' / 'se considerará'
    (_r(r"(?:will|shall)(?=\s+be\s+(?:considered|deemed|regarded|treated))"), _r(r"deben?(?=\s+ser\s+(?:considerad|tenid|tratad))")),
]
_ES_PERSONAL_CAN = re.compile(r"(?<!\w)(?:podemos|podremos|puedo|podre|puedes|podras|podeis|podreis)(?!\w)")
_ES_FUTURE = re.compile(r"(?<!\w)\w+r[áÁ]n?(?!\w)")
_PURPOSE_NOUNS = re.compile(r"\b(objective|purpose|aim|goal|object|intention|function|role|task|mission|idea)s?\b")
# a course of action right before the copula: 'your best bet is to play', 'the only way is to ask'
_COURSE_NOUNS = re.compile(r"\b(?:bet|option|way|solution|answer|key|step|plan|strategy|approach|priority|challenge|"
                           r"choice|hope|dream|wish|trick|secret)s?\s+(?:[\w-]+\s+)?$")
_INVERTED = re.compile(r"\s+(?:any|the|a|an|this|that|these|those|such|there|it|he|she|they|you|we|its|their|either)\b")
# the putative 'should' of a that-clause after a word of necessity or proposal: Spanish puts the subjunctive
# ('es esencial que … sean protegidos'), not a modal
_MANDATIVE = re.compile(r"\b(?:essential|necessary|important|vital|imperative|crucial|desirable|requir\w*|insist\w*|"
                        r"propos\w*|suggest\w*|recommend\w*|demand\w*|urg\w*)\b[^.;]*\bthat\b[^.;]*$")
_WILL_NOUN = re.compile(r"\b(the|political|good|free|their|its|his|her|our|own|ill|a)\s+$")


def read(text: str, lang: str, upper: bool = False) -> list[Marker]:
    """Modal markers of one clause, in text order (prohibitions left out)."""
    folded = fold(text)
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    prohibited: list[re.Match[str]] = []
    for pat in EN_PROHIBITIONS if lang == "en" else ES_PROHIBITIONS:
        for m in pat.finditer(folded):
            if lang == "es" and not _is_future(text, m) and "podr" not in m.group(0) and "deb" not in m.group(0) \
                    and "pued" not in m.group(0) and "tendr" not in m.group(0) and "permit" not in m.group(0):
                continue
            taken.append((m.start(), m.end()))
            if lang == "en":
                prohibited.append(m)
    out: list[Marker] = []
    # a prohibition whose negation the Spanish moves onto a word keeps its modal there: 'should not be
    # equal to' ↔ 'debería ser distinto de', 'may not work' ↔ 'pueden tener problemas'. Its modal answers
    # a Spanish marker of its level and never accuses (a lost negation is the negation check's)
    for m in prohibited:
        words = m.group(0).replace("’", "'")
        words = _CONTRACTED.get(words, words)
        level = next(((lo, hi) for pat, lo, hi, _ in EN_MARKERS if pat.search(words)), None)
        if level is not None:
            out.append(Marker(level[0], level[1], m.start(), m.end(), text[m.start():m.end()], weak=True))
    for pat, lo, hi, weak in EN_MARKERS if lang == "en" else ES_MARKERS:
        for m in pat.finditer(folded):
            a, b = m.start(), m.end()
            if not free(a, b):
                continue
            word = text[a:b]
            if not upper and word[:1].isupper() and not _heads_sentence(text, a):
                continue  # inside a title ('la Convención sobre las Medidas que Deben Adoptarse…')
            if lang == "en":
                if word.startswith("May") and not upper:
                    continue  # the month
                if word in ("Should", "SHOULD") and _heads_sentence(text, a) and _INVERTED.match(folded, b) \
                        and not _asks(text, b):
                    continue  # 'Should any part of the Waiver be judged invalid': a condition ('If'), not a question
                if word.lower() == "will" and _WILL_NOUN.search(folded[max(0, a - 12):a]):
                    continue  # 'political will'
                if re.match(r"(is|are)\s+to$", m.group(0)) and (_PURPOSE_NOUNS.search(_sentence_before(folded, a))
                                                                or _COURSE_NOUNS.search(folded[max(0, a - 40):a])):
                    continue  # 'The objective of this MOU is to provide…': purpose, not obligation
                if word.lower() == "should" and _MANDATIVE.search(_sentence_before(folded, a)):
                    weak = True  # 'it is essential … that rights should be protected' ↔ 'que … sean protegidos'
            taken.append((a, b))
            out.append(Marker(lo, hi, a, b, text[a:b].strip(), weak))
    if lang == "es":
        # 'podemos', 'podremos', 'puedes' (a statement's or a guide's own voice): a possibility that answers
        # 'can' or 'may' and stands against 'will' ('we will make … more resilient' ↔ 'podemos hacer'), but
        # never accuses on its own ('Together we make progress' ↔ 'Juntos podemos avanzar')
        for m in _ES_PERSONAL_CAN.finditer(folded):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                out.append(Marker(0, 0, m.start(), m.end(), text[m.start():m.end()], generic=True))
        for m in _ES_FUTURE.finditer(text):
            if free(m.start(), m.end()) and (upper or not m.group(0)[:1].isupper() or _heads_sentence(text, m.start())):
                out.append(Marker(2, 3, m.start(), m.end(), m.group(0), generic=True))
    return sorted(out, key=lambda mk: mk.start)


def _heads_sentence(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘«¿¡(*—–-":
        j -= 1
    return j < 0 or text[j] in ".:;!?\n"


def _asks(text: str, i: int) -> bool:
    """Does the sentence going on at ``i`` end in a question mark ('Should this field be mandatory?')?"""
    end = re.search(r"[.!?\n]", text[i:])
    return end is not None and end.group(0) == "?"


def _is_future(text: str, m: re.Match[str]) -> bool:
    last = text[m.start():m.end()].split()[-1]
    return last.endswith(("rá", "rán", "RÁ", "RÁN"))


def _sentence_before(folded: str, pos: int) -> str:
    start = max(folded.rfind(". ", 0, pos), folded.rfind("; ", 0, pos), 0)
    return folded[start:pos]


#: An English text that says 'shall' or 'must' this many times is a binding instrument (a licence, a treaty):
#: there 'will' may state an obligation ('the Licensee will provide a copy'), and 'deberá' for it is the
#: translator's reading (minor). In an MOU, which avoids 'shall', 'will' ↔ 'deberá' stays critical.
BINDING_REGISTER = 2
_BINDING_WORDS = re.compile(r"(?<![\w'])(?:shall|must)(?!\s+not)(?![\w'])")


def binding_register(text: str) -> bool:
    """Whether an English text binds in its own words ('shall'/'must', prohibitions aside)."""
    return len(_BINDING_WORDS.findall(fold(text))) >= BINDING_REGISTER


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    """Changes in the strength of obligation between the two versions of each aligned clause.

    In a recital ("Affirming that the rules … should continue to govern" ↔ "han de continuar rigiendo")
    a shift is minor: a recital gives the parties' reasons and binds no one, so its modal verb, however
    rendered, creates or removes no duty (official treaty Spanish often says "han de" or "deben" there).
    """
    binding = ctx.en_doc is not None and binding_register(ctx.en_doc.text)
    out: list[Finding] = []
    for pair, en, es in sides(pairs):
        found = compare(pair, en, es, binding)
        if all(n.kind == "recital" for n in (*pair.en, *pair.es)):
            found = [replace(f, severity="minor") for f in found]
        out.extend(found)
    return out


def compare(pair: AlignedPair, en: Side, es: Side, binding: bool = False) -> list[Finding]:
    a = read(en.text, "en", en.is_upper())
    b = read(es.text, "es", es.is_upper())
    fen, fes = fold(en.text), fold(es.text)

    def fits(m: Marker, x: Marker) -> bool:
        return m.overlaps(x) or any(pe.match(fen, m.start) and ps.match(fes, x.start) for pe, ps in EQUIVALENTS) \
            or _only_condition(fen, m, fes, x)

    strong_a = [m for m in a if not m.weak]
    explicit_b = [m for m in b if not m.weak and not m.generic]
    out: list[Finding] = []
    if not strong_a and not explicit_b:
        return out
    if not b:
        # 'may include' rendered as a plain statement ('incluyen'): a permission turned into a fact
        for m in strong_a:
            if m.hi <= 1:
                out.append(_finding(pair, en, es, m, None, "major"))
        return out
    # one to one first, so 'should … may' against 'podrán … podrán' pairs the second 'podrán' with 'may'
    used: set[int] = set()
    for m in strong_a:
        cands = [x for x in b if x.start not in used and fits(m, x)]
        if cands:
            used.add(_nearest(cands, m, en, es).start)
    for m in strong_a:
        if any(fits(m, x) for x in b):
            continue  # answered (a second 'may' in 'as may be decided' needs no second 'podrán')
        free = [x for x in b if x.start not in used and not x.weak]
        if not free:
            out.append(_finding(pair, en, es, m, None, "minor"))  # its sentence is gone: structure's finding
            continue
        twin = _nearest(free, m, en, es)
        used.add(twin.start)
        out.append(_finding(pair, en, es, m, twin, _severity(m, twin, binding)))
    for x in explicit_b:
        if x.start in used or any(fits(m, x) for m in a):
            continue
        twin = _nearest(strong_a, x, es, en) if strong_a else None
        if twin is not None and any(fits(twin, y) for y in b if y is not x and not y.generic):
            twin = None  # the nearest English marker has its own rendering: this one has no counterpart
        if twin is not None:
            sev = _severity(twin, x, binding)
        elif binding and x.lo == 3:
            sev = "minor"  # a binding instrument's duty in the present tense ('the Licensor provides' ↔ 'deberá facilitar')
        else:
            sev = "major" if x.lo == 3 or x.hi <= 1 else "minor"
        out.append(_finding(pair, en, es, twin, x, sev))
    return out


_EN_ONLY = re.compile(r"\b(?:only|solely|exclusively)\b")
_ES_ONLY = re.compile(r"\b(?:solo|solamente|unicamente|exclusivamente)\b")


def _only_condition(fen: str, m: Marker, fes: str, x: Marker) -> bool:
    """'shall be entered into only with consent' ↔ 'solo mediante consentimiento podrá contraerse': an
    obligation restricted by 'only' is a permission restricted by 'solo' (and the reverse, 'may only')."""
    if not ((m.lo == 3 and x.hi == 0) or (m.hi == 0 and x.lo == 3)):
        return False
    return bool(_EN_ONLY.search(_sentence_of(fen, m.start))) and bool(_ES_ONLY.search(_sentence_of(fes, x.start)))


def _sentence_of(folded: str, pos: int) -> str:
    """The sentence (or ';'-clause) around ``pos``: :func:`_sentence_before` and the rest up to its end."""
    ends = [e for e in (folded.find(". ", pos), folded.find("; ", pos)) if e >= 0]
    return _sentence_before(folded, pos) + folded[pos:min(ends) if ends else len(folded)]


def _nearest(cands: list[Marker], m: Marker, side: Side, other: Side) -> Marker:
    hit = nearest([c.hit for c in cands], m.hit, len(side.text), len(other.text))
    return next(c for c in cands if c.start == hit.start)  # type: ignore[union-attr]


def _severity(en_m: Marker, es_m: Marker, binding: bool = False) -> str:
    if binding and fold(en_m.text) == "will" and es_m.lo == 3:
        return "minor"  # a binding instrument's 'will' read as an obligation
    if en_m.hi <= 2 and es_m.lo == 3:
        return "critical"  # non-binding made binding
    return "major"


def _finding(pair: AlignedPair, en: Side, es: Side, m: Marker | None, x: Marker | None, sev: str) -> Finding:
    if m is not None and x is not None:
        direction = "strengthened" if x.lo > m.hi else "weakened"
        dir_es = "más fuerte" if x.lo > m.hi else "más débil"
        msg = (f"Obligation {direction}: '{m.text}' ({m.level()}) is rendered '{x.text}' ({x.level()})")
        msg_es = (f"Obligación {dir_es}: '{x.text}' ({x.level('es')}) traduce '{m.text}' ({m.level('es')})")
    elif m is not None:
        msg = f"'{m.text}' ({m.level()}) has no modal counterpart in the Spanish text"
        msg_es = f"'{m.text}' ({m.level('es')}) no tiene verbo modal equivalente en el texto en español"
    else:
        assert x is not None
        msg = f"'{x.text}' ({x.level()}) in the Spanish text has no modal counterpart in English"
        msg_es = f"'{x.text}' ({x.level('es')}) del español no tiene verbo modal equivalente en inglés"
    return make_finding(CHECK, "modality", sev, pair, en, es, m.hit if m else None, x.hit if x else None, msg, msg_es)
