"""False alarms of ``mou_text.check`` on real official translations, and the real differences it finds.

Runs the checker on every EN/ES pair of ``../shared/real`` (official texts nobody on this project
wrote; read in place, never copied) and prints, per pair: aligned clauses, major/critical findings,
how many of them fall on a *known* real difference (the README of ``../shared/real`` lists them; they
are located below by clause and keywords, not copied), the false alarms outside them per 100 aligned
clauses, and which substantive known differences were flagged major or worse, with the words the
finding names. Beside it, the CheckMate/Xbench-style baseline of ``check_eval.py`` (digits and
glossary terms per id-paired segment) on the same pairs.

A finding is *on* a known difference when its span on either side overlaps the difference's words
(widened by ``SLACK`` characters); a finding without spans (the baseline's) is placed on its clause.

    python benchmarks/check_real.py                          # markdown table (USE encoder)
    python benchmarks/check_real.py --dir /path/to/more/real  # more pairs (name_en.txt / name_es.txt)
    python benchmarks/check_real.py --details --json out.json # every major finding with its verdict
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

REAL = ROOT.parent / "shared" / "real"
SLACK = 20
MAJOR = 2  # SEVERITY_RANK["major"]


@dataclass(frozen=True)
class Known:
    """A real difference between the official versions, found by keywords (regexes) on each side."""

    where: str  # the clause, as the licence numbers it
    what: str
    substantive: bool
    en: str | None = None
    es: str | None = None
    # the rest of the text from this keyword on (a second instrument of another edition)
    en_to_end: bool = False
    es_to_end: bool = False


_CC4 = [  # CC BY 4.0 and the licences that share its official Spanish translation
    Known("2(b)(3)", "'voluntary or waivable statutory or compulsory' → 'renunciable o no renunciable'", True,
          r"voluntary or waivable statutory or compulsory", r"renunciable o no renunciable"),
    Known("2(a)(1)", "'non-sublicensable' → 'no transferible a terceros' (borderline)", False,
          r"non-sublicensable", r"no transferible a terceros"),
    Known("5(a)", "'makes no representations or warranties' → 'no se hace responsable ni ofrece garantías'", False,
          r"makes no representations or warranties", r"no se hace responsable ni ofrece garant[ií]as"),
    Known("8(a)", "'without permission under this Public License' → 'sin permiso del titular, más allá de…'", False,
          r"without permission under this Public License", r"sin permiso del titular"),
    Known("3(a)(1)(A)(iv)", "'disclaimer of warranties' → 'limitación de garantías'", False,
          r"disclaimer of warranties", r"limitaci[oó]n de garant[ií]as"),
    Known("notice", "'to the fullest extent possible' → 'conforme al marco legal aplicable'", False,
          r"to the fullest extent possible", r"conforme al marco legal aplicable"),
]
KNOWN: dict[str, list[Known]] = {
    "ccby4": _CC4,
    "ccbysa4": _CC4,
    "ccbync4": _CC4,
    "ccbynd4": _CC4 + [
        Known("preamble", "the Spanish names the wrong licence (NoComercial-CompartirIgual)", True,
              None, r"NoComercial-CompartirIgual"),
        Known("2(a)(1)(A)", "adds 'solamente para fines NoComerciales'", True, None, r"solamente para fines NoComerciales"),
    ],
    "cc0": [
        Known("4(c)", "'clearing rights of other persons' → 'derechos de compensación'", True,
              r"clearing rights of other persons", r"derechos de compensaci[oó]n"),
        Known("4(d)", "'has no duty or obligation' → 'no tiene ningún derecho u obligación'", True,
              r"has no duty or obligation", r"no tiene ning[uú]n derecho u obligaci[oó]n"),
        Known("4(b)", "'legal or equitable action' → 'acción legal o similar'", False,
              r"legal or equitable", r"legal o similar"),
        Known("2", "'royalty-free' → 'sin costo'", False, r"royalty[- ]free", r"sin costo"),
    ],
    "upaep_constitution": [  # different editions: a checker should say so, the findings are real
        Known("Const. Art. 1 (ES 'Visión')", "ES mission/vision paragraphs", False, None, r"Visi[oó]n"),
        Known("Const. Arts. 3–8", "Art. 3 differs, Arts. 6–8 shifted (ES has no 'Sede')", False,
              r"Article\s+3\s.*?(?=Article\s+9\s)", r"Art[ií]culo\s+3\s.*?(?=Art[ií]culo\s+9\s)"),
        Known("Const. Art. 29", "ES Art. 29 is a Dutch editorial note", False, None, r"CAP[ÍI]TULO X\W.*?En fe de lo cual"),
        Known("General Regulations", "different editions (EN 2010, ES 2014)", True,
              r"In witness whereof", r"En fe de lo cual", en_to_end=True, es_to_end=True),
    ],
    # extra pairs read from outside the project (--dir /tmp/extra_real; see docs/benchmarks.md)
    "eupl12": [
        Known("2", "'sublicensable' / 'sublicense' → 'puede subcontratar' / 'subcontratar' (sub-contract)", True,
              r"sublicens\w+", r"subcontratar"),
    ],
    "nlmx1946": [
        Known("intro, 18", "'through the Government of the United Kingdom' → 'a través del Gobierno de los Países Bajos'",
              True, r"through the Government of the United Kingdom", r"a trav[eé]s del Gobierno de los Pa[ií]ses Bajos"),
        Known("20", "typos of the published Spanish ('des Gobiernos', 'une o varios')", False,
              None, r"des Gobiernos|une o varios"),
    ],
    "udhr": [
        Known("Art. 14(1)", "'in other countries' → 'en cualquier país'", False, r"in other countries", r"en cualquier pa[ií]s"),
    ],
    # round 8 (--dir /tmp/extra_real3; see docs/benchmarks.md)
    "gdpr2016": [
        Known("Art. 3(2)", "'data subjects who are in the Union' → 'interesados que residan en la Unión'", True,
              r"who are in the\s+Union", r"que residan en la Uni[oó]n"),
        Known("Art. 4(24)", "ES adds 'a una propuesta de decisión'", False, None, r"a una propuesta de decisi[oó]n"),
        Known("Art. 4(16)(a)", "ES drops 'of personal data'", False, r"processing of personal\s+data", r"medios del tratamiento"),
        Known("Art. 2(3)", "'offices' has no word of its own", False, r"bodies, offices and agencies", r"[oó]rganos y organismos"),
    ],
    "paris2015": [
        Known("Art. 4.2", "'shall pursue domestic mitigation measures' → 'procurarán adoptar'", True,
              r"shall pursue domestic", r"procurar[aá]n adoptar"),
        Known("Art. 4.11", "'A Party may' → 'Las Partes podrán' (singular → plural)", False,
              r"A Party may at any time", r"Las Partes podr[aá]n ajustar"),
        Known("Art. 4.17", "'paragraph 16 above' → 'párrafo 16 del presente artículo'", False,
              r"paragraph 16 above", r"p[aá]rrafo 16 del presente art[ií]culo"),
        Known("Art. 4.1", "'this century' → 'del siglo'", False, r"this century", r"del siglo"),
    ],
    # round 9 (--dir /tmp/extra_real4: UDHR in two excerpts, CRC Arts. 1-12; see docs/benchmarks.md)
    "udhr1948a": [
        Known("Preamble", "EN connective 'Now, therefore,' has no Spanish line", False, r"Now, therefore,", None),
        Known("Preamble 2", "'the common people' → 'del hombre'", False, r"of the common people", r"elevada del hombre"),
        Known("Preamble 6", "'promotion of … observance' → 'respeto universal y efectivo'", False,
              r"promotion of universal respect for and observance", r"respeto universal y efectivo"),
        Known("Art. 8", "'granted' → 'reconocidos'", False, r"granted him by the constitution", r"reconocidos por la constituci[oó]n"),
        Known("Art. 12", "'honour and reputation' → 'honra o … reputación'", False, r"honour and reputation",
              r"honra o a su reputaci[oó]n"),
    ],
    "udhr1948b": [
        Known("Art. 14(1)", "'in other countries' → 'en cualquier país'", True, r"enjoy in other countries asylum",
              r"disfrutar de [eé]l, en cualquier pa[ií]s"),
        Known("Art. 16(1)", "'of full age' → 'a partir de la edad núbil'", True, r"of full age", r"a partir de la edad n[uú]bil"),
        Known("Art. 26(2)", "'racial' → 'étnicos'", True, r"racial or religious groups", r"grupos [eé]tnicos o religiosos"),
        Known("Art. 13(1)", "'each State' → 'un Estado'", False, r"within the borders of each State", r"en el territorio de un Estado"),
        Known("Art. 17(1)", "'in association with others' → 'colectivamente'", False,
              r"alone as well as in association with others", r"a la propiedad, individual y colectivamente"),
        Known("Art. 30", "'any State' → 'al Estado'", False, r"for any State, group or person", r"al Estado, a un grupo o a una persona"),
    ],
    "crc1989": [
        Known("Art. 2(1)", "'disability' → 'los impedimentos físicos'", True, r"property, disability, birth", r"los impedimentos f[ií]sicos"),
        Known("Art. 4", "ES has no 'appropriate'", False, r"undertake all appropriate legislative", None),
        Known("Art. 3(3)", "'competent supervision' → 'supervisión adecuada'", False, r"competent supervision",
              r"supervisi[oó]n adecuada"),
    ],
    # round 9 (--dir /tmp/extra_real5: Belém do Pará preamble, Arts. 1 and 3; Pact of San José Art. 4)
    "belem1994": [
        Known("recital 2", "'observance' → 'reconocimiento'", False, r"observance, enjoyment and exercise",
              r"reconocimiento, goce y ejercicio"),
        Known("recital 4", "'Elimination' → 'Erradicación' in the CIM declaration's name", False,
              r"Declaration on the Elimination of Violence against Women", r"Declaraci[oó]n sobre la Erradicaci[oó]n"),
        Known("recital 6", "'violence against them' → 'las situaciones de violencia que puedan afectarlas'", False,
              r"eliminating violence against them", r"eliminar las situaciones de violencia que puedan afectarlas"),
        Known("Art. 3", "'to be free from violence' → 'a una vida libre de violencia'", False,
              r"right to be free from violence in both", r"derecho a una vida libre de violencia"),
    ],
    "achr1969art4": [],
    # round 9 (--dir /tmp/extra_real6: bilingual press releases and statements of the UN, PAHO, OHCHR, State)
    "ohchr_femicide2020": [
        Known("lead", "'femicide watches or observatories' → 'observatorios'", False,
              r"national femicide watches or observatories", r"observatorios nacionales de femicidios"),
        Known("date line", "the year only in English", False, r"(?m)^International Day for the Elimination.*?2020$",
              r"(?m)^25 de noviembre – D[ií]a Internacional"),
        Known("name", "'Šimonovic' → 'Simonovic'", False, r"Dubravka Šimonovic", r"Dubravka Simonovic"),
    ],
    "paho2017_violence": [
        Known("para 4", "'strengthen the role of the health system to address' → 'para prevenir'", True,
              r"strengthen the role of the health system to address interpersonal violence", r"para prevenir la violencia interpersonal"),
        Known("para 4", "'the report noted' only in English", False, r"the report noted", None),
        Known("para 1", "'ministers … were told' → 'señaló un reporte'", False,
              r"health ministers from throughout the Americas were told today", r"se[ñn]al[oó] un reporte presentado hoy"),
        Known("para 3", "'WHO's Global Status Report' → 'un estudio global de la OMS'", False,
              r"WHO's Global Status Report on Violence Prevention", r"un estudio global de la OMS"),
    ],
    "sg2024_evaw": [
        Known("para 3", "'human rights defenders' → 'activistas'", False, r"women’s human rights defenders",
              r"activistas de los derechos de la mujer"),
        Known("para 4", "'support for advocacy' → 'apoyo a la defensa de los derechos'", False, r"support for advocacy",
              r"apoyo a la defensa de los derechos"),
        Known("para 5", "'beyond time to deliver' → 'ya es hora de cumplir lo prometido'", False, r"beyond time to deliver",
              r"ya es hora de cumplir lo prometido"),
    ],
    "sg2023_evaw": [
        Known("paras 3-4", "two English paragraphs are one Spanish paragraph", False,
              r"(?m)^From sexual harassment and abuse to femicide", r"(?m)^Adopta muchas formas, desde el acoso"),
    ],
    "sg2019_evaw": [
        Known("end", "'Thank you.' only in English", False, r"Thank you\.", None),
        Known("para 1", "dateline only in Spanish", False, None, r"(?m)^25 de noviembre de 2019 - "),
        Known("para 2", "neutral family member / co-worker → all feminine", False,
              r"A family member, a co.worker, a friend\. Or even you yourself\.", r"Una familiar, una compa[ñn]era de trabajo"),
        Known("para 2", "'That means someone around you' → 'puede ser alguien'", False, r"That means someone around you\.",
              r"puede ser alguien a tu alrededor"),
    ],
    "sg2017_evaw": [
        Known("para 2", "'and/or' → 'o'", False, r"physical and/or sexual violence", r"violencia f[ií]sica o sexual"),
    ],
    "jacobson2016": [
        Known("para 3", "'state-level preventive police' → 'Secretarías de Seguridad Pública de los estados'", True,
              r"state-level preventive police", r"Secretar[ií]as de Seguridad P[uú]blica de los estados"),
        Known("para 3", "'has supported' → 'buscó coadyuvar'", False, r"the U\.S\. Embassy has supported", r"busc[oó] coadyuvar"),
        Known("para 3", "where 'gender-based violence' sits", False, r"a training program on gender-based violence aimed at",
              r"centros de respuesta inmediata en materia de violencia de g[ée]nero"),
        Known("para 2", "titles added ('Jefe de', 'Comisionado')", False,
              r"Mr\. Antonio Mazzitelli of the United Nations Office on Drugs and Crime", r"Jefe de la Oficina de las Naciones Unidas"),
        Known("para 1", "English lead-in ↔ Spanish page title", False, r"(?m)^On Wednesday December 14, during the launch",
              r"(?m)^Palabras de la Embajadora Jacobson Lanzamiento"),
    ],
    "clinton_iwd2012": [
        Known("title", "'International Women's Day' → 'Declaración de la secretaria Clinton con motivo…'", False,
              r"(?m)^International Women's Day$", r"(?m)^Declaraci[oó]n de la secretaria Clinton con motivo"),
        Known("para 2", "'muffled' → 'silenciadas'", False, r"voices are muffled", r"voces son silenciadas"),
        Known("para 3", "'deprived of access' → 'carecen de acceso'", False, r"deprived of access", r"carecen de acceso"),
    ],
    # round 9 (--dir /tmp/extra_real7: the SRE's own Spanish and English pages)
    "century_women2016": [
        Known("para 4", "the parity reform made the cause of '42%'", True, r"Today, 42% of the federal deputies are women\.",
              r"por el que 42% de los diputados federales son mujeres"),
        Known("para 4", "the two actions in swapped order", False,
              r"creation of a national system of equality between women and men and a constitutional amendment",
              r"o la creaci[oó]n del Sistema Nacional para la Igualdad"),
        Known("para 4", "'first World Conference on Women' → 'Primera Conferencia Internacional de la Mujer'", False,
              r"the first World Conference on Women", r"la Primera Conferencia Internacional de la Mujer"),
        Known("para 3", "'have helped give … access' → 'para favorecer el acceso'", False,
              r"have helped give Mexican women access", r"para favorecer el acceso de las mexicanas"),
    ],
    "globalmx_gender": [
        Known("para 3", "ES adds INEGI as a partner", True, r"in coordination with UN-Women", r"junto con el INEGI y ONU-Mujeres"),
        Known("para 1", "'LGBT Core Group' → 'Grupo sobre los derechos LGBT'", False, r"United Nations LGBT Core Group",
              r"Grupo sobre los derechos LGBT de las Naciones Unidas"),
    ],
    "ccbyigo3": [
        Known("3(c)(ii)", "'waives' → 'se reserva … distintos de los no comerciales … Sección 4.c)'", True,
              None, r"se reserva el derecho exclusivo.*?Secci[oó]n 4\.c\)"),
        Known("3(c)(iii)", "ES adds a reservation sentence", True, None, r"En los casos restantes, el Licenciante se reserva"),
        Known("8(f)", "'July 24, 1971' → '25 de julio de 1971'", True, r"July 24, 1971", r"25 de julio de 1971"),
        Known("1(g)", "'individually chosen' (EN typo) → 'en el momento'", False, r"individually chosen", r"en el momento"),
    ],
    # round 10, second batch: three IACHR releases on migration, an OAS page, a WHO page, the American Declaration (/tmp/extra_real9)
    "iachr_027_20_migrants": [
        Known("P2", "'provide guidance on' → 'evaluación sobre' complementary protection", True,
              r"provide guidance on complementary protection", r"evaluación sobre la protección complementaria"),
        Known("P2", "EN drops 'all', adds 'gathered or held'", False, r"have gathered or are being held", r"a todos los sitios e instalaciones"),
        Known("P1", "'within Central America' → 'en la región'", False, r"within Central America", r"movilidad en la región"),
    ],
    "iachr_037_19_caravan": [
        Known("P2", "'has also received reports of' → 'se registró'", False, r"has also received reports of the use of force",
              r"se registró el uso de la fuerza"),
        Known("P2", "'unfolded' → 'habría ocurrido'", False, r"These events unfolded against the backdrop", r"Esto habría ocurrido"),
        Known("P2", "'many migrants, including families with children' → 'muchas personas, incluyendo familias y niños y niñas'", False,
              r"many migrants, including families with children", r"incluyendo familias y niños y niñas"),
    ],
    "iachr_082_21_borders": [
        Known("P1", "'a process that has worsened since the start of the COVID-19 pandemic' → 'mismas que se han agravado …'", False,
              r"a process that has worsened since the start of the COVID-19 pandemic",
              r"mismas que se han agravado en el contexto de la pandemia"),
        Known("P2", "'have been made up of' → 'estarían conformados'", False, r"have been made up of", r"estarían conformados"),
    ],
    "oas_democratic_charter_10y": [
        Known("P3", "'defines democracy' → 'define los elementos esenciales de la democracia'", False, r"The Charter defines democracy and",
              r"define los elementos esenciales de la democracia"),
        Known("P3", "'all countries' → 'los pueblos'", False, r"common form of government for all countries",
              r"compartida por los pueblos de las Américas"),
        Known("P2", "'affirmed' → 'reafirmaron'", False, r"affirmed their shared commitment", r"reafirmaron su compromiso"),
        Known("P1", "ES adds 'histórico'", False, r"celebrates a milestone", r"conmemora un hito histórico"),
    ],
    "who_constitution_principles": [
        Known("P10", "the Spanish page leaves the last principle in English", False, r"(?m)^Governments have a responsibility[^\n]*",
              r"(?m)^Governments have a responsibility[^\n]*"),
        Known("P9", "'changing total environment' → 'un mundo que cambia constantemente'", False, r"changing total environment",
              r"un mundo que cambia constantemente"),
    ],
    "american_declaration_1948": [
        Known("recital 1", "'human personality' → 'persona humana'", False, r"attributes of his human personality",
              r"atributos de la persona humana"),
        Known("recital 4", "'affirmation … by the American States' → 'consagración americana'", False,
              r"(?m)^The affirmation of essential human rights by the American States", r"(?m)^Que la consagración americana"),
        Known("preamble", "'acknowledged the dignity of the individual' → 'han dignificado la persona humana'", False,
              r"acknowledged the dignity of the individual", r"han dignificado la persona humana"),
    ],
    # round 10: the UN Charter, three IACHR releases, a State/DHS joint statement, an SRE communiqué (/tmp/extra_real8)
    "un_charter_ch1-3": [
        Known("Art. 6", "'persistently violated' → 'violado repetidamente'", False, r"persistently violated", r"violado repetidamente"),
        Known("Art. 8", "ES adds 'en las funciones de'", False, r"under conditions of equality in its principal",
              r"en las funciones de sus órganos principales"),
        Known("Art. 2(2)", "'to ensure to all of them' → 'a fin de asegurarse'", False, r"to ensure to all of them",
              r"a fin de asegurarse los derechos"),
        Known("Art. 2(7)", "EN copy's 'Chapter Vll' (a typo) ↔ 'Capítulo VII'", False, r"Chapter Vll\.", r"Capítulo VII\."),
    ],
    "iachr_2014_140": [
        Known("para 5", "'reminds States of their obligation' → 'establece … la obligación'", False,
              r"also reminds States of their obligation", r"establece para los Estados la obligación"),
        Known("para 5", "'also should' → 'deben … especialmente'", False, r"which also should take into account",
              r"deben tener especialmente en cuenta"),
    ],
    "iachr_2016_180": [
        Known("para 1", "'Commissioner and Rapporteur' → 'Relatora … de la Comisión Interamericana'", False,
              r"Commissioner and Rapporteur on the Rights of Women", r"Relatora sobre los derechos de las mujeres de la Comisión"),
        Known("para 1", "'express today' → 'manifestar'", False, r"express today", r"juntan fuerzas para manifestar"),
        Known("para 2", "ES adds 'trágicos'", False, r"highlight some recent examples", r"ejemplos trágicos recientes"),
        Known("para 2", "'Mar de Plata' (EN misspelt) ↔ 'Mar del Plata'", False, r"Mar de Plata", r"Mar del Plata"),
    ],
    "iachr_2024_292": [
        Known("para 1", "'recently reported' → 'informan'", False, r"have recently reported", r"varios países informan un aumento"),
        Known("para 2", "ES adds 'a lo largo de su vida' (lifetime prevalence)", True,
              r"have suffered sexual violence at the hands of someone", r"a lo largo de su vida"),
    ],
    "us_mx_tillerson_kelly_2017": [
        Known("para 3", "ES adds 'en México'", False, r"with our counterparts Secretary", r"nuestros pares en México"),
        Known("para 5", "'filled with vibrant colors' → 'tan dinámica y heterogénea'", False, r"filled with vibrant colors",
              r"tan dinámica y heterogénea"),
        Known("para 5", "'two strong sovereign countries' → 'es esperable que dos potencias soberanas'", False,
              r"two strong sovereign countries", r"es esperable que dos potencias soberanas"),
    ],
    "mx_sre_bicentennial_action_plan_2022": [
        Known("para 3", "'11 cooperation areas' → 'once áreas de coordinación'", False, r"11 cooperation areas",
              r"once áreas de coordinación"),
        Known("para 4", "'During the … launch' → 'En seguimiento del Diálogo'", False,
              r"During the October 2021 High-Level Security Dialogue", r"En seguimiento del Diálogo de Alto Nivel"),
    ],
    # round 11: ILO C100 and the C190 guide, the Vienna Convention, an EU directive, UN Women and ILO
    # statements, the Biden–López Obrador statement of July 2022 (/tmp/extra_real10)
    "ilo_c100_1951": [
        Known("Art. 1(a)", "'whatsoever' has no equivalent", False, r"any additional emoluments whatsoever", r"cualquier otro emolumento"),
    ],
    "vienna_cdr_1961_preamble": [
        Known("recital 1", "'diplomatic agents' → 'funcionarios diplomáticos'", False, r"status of diplomatic agents",
              r"estatuto de los funcionarios diplomáticos"),
    ],
    "eu_dir_2024_1385": [],
    "ilo_c190_guide_art2": [
        Known("commentary", "'goes beyond employees' → 'más allá de los trabajadores' (workers)", True, r"goes beyond employees \(Art\. 2\)",
              r"va más allá de los trabajadores \(art\. 2\)"),
        Known("commentary", "'the scope' → 'el apoyo'", False, r"further broadens the scope to cover", r"amplía el apoyo para cubrir"),
    ],
    "unwomen_bahous_iwd2024": [
        Known("P4", "'ways' → 'motivos'", False, r"including in sexual and gender-based ways", r"incluso por motivos sexuales y de género"),
    ],
    "ilo_dg_iwd2016": [
        Known("P5", "'privileged entry point' → 'un medio ideal'", False, r"privileged entry point", r"un medio ideal"),
    ],
    "us_mx_joint_statement_2022": [
        Known("P3", "'goods' → 'productos agrícolas'", True, r"free flow of goods without barriers",
              r"libre flujo de productos agrícolas sin barreras"),
        Known("P2", "'we will make' → 'podemos hacer'", True, r"we will make our supply chains more resilient",
              r"podemos hacer que nuestras cadenas de suministro"),
        Known("P3", "ES adds 'vulnerables'", False, r"supporting families\.$", r"apoyando a las familias vulnerables"),
        Known("P3", "'impacts' → 'representa una amenaza directa'", False, r"Increasing inflation impacts the wellbeing",
              r"representa una amenaza directa para el bienestar"),
        Known("P2", "'fully upholding its labor provisions' → 'garantizar sus medidas laborales'", False,
              r"including by fully upholding its labor provisions", r"incluyendo garantizar sus medidas laborales"),
        Known("P2", "'stakeholders in the private sector' garbled", False,
              r"actively collaborating with stakeholders in the private sector and civil society", r"sectores interesados, privados y en la sociedad civil"),
    ],
    # round 11, second batch: the CEDAW Optional Protocol, the Inter-American Convention against Corruption,
    # the ICESCR and the Refugee Convention (preambles), IDB, UNHCR and World Bank releases (/tmp/extra_real11)
    "op_cedaw_1999_preamble": [],
    "iacac_1996_preamble": [],
    "icescr_1966_preamble": [
        Known("P7", "'Agree' → 'Conviene' (singular, a slip of the copy)", False, r"(?m)^Agree upon the following articles:$",
              r"(?m)^Conviene en los artículos siguientes:$"),
        Known("P6", "'is under a responsibility to strive for' → 'está obligado a procurar'", False,
              r"is under a responsibility to strive for", r"está obligado a procurar"),
    ],
    "refugee_convention_1951_preamble": [
        Known("P5", "'co-operation' → 'solidaridad' (after the French)", False, r"without international co-operation", r"sin solidaridad internacional"),
        Known("P4", "'consolidate' → 'codificar' (after the French)", False, r"revise and consolidate", r"revisar y codificar"),
    ],
    "idb_iwd_2002": [
        Known("P5", "ES adds 'y reasentamiento' to the list of areas", True, r"income and productivity support and social investment funds\.",
              r"fondos de inversión social y reasentamiento"),
        Known("P1", "ES adds '43a'", False, r"site of the IDB’s Annual meeting", r"43a Asamblea Anual del BID"),
        Known("P1", "EN names the President", False, r"President Enrique V\. Iglesias today saluted",
              r"El presidente del Banco Interamericano de Desarrollo saludó hoy"),
        Known("P2", "'in the community, in political leadership' → 'el liderazgo comunitario y político'", False,
              r"in the community, in political leadership", r"el liderazgo comunitario y político"),
    ],
    "unhcr_grandi_spain_2021": [
        Known("P5", "passive → 'El Alto Comisionado destacó'", False, r"were highlighted in discussions with the High Commissioner",
              r"El Alto Comisionado destacó la importancia"),
    ],
    "worldbank_wbl_2010": [
        Known("P2", "'economies' → 'países'", False, r"many economies have been legislating", r"muchos países han dictado leyes"),
    ],
}


def regions(text: str, pattern: str | None, to_end: bool) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    out = []
    for m in re.finditer(pattern, text, re.DOTALL):
        out.append((m.start() - SLACK, len(text) if to_end else m.end() + SLACK))
        if to_end:
            break
    return out


def node_span(doc: Any, node_id: str | None) -> tuple[int, int] | None:
    if not node_id:
        return None
    spans = [(n.start, n.end) for n in doc.nodes if n.id in node_id.split("+")]
    return (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None


def place(f: Any, en: Any, es: Any, known: list[Known]) -> Known | None:
    """The known difference a finding is about, if any (by its spans, else by its clauses)."""
    en_span = f.en_span or (node_span(en, f.en_id) if not f.en_span and not f.es_span else None)
    es_span = f.es_span or (node_span(es, f.es_id) if not f.en_span and not f.es_span else None)
    for k in known:
        for span, doc, pat, to_end in ((en_span, en, k.en, k.en_to_end), (es_span, es, k.es, k.es_to_end)):
            if span and any(a < span[1] and span[0] < b for a, b in regions(doc.text, pat, to_end)):
                return k
    return None


def score(findings: list[Any], en: Any, es: Any, known: list[Known], clauses: int) -> dict[str, Any]:
    from mou_text.check import SEVERITY_RANK

    major = [f for f in findings if SEVERITY_RANK[f.severity] >= MAJOR]
    verdicts = [place(f, en, es, known) for f in major]
    fa = [f for f, k in zip(major, verdicts) if k is None]
    found: dict[str, list[str]] = {}
    for f, k in zip(major, verdicts):
        if k is not None and k.substantive:
            words = " ↔ ".join(w for w in (f.en_text, f.es_text) if w) or f.message[:60]
            found.setdefault(k.where, []).append(f"{f.kind}: {words[:70]}")
    return {
        "clauses": clauses,
        "major": len(major),
        "on_known": len(major) - len(fa),
        "false_alarms": len(fa),
        "fa_per_100": round(100 * len(fa) / clauses, 1) if clauses else 0.0,
        "substantive": [k.where for k in known if k.substantive],
        "substantive_found": found,
        "details": [{"verdict": k.where if k else "false alarm", **f.to_dict()} for f, k in zip(major, verdicts)],
    }


def run_pair(src: Path, name: str, encoder: Any) -> dict[str, Any]:
    from check_eval import run_baseline

    from mou_text import check, parse
    from mou_text.align import pair

    en = parse(src / f"{name}_en.txt", lang="en")
    es = parse(src / f"{name}_es.txt", lang="es")
    known = KNOWN.get(name, [])
    report = check(en, es, encoder=encoder)
    system = score(list(report.findings), en, es, known, len(report.pairs))
    base = score(run_baseline(en, es), en, es, known, sum(1 for p in pair(en, es) if p.en and p.es))
    return {"pair": name, "source": str(src), "system": system, "baseline": base, "known_listed": bool(known)}


def pairs_in(folder: Path) -> list[str]:
    return sorted(p.name[:-7] for p in folder.glob("*_en.txt") if (folder / f"{p.name[:-7]}_es.txt").exists())


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| pair | clauses | major+ | on known differences | false alarms | FA / 100 clauses | substantive known found "
        "| baseline major+ | baseline FA / 100 | baseline substantive found |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    for r in results:
        s, b = r["system"], r["baseline"]
        subst = s["substantive"]
        lines.append(
            f"| {r['pair']} | {s['clauses']} | {s['major']} | {s['on_known']} | {s['false_alarms']} | {s['fa_per_100']} "
            f"| {len(s['substantive_found'])}/{len(subst)} | {b['major']} | {b['fa_per_100']} "
            f"| {len(b['substantive_found'])}/{len(subst)} |"
        )
    lines += ["", "Substantive known differences (flagged major or worse by the checker, with the words):", ""]
    for r in results:
        for k in KNOWN.get(r["pair"], []):
            if not k.substantive:
                continue
            got = r["system"]["substantive_found"].get(k.where)
            mark = "**found**: " + "; ".join(got[:3]) if got else "not found"
            lines.append(f"- {r['pair']} {k.where} ({k.what}): {mark}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", action="append", type=Path, help="folder of name_en.txt/name_es.txt pairs (default ../shared/real)")
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--details", action="store_true", help="list every major finding with its verdict")
    args = ap.parse_args(argv)
    folders = args.dir or [REAL]
    if not any(f.is_dir() for f in folders):
        print(f"no real pairs: {', '.join(map(str, folders))} not found", file=sys.stderr)
        return 1
    from mou_text.embed import get_encoder

    enc = get_encoder(args.encoder)
    t0 = time.perf_counter()
    results = [run_pair(folder, name, enc) for folder in folders if folder.is_dir() for name in pairs_in(folder)]
    print(f"# Checker on real official translations ({args.encoder}; {time.perf_counter() - t0:.0f} s)\n")
    print(table(results))
    if args.details:
        for r in results:
            print(f"\n## {r['pair']}\n")
            for d in r["system"]["details"]:
                words = " ↔ ".join(w for w in (d["en_text"], d["es_text"]) if w)
                print(f"- [{d['verdict']}] {d['severity']} {d['kind']} {d['en_id']}|{d['es_id']}: {words[:80]}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
