"""What each cooperation area *means*, as texts an encoder can compare a passage with.

The MOU itself is the primary definition of its areas, so its own clauses are the prototypes: for
each area the Section 2 item, and the Section 3 heading, introductory paragraph and bullets, in the
signed English text and in the Spanish rendering. Both languages are used so that a Spanish report
is compared with Spanish wording as well as with the cross-lingual neighbour of the English one.

Treaty language is abstract ("promoting access to financing mechanisms"), while reports speak of
microcredit, shelters and protection orders. Short descriptions in practitioners' words, written for
this project in both languages, bridge that gap. They are versioned (:data:`DESCRIPTIONS_VERSION`)
because a change to them changes every score; the version goes into every result's signature.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

#: Bump when a description changes: trained heads record it and warn when it differs.
DESCRIPTIONS_VERSION = "area-descriptions-2"


@dataclass(frozen=True, slots=True)
class Prototype:
    """One defining text of an area. ``id`` is the MOU clause id (``s3.iii.bullet.3``) or ``desc.<area>.<n>``."""

    id: str
    area: str
    lang: str
    source: str  # 'mou' or 'description'
    text: str


#: Practitioners' descriptions of each area, EN and ES (not translations of each other line by line).
#: Version 2 widens them from the treaty's wording to the vocabulary real programmes and reports use
#: (parity and quotas, fellowships and IVLP, interpreters and legal literacy, judging protocols, the TIP
#: report, gender-violence alerts (AVGM), Women's Justice Centres, refugios): measured on real-grounded
#: documents and classify_dev.jsonl in docs/benchmarks.md.
DESCRIPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "economic": {
        "en": (
            "Women entrepreneurs and women-owned small businesses gain access to credit, loans, savings and new markets.",
            "Job training, formal employment, fair pay, benefits and promotion for women workers.",
            "Microfinance, cooperatives and value chains that raise the income of women producers and farmers.",
            "Business networks and corporate supplier programs that help women-led companies grow and export.",
            "Closing the gender pay gap and raising women's labour force participation, with childcare and care services that free women's time for paid work.",
            "Government procurement and supplier-diversity programs that open public contracts to women-owned firms.",
            "Financial inclusion for women: bank accounts, digital payments, financial literacy and loan guarantee funds.",
            "Seed capital, accelerators and mentoring for women founders, and grants for women-led enterprises.",
        ),
        "es": (
            "Emprendedoras y pequeñas empresas de mujeres obtienen créditos, financiamiento y acceso a mercados.",
            "Capacitación laboral, empleo formal, salario igual y prestaciones para las trabajadoras.",
            "Microcréditos, cooperativas y proyectos productivos que aumentan los ingresos de las mujeres rurales.",
            "Autonomía económica de las mujeres: incubadoras de negocios, ventas y redes empresariales femeninas.",
            "Brecha salarial de género y participación laboral de las mujeres; sistema de cuidados y estancias infantiles para que puedan trabajar.",
            "Compras públicas a empresas de mujeres y programas de proveedoras para grandes compradores.",
            "Inclusión financiera de las mujeres: cuentas, educación financiera, ahorro y fondos de garantía para préstamos.",
            "Capital semilla, aceleradoras y apoyos económicos para negocios encabezados por mujeres.",
        ),
    },
    "social": {
        "en": (
            "Awareness campaigns on gender equality and against discrimination in schools, workplaces and public spaces.",
            "Girls' education and equal access to science, technology, engineering and math, including coding and digital skills.",
            "Leadership, mentoring and exchange programs that prepare young women for public and political life.",
            "Women's participation in civil society organisations, community programs and local decision-making.",
            "Gender parity and quotas: women candidates, legislators, cabinet members and electoral authorities, and women's political representation.",
            "Fellowships, scholarships and visitor exchanges such as the International Visitor Leadership Program for women leaders and activists.",
            "STEM programs for girls: coding clubs, robotics teams, science camps and scholarships for young women in engineering.",
            "Women's rights groups and networks of women leaders working for equality in public life.",
        ),
        "es": (
            "Campañas de sensibilización sobre igualdad de género y no discriminación en escuelas y centros de trabajo.",
            "Educación de las niñas y acceso igualitario a la ciencia, la tecnología, las ingenierías y las matemáticas.",
            "Programas de liderazgo, mentoría e intercambio para que las jóvenes participen en la vida pública y política.",
            "Participación de las mujeres en organizaciones de la sociedad civil y en programas comunitarios.",
            "Paridad de género en el Congreso, el gabinete y los ayuntamientos; cuotas de candidaturas y participación política de las mujeres.",
            "Becas, intercambios y programas de formación de liderazgo para jóvenes, lideresas comunitarias y servidoras públicas.",
            "Niñas en la ciencia: clubes de programación, robótica, campamentos STEM y becas para mujeres en ingenierías.",
            "Igualdad sustantiva: educación contra estereotipos y machismo, y redes de mujeres en la vida pública.",
        ),
    },
    "security": {
        "en": (
            "Preventing gender-based violence against women and girls, including programs that engage men and boys.",
            "Combating the trafficking of women and girls for sexual exploitation or forced labor and assisting survivors.",
            "Shelters and safe houses for women escaping domestic violence and for trafficking victims.",
            "Police and community safety programs that protect women, strengthen the rule of law and reduce impunity.",
            "Anti-trafficking work: identifying victims of human trafficking, protecting and assisting survivors, and the Trafficking in Persons report.",
            "Gender violence alerts, femicide prevention, hotlines and emergency response for women facing violence.",
            "Safe public spaces and transport for women, preventing sexual harassment, and police units for gender violence.",
            "Integral care for survivors of violence: psychological support, shelter, protection and Women's Justice Centres.",
        ),
        "es": (
            "Prevención de la violencia de género contra mujeres y niñas, con programas que involucran a hombres y niños.",
            "Combate a la trata de mujeres y niñas con fines de explotación sexual o laboral y atención a las sobrevivientes.",
            "Refugios y casas de acogida para mujeres que huyen de la violencia familiar y para víctimas de trata.",
            "Seguridad ciudadana con perspectiva de género: policías y comunidades que protegen a las mujeres y reducen la impunidad.",
            "Alerta de Violencia de Género contra las Mujeres (AVGM), prevención del feminicidio y atención a mujeres en situación de violencia.",
            "Refugios, líneas de atención y centros de atención integral para mujeres, sus hijas e hijos que viven violencia.",
            "Trata de personas: identificación, rescate y atención a víctimas de explotación sexual y laboral.",
            "Acoso sexual en el transporte y los espacios públicos, y unidades policiales especializadas en violencia de género.",
        ),
    },
    "justice": {
        "en": (
            "Free legal aid and legal representation for women, including family law cases such as custody, child support and divorce.",
            "Training judges, prosecutors and court staff to apply laws that protect women's rights with a gender perspective.",
            "Informing women and survivors of violence about their legal rights, how to file a complaint and obtain protection orders.",
            "Specialised attention for women victims in prosecutors' offices and courts, and reform of laws protecting women's rights.",
            "Interpreters and translators for indigenous women in legal proceedings, and legal literacy workshops on women's rights.",
            "Judging with a gender perspective: judicial protocols, court rulings and case law on women's rights.",
            "Women's Justice Centres bringing prosecutors, legal advice and family courts together under one roof for women survivors.",
            "Investigating femicide with due diligence, specialised prosecutors for crimes against women, and justice-sector reform for women's access to justice.",
        ),
        "es": (
            "Asesoría jurídica gratuita y representación legal para mujeres, incluidos juicios de pensión alimenticia, custodia y divorcio.",
            "Capacitación de juezas, jueces, fiscales y ministerios públicos para juzgar con perspectiva de género.",
            "Información a las mujeres sobre sus derechos, cómo presentar una denuncia y obtener órdenes de protección.",
            "Atención especializada a mujeres víctimas en fiscalías y tribunales, y reformas legales que protegen sus derechos.",
            "Intérpretes y traductoras en lenguas indígenas para mujeres en procesos judiciales, y talleres de alfabetización jurídica.",
            "Protocolo para juzgar con perspectiva de género, sentencias y criterios judiciales sobre los derechos de las mujeres.",
            "Centros de Justicia para las Mujeres: ministerio público, asesoría jurídica y juzgados familiares en un solo lugar.",
            "Investigación del feminicidio con debida diligencia, fiscalías especializadas en delitos contra las mujeres y defensoría pública.",
        ),
    },
}


def area_keys() -> tuple[str, ...]:
    """The classifier's label set: the Section 3 areas of the MOU's metadata, in MOU order."""
    from ..resources import mou_metadata

    return tuple(a["key"] for a in mou_metadata()["areas"] if a.get("section") == 3)


@lru_cache(maxsize=1)
def prototypes() -> tuple[Prototype, ...]:
    """Every prototype: MOU clauses (EN and ES) first, then the descriptions, grouped by area."""
    from ..parse import load_mou
    from ..resources import mou_metadata

    numeral_to_key = {a["numeral"]: a["key"] for a in mou_metadata()["areas"] if a.get("section") == 3}
    out: list[Prototype] = []
    for lang in ("en", "es"):
        doc = load_mou(lang)
        for node in doc.nodes:
            key = None
            if node.section == 3 and node.area in numeral_to_key and node.kind in ("heading", "paragraph", "bullet"):
                key = numeral_to_key[node.area]
            elif node.section == 2 and node.kind == "item" and node.label in numeral_to_key:
                key = numeral_to_key[node.label]
            if key is not None:
                out.append(Prototype(node.id, key, lang, "mou", _clean(node.text)))
    for key in area_keys():
        for lang in ("en", "es"):
            for i, text in enumerate(DESCRIPTIONS[key][lang], 1):
                out.append(Prototype(f"desc.{key}.{lang}.{i}", key, lang, "description", text))
    return tuple(out)


def prototypes_hash() -> str:
    """A short content hash of all prototype texts: a trained head records the set it was fitted with."""
    h = hashlib.sha256()
    for p in prototypes():
        h.update(f"{p.id}\x00{p.area}\x00{p.lang}\x00{p.text}\x01".encode())
    return h.hexdigest()[:16]


def _clean(text: str) -> str:
    """Clause text as a sentence: list punctuation (``; and``) and heading colons dropped."""
    text = " ".join(text.split())
    for tail in ("; and", "; y", ";", ":"):
        if text.endswith(tail):
            text = text[: -len(tail)]
            break
    return text.rstrip(" ,") + ("" if text.endswith((".", "?", "!")) else ".")
