"""Find input documents and read them as text: sizes checked, binaries refused, encodings detected.

Encodings are detected, never assumed: byte-order marks, then strict UTF-8, then GB18030 and Big5 (both
tried strictly; the decoding whose text is the more plausible Chinese wins), then charset-normalizer as
a last resort. HTML pages are turned into plain text with the standard library's ``html.parser``.
Every refusal is an :class:`~graph_loader.errors.InputError` with a one-line reason.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from graph_loader.errors import InputError
from graph_loader.normalize import HAN_RANGES, common_hanzi_ranks

__all__ = [
    "RawDocument",
    "Source",
    "decode_bytes",
    "html_to_text",
    "iter_sources",
    "read_source",
    "stamp",
]

FOLDER_SUFFIXES = frozenset({".txt", ".html", ".htm", ".shtml"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
MAX_BYTES_SETTING = "OFFICIALS_GRAPH_MAX_FILE_BYTES"


# ------------------------------------------------------------------------------------------------ sources


@dataclass(frozen=True)
class Source:
    """One input: a file, or standard input.

    Attributes
    ----------
    path : Path or None
        The file; ``None`` means standard input.
    name : str
        The file name, used as the document's ``doc`` field (``"stdin"`` for standard input).
    """

    path: Path | None
    name: str


def stamp(src: Source) -> str | None:
    """A file's stamp: absolute path, size and modification time (ns), or ``None`` for standard
    input or a file that cannot be examined.

    A file whose stamp is unchanged is taken to hold the same bytes (as ``make`` and ``rsync``
    do), so a re-load skips files already loaded without reading them.
    """
    if src.path is None:
        return None
    try:
        st = os.stat(src.path)
    except OSError:
        return None
    return f"{os.path.abspath(src.path)}\t{st.st_size}\t{st.st_mtime_ns}"


def iter_sources(paths: Iterable[str]) -> Iterator[Source | InputError]:
    """Expand command-line paths into sources, yielding an error for each unusable path.

    A file is taken whatever its extension; a folder is walked recursively in sorted order, keeping
    ``.txt``, ``.html``, ``.htm`` and ``.shtml`` files and skipping hidden files and folders; ``-`` is
    standard input. A missing path yields ``InputError("PATH: no such file or directory")`` instead of
    raising, so that a batch goes on.

    Parameters
    ----------
    paths : iterable of str
        Paths as given by the user.

    Yields
    ------
    Source or InputError
        In the order of ``paths``; a folder's files in sorted order.
    """
    for raw in paths:
        if raw == "-":
            yield Source(path=None, name="stdin")
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                yield from _walk_folder(path, raw)
            elif path.exists():
                yield Source(path=path, name=path.name)
            else:
                yield InputError(f"{raw}: no such file or directory")
        except OSError as exc:
            yield InputError(f"{raw}: cannot access ({exc.strerror or exc})")


def _walk_folder(folder: Path, raw: str) -> Iterator[Source | InputError]:
    errors: list[OSError] = []
    found = False
    for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith(".") or Path(filename).suffix.lower() not in FOLDER_SUFFIXES:
                continue
            found = True
            yield Source(path=Path(dirpath) / filename, name=filename)
    for exc in errors:
        yield InputError(f"{exc.filename or raw}: cannot read folder ({exc.strerror or exc})")
    if not found and not errors:
        yield InputError(f"{raw}: folder has no .txt, .html, .htm or .shtml files")


# -------------------------------------------------------------------------------------------- reading


@dataclass
class RawDocument:
    """A document read from its source, as text but not yet normalized.

    Attributes
    ----------
    name : str
        The source's name (file name, or ``"stdin"``).
    path : str
        The file's path as given, or ``"-"`` for standard input.
    text : str
        The decoded text; for HTML, the page's text (title first).
    encoding : str
        The detected encoding (``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``gb18030``, ``big5``…).
    is_html : bool
        Whether the input was HTML and was converted to text.
    warnings : list of str
        Problems that did not prevent reading (e.g. replaced invalid bytes).
    """

    name: str
    path: str
    text: str
    encoding: str
    is_html: bool
    warnings: list[str] = field(default_factory=list)


def read_source(src: Source, *, max_bytes: int, stdin: BinaryIO | None = None) -> RawDocument:
    """Read one source as text.

    The size is checked with ``stat`` before reading (standard input: at most ``max_bytes + 1`` bytes are
    read), so an oversized file is refused without being loaded.

    Parameters
    ----------
    src : Source
        The file or standard input.
    max_bytes : int
        Larger inputs are refused (the ``OFFICIALS_GRAPH_MAX_FILE_BYTES`` setting).
    stdin : binary file, optional
        Stream to read for standard input; defaults to ``sys.stdin.buffer``.

    Returns
    -------
    RawDocument

    Raises
    ------
    InputError
        With a one-line reason: missing or unreadable, too large, empty, binary, undecodable, or an HTML
        page without text.
    """
    if src.path is None:
        label, path_str = "stdin", "-"
        stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("stdin: no standard input to read")
        try:
            data = stream.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"stdin: cannot read ({exc.strerror or exc})") from None
        if len(data) > max_bytes:
            raise InputError(f"stdin: input is larger than {_too_large_tail(max_bytes)}")
    else:
        label = path_str = str(src.path)
        data = _read_file(src.path, label, max_bytes)
    try:
        text, encoding, warnings = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{label}: {exc}") from None
    is_html = _is_html(src.path, text)
    if is_html:
        text = html_to_text(text)
        if not text.strip():
            raise InputError(f"{label}: HTML page without text")
    return RawDocument(
        name=src.name, path=path_str, text=text, encoding=encoding, is_html=is_html, warnings=warnings
    )


def _read_file(path: Path, label: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{label}: is a folder, not a file")
        if info.st_size > max_bytes:
            raise InputError(
                f"{label}: file is {_size(info.st_size)}, larger than {_too_large_tail(max_bytes)}"
            )
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{label}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # a special file, or one that grew after stat
        raise InputError(f"{label}: file is larger than {_too_large_tail(max_bytes)}")
    return data


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB ({n:,} bytes)"
    if n >= 1024:
        return f"{n / 1024:.1f} kB ({n:,} bytes)"
    return f"{n:,} bytes"


def _too_large_tail(max_bytes: int) -> str:
    return f"the limit of {_size(max_bytes)} (raise it with {MAX_BYTES_SETTING})"


# ------------------------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old .doc/.xls)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# C0 control bytes other than \t \n \v \f \r.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.05
_SAMPLE_BYTES = 65536
_MAX_INVALID_SHARE = 0.01  # replaced invalid bytes accepted in a mostly-valid decoding
_SCORE_SAMPLE_CHARS = 20000

_HAN_RE = re.compile(f"[{HAN_RANGES}]")
_CJK_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～－％＋　")
_LEGACY_CODECS = ("gb18030", "big5")


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode a file's bytes, detecting the encoding.

    Order: byte-order marks (UTF-8, UTF-16, UTF-32); strict UTF-8; GB18030 and Big5, both strictly, the
    one giving the more plausible Chinese (scored with the common-character list) winning; a mostly-UTF-8
    text with under 1% invalid bytes, decoded with replacement and a warning; charset-normalizer as a last
    resort.

    Parameters
    ----------
    data : bytes
        The whole input.

    Returns
    -------
    tuple of (str, str, list of str)
        The text (without a byte-order mark), the encoding's name, and warnings.

    Raises
    ------
    InputError
        ``empty file``, ``binary file (PNG image), not text``, ``cannot decode: not UTF-8, GB18030 or
        Big5``… (the reason only; :func:`read_source` adds the file name).
    """
    if not data:
        raise InputError("empty file")
    text, encoding, warnings = _decode(data)
    if not text.strip():
        raise InputError("empty file (only whitespace)")
    return text, encoding, warnings


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            with_bom = _decode_with_bom(data[len(bom) :], codec)
            if with_bom is not None:
                return with_bom
            break  # bytes that merely start like a byte-order mark
    kind = _binary_kind(data)
    if kind is not None:
        raise InputError(f"binary file ({kind}), not text")
    if b"\x00" in data:
        guessed = _guess_utf16(data)
        if guessed is not None:
            return guessed
        raise InputError("binary file (contains NUL bytes), not text")
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"binary file ({100 * controls / len(sample):.0f}% control bytes), not text")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text.isascii():
            return text, "utf-8", []
        # A short GB18030 or Big5 text can happen to be valid UTF-8; trust UTF-8 unless it reads as noise.
        score = _plausibility(text)
        if score >= 0.3:
            return text, "utf-8", []
        legacy = _best_legacy(data)
        if legacy is not None and legacy[2] >= score + 0.5:
            return legacy[0], legacy[1], []
        return text, "utf-8", []

    candidates: list[tuple[float, int, str, str, list[str]]] = []
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if invalid <= _MAX_INVALID_SHARE * len(data):
        candidates.append(
            (_plausibility(replaced), 0, replaced, "utf-8", [_replaced_warning(invalid, "UTF-8")])
        )
    for order, codec in enumerate(_LEGACY_CODECS, start=1):
        decoded = _strict(data, codec)
        if decoded is not None:
            candidates.append((_plausibility(decoded), order, decoded, codec, []))
    if not candidates:
        return _last_resort(data)
    score, _, text, codec, warnings = max(candidates, key=lambda c: (c[0], -c[1]))
    if score < 0:  # reads as noise: maybe another encoding (Shift-JIS, EUC-KR…)
        guess = _charset_normalizer(data)
        if guess is not None and _plausibility(guess[0]) > score:
            return guess
        warnings = [*warnings, f"decoded text does not look like Chinese; the {codec} guess may be wrong"]
    return text, codec, warnings


