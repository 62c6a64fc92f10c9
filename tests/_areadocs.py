"""Tiny synthetic EN/ES documents per area for classifier tests with the FakeEncoder.

FakeEncoder measures surface overlap only, so each area gets its own vocabulary; the test checks the
machinery (fit, calibration, thresholds, evidence, I/O), not language understanding — the real
encoder's quality is measured by ``mou-text eval``.
"""

from __future__ import annotations

import random

VOCAB = {
    "economic": {
        "en": ["women entrepreneurs", "microcredit loans", "small business owners", "export markets", "savings cooperative", "equal pay audit", "formal jobs"],
        "es": ["mujeres emprendedoras", "microcréditos", "pequeños negocios", "mercados de exportación", "cooperativa de ahorro", "igualdad salarial", "empleo formal"],
    },
    "social": {
        "en": ["girls coding club", "STEM scholarships", "leadership mentoring", "exchange program", "equality awareness in schools", "community councils", "women candidates"],
        "es": ["club de programación para niñas", "becas STEM", "mentoría de liderazgo", "programa de intercambio", "igualdad en las escuelas", "consejos comunitarios", "candidatas"],
    },
    "security": {
        "en": ["domestic violence shelter", "trafficking survivors", "violence prevention with boys", "panic button app", "safe transport patrols", "gender violence hotline", "shelter beds"],
        "es": ["refugio para víctimas de violencia", "sobrevivientes de trata", "prevención de la violencia con jóvenes", "botón de pánico", "transporte seguro", "línea contra la violencia", "camas del refugio"],
    },
    "justice": {
        "en": ["free legal aid", "protection orders", "training judges", "prosecutors office", "child support cases", "custody hearings", "legal rights workshops"],
        "es": ["asesoría jurídica gratuita", "órdenes de protección", "capacitación de juezas", "fiscalía especializada", "pensión alimenticia", "juicios de custodia", "talleres de derechos"],
    },
    "none": {
        "en": ["rainfall totals", "highway repaving", "baseball league", "tourism festival", "tax ruling", "irrigation canal", "museum opening"],
        "es": ["lluvias récord", "pavimentación de carreteras", "liga de béisbol", "festival turístico", "resolución fiscal", "canal de riego", "apertura del museo"],
    },
}

TEMPLATES = {
    "en": ["The {org} reported progress on {a} and {b}.", "This year the {org} saw {a} grow while {b} continued.",
           "Partners of the {org} said {a} matters for {b} in {place}."],
    "es": ["La {org} informó avances en {a} y {b}.", "Este año la {org} vio crecer {a} mientras siguió {b}.",
           "Las socias de la {org} dijeron que {a} importa para {b} en {place}."],
}
ORGS = {"en": ["foundation", "agency", "network"], "es": ["fundación", "agencia", "red"]}
PLACES = ["Sonora", "Chihuahua", "Jalisco", "Oaxaca", "Puebla"]


#: A document about an area names women, as every real one does (the classifier gives no area to a text
#: that never does: ``SHARE_FLOOR``), here through the organisation that reports it.
WOMEN_ORG = {"en": "women's {}", "es": "{} de mujeres"}


def make_doc(areas: list[str], lang: str, rng: random.Random, *, topic: list[str] | None = None) -> str:
    """Three to five sentences drawn from the vocabularies of ``areas`` ('none' when empty). ``topic``: a
    near-topic negative, the vocabulary of those areas from an organisation that never names women."""
    keys = topic or areas or ["none"]
    sentences = []
    for i in range(rng.randint(3, 5)):
        key = keys[i % len(keys)]
        a, b = rng.sample(VOCAB[key][lang], 2)
        org = rng.choice(ORGS[lang])
        org = WOMEN_ORG[lang].format(org) if areas else org
        sentences.append(rng.choice(TEMPLATES[lang]).format(org=org, a=a, b=b, place=rng.choice(PLACES)))
    return " ".join(sentences)


def make_corpus(n_per_area: int = 8, n_negative: int = 8, n_multi: int = 4, seed: int = 0, n_near_topic: int = 0) -> list[dict]:
    """Labelled toy documents, half EN half ES, with negatives and a few two-area ones; then
    ``n_near_topic`` negatives on an area's topic that never name women."""
    rng = random.Random(seed)
    docs = []
    specs: list[list[str]] = []
    for area in ("economic", "social", "security", "justice"):
        specs += [[area]] * n_per_area
    specs += [[]] * n_negative
    pairs = [["economic", "social"], ["security", "justice"], ["social", "security"], ["economic", "justice"]]
    specs += [pairs[i % len(pairs)] for i in range(n_multi)]
    for i, labels in enumerate(specs):
        lang = "en" if i % 2 == 0 else "es"
        docs.append({"id": f"t{i:03d}", "lang": lang, "genre": "news", "labels": labels, "topic": "toy", "text": make_doc(labels, lang, rng)})
    areas = ("economic", "social", "security", "justice")
    for j in range(n_near_topic):
        i, lang = len(docs), "en" if j % 2 == 0 else "es"
        text = make_doc([], lang, rng, topic=[areas[j % len(areas)]])
        docs.append({"id": f"t{i:03d}", "lang": lang, "genre": "news", "labels": [], "topic": "near", "text": text})
    return docs