def _decode_with_bom(body: bytes, codec: str) -> tuple[str, str, list[str]] | None:
    if codec == "utf-8-sig":
        try:
            return body.decode("utf-8"), codec, []
        except UnicodeDecodeError:
            replaced = body.decode("utf-8", errors="replace")
            invalid = replaced.count("\ufffd") - body.count(b"\xef\xbf\xbd")
            if invalid > _MAX_INVALID_SHARE * len(body):
                return None
            return replaced, codec, [_replaced_warning(invalid, "UTF-8")]
    text = _strict(body, codec)
    if text is None:
        return None
    odd = sum(1 for ch in text[:_SCORE_SAMPLE_CHARS] if _is_odd_char(ch))
    if odd > 0.1 * min(len(text), _SCORE_SAMPLE_CHARS):
        return None
    return text, codec, []


def _replaced_warning(count: int, codec: str) -> str:
    return f"{count} invalid {codec} byte sequence{'s' if count != 1 else ''} replaced"


def _is_odd_char(ch: str) -> bool:
    """Control, unassigned, private-use or surrogate: rare in real text, common in misdecoded bytes."""
    return unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and ch not in "\t\n\r\f\v"


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data.startswith(b"BZh") and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
        return "bzip2 archive"
    return None


def _guess_utf16(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 without a byte-order mark: ASCII characters leave NUL bytes on one side only."""
    if len(data) % 2 or len(data) < 4:
        return None
    half = len(data) // 2
    even_nul, odd_nul = data[0::2].count(0), data[1::2].count(0)
    if odd_nul >= 0.3 * half and even_nul <= 0.02 * half:
        codec = "utf-16-le"
    elif even_nul >= 0.3 * half and odd_nul <= 0.02 * half:
        codec = "utf-16-be"
    else:
        return None
    text = _strict(data, codec)
    if text is None or "\x00" in text:
        return None
    return text, codec, [f"no byte-order mark; guessed {codec.upper()}"]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _best_legacy(data: bytes) -> tuple[str, str, float] | None:
    best: tuple[str, str, float] | None = None
    for codec in _LEGACY_CODECS:
        text = _strict(data, codec)
        if text is not None:
            score = _plausibility(text)
            if best is None or score > best[2]:
                best = (text, codec, score)
    return best


def _plausibility(text: str) -> float:
    """How much a decoded text looks like Chinese, from -2 (noise) to 1 (common characters only).

    Scores the non-ASCII characters of a sample: frequent Han characters and CJK punctuation count for,
    rare Han characters, private-use characters, replacement characters and stray symbols against.
    """
    weights = _char_weights()
    total = count = 0
    # each distinct character once, weights in tenths: integer sums are exact in any order
    for ch, n in Counter(text[:_SCORE_SAMPLE_CHARS]).items():
        if ch < "\x80":
            continue
        count += n
        w = weights.get(ch)
        total += n * (w if w is not None else _uncommon_weight(ch))
    return total / (10 * count) if count else 0.0


@lru_cache(maxsize=1)
def _char_weights() -> dict[str, int]:
    """Weight in tenths of each common Han character (by frequency rank) and CJK punctuation mark,
    all positive."""
    weights = {
        ch: 10 if rank < 1500 else 8 if rank < 3500 else 6
        for ch, rank in common_hanzi_ranks().items()
        if _HAN_RE.match(ch)
    }
    for ch in _CJK_PUNCT:
        weights.setdefault(ch, 10)
    return weights


@lru_cache(maxsize=4096)
def _uncommon_weight(ch: str) -> int:
    """Weight in tenths of a non-ASCII character missing from :func:`_char_weights`: always negative."""
    if _HAN_RE.match(ch):
        return -10  # a rare Han character
    if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cc"):
        return -20
    return -5


def _last_resort(data: bytes) -> tuple[str, str, list[str]]:
    # A GB18030 or Big5 text with a few broken bytes beats charset-normalizer's guess.
    best: tuple[float, str, str, int] | None = None
    for codec in _LEGACY_CODECS:
        text = data.decode(codec, errors="replace")
        invalid = text.count("\ufffd")
        if invalid <= _MAX_INVALID_SHARE * len(data):
            score = _plausibility(text)
            if score > 0.5 and (best is None or score > best[0]):
                best = (score, text, codec, invalid)
    if best is not None:
        _, text, codec, invalid = best
        return (
            text,
            codec,
            [f"{invalid} invalid {codec.upper()} byte sequence{'s' if invalid != 1 else ''} replaced"],
        )

    guess = _charset_normalizer(data)
    if guess is None:
        raise InputError("cannot decode: not UTF-8, GB18030 or Big5")
    return guess


def _charset_normalizer(data: bytes) -> tuple[str, str, list[str]] | None:
    from charset_normalizer import from_bytes  # imported only when needed

    match = from_bytes(data).best()
    if match is None or not match.encoding:
        return None
    return str(match), match.encoding, [f"encoding guessed by charset-normalizer: {match.encoding}"]


# ------------------------------------------------------------------------------------------------ HTML

_HTML_START_RE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|script|style|link|span|section|article)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_TAG_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9:-]*|/[a-zA-Z]|!--)")


def _is_html(path: Path | None, text: str) -> bool:
    if path is not None and path.suffix.lower() in HTML_SUFFIXES:
        return _TAG_RE.search(text, 0, 100_000) is not None
    return _HTML_START_RE.match(text[:4096]) is not None


_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select"}
)
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source"})
_HTML_SPACE_RE = re.compile(r"[ \t\r\n\f]+")
_LINE_SPACE_RE = re.compile(r"[ \t]{2,}")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping: list[str] = []
        self.in_head = False
        self.in_title = False
        self.title_done = False
        self.pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping.append(tag)
            return
        if tag == "head":
            self.in_head = True
        elif tag == "body" or (self.in_head and tag in _BLOCK_TAGS):
            self.in_head = False  # also ends a <head> that is never closed
        elif tag == "title" and not self.skipping and not self.title_done:
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" ")
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            return  # <svg/>: nothing inside
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            if self.in_title:
                self.title_done = bool("".join(self.title).strip())
            self.in_title = False
        elif tag in ("body", "html"):
            self.skipping.clear()
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "pre" and self.pre_depth:
            self.pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping and not self.in_head:
            self.parts.append(data if self.pre_depth else _HTML_SPACE_RE.sub(" ", data))

    def text(self) -> str:
        lines = [_LINE_SPACE_RE.sub(" ", line).strip() for line in "".join(self.parts).split("\n")]
        title = " ".join("".join(self.title).split())
        return "\n".join(([title] if title else []) + [line for line in lines if line])


def html_to_text(html: str) -> str:
    """Turn an HTML page into plain text.

    Scripts, styles, ``noscript``, ``template``, ``svg``, ``iframe``, ``object``, ``select`` and the
    ``head`` are dropped, except that the ``<title>`` text becomes the first line; block elements
    (``p``, ``div``, ``br``, ``li``, ``tr``, headings, ``section``, ``article``…) end lines; table cells
    are separated by a space; entities are unescaped; whitespace inside a line is collapsed (not inside
    ``pre``); empty lines are dropped.

    Parameters
    ----------
    html : str
        The page's markup.

    Returns
    -------
    str
        One line per block of text, the title first.
    """
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        return _strip_tags(html)
    return parser.text()


def _strip_tags(html: str) -> str:
    import html as html_lib

    html = re.sub(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>", " ", html)
    html = re.sub(r"(?i)<(br|/?p|/?div|/?li|/?tr|/?h[1-6])\b[^>]*>", "\n", html)
    text = html_lib.unescape(re.sub(r"<[^>]*>", " ", html))
    lines = [_LINE_SPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
