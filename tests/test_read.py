"""Tests for graph_loader.read: finding sources, refusing bad inputs, detecting encodings, HTML."""

from __future__ import annotations

import io
import time
from pathlib import Path

import opencc
import pytest

from graph_loader.errors import InputError
from graph_loader.read import (
    RawDocument,
    Source,
    decode_bytes,
    html_to_text,
    iter_sources,
    read_source,
)

MAX = 8 * 1024 * 1024

SIMPLIFIED = [
    "环保督察。",
    "市委书记谢忠华出席会议。",
    "中央环境保护督察组进驻四川,开展下沉督察。",
    "我市召开落实中央环境保护督察组反馈问题整改工作专题会议。吴军强调,工作责任要再压实。",
    "会议现场。",
    "县(区)交叉检查",
    "谭建红",
]
TRADITIONAL = [opencc.OpenCC("s2t").convert(s) for s in SIMPLIFIED]


def _write(tmp_path: Path, name: str, data: bytes) -> Source:
    path = tmp_path / name
    path.write_bytes(data)
    return Source(path=path, name=name)


def _read(tmp_path: Path, name: str, data: bytes) -> RawDocument:
    return read_source(_write(tmp_path, name, data), max_bytes=MAX)


# ------------------------------------------------------------------------------------------- sources


def test_iter_sources_walks_folders_sorted_and_filters_extensions(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.html", "a.txt", "b/1.shtml", "c.htm", "skip.pdf", ".hidden/x.txt", "b/.dot.txt"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    got = list(iter_sources([str(tmp_path)]))
    assert all(isinstance(s, Source) for s in got)
    assert [s.path.relative_to(tmp_path).as_posix() for s in got if isinstance(s, Source) and s.path] == [
        "a.txt",
        "c.htm",
        "b/1.shtml",
        "b/2.html",
    ]


def test_iter_sources_explicit_file_any_extension_stdin_and_missing(tmp_path: Path) -> None:
    odd = tmp_path / "article.dat"
    odd.write_text("x", encoding="utf-8")
    got = list(iter_sources(["-", str(tmp_path / "missing.txt"), str(odd)]))
    assert got[0] == Source(path=None, name="stdin")
    assert isinstance(got[1], InputError)
    assert str(got[1]) == f"{tmp_path / 'missing.txt'}: no such file or directory"
    assert got[2] == Source(path=odd, name="article.dat")


def test_iter_sources_empty_folder_is_reported(tmp_path: Path) -> None:
    (got,) = list(iter_sources([str(tmp_path)]))
    assert isinstance(got, InputError)
    assert "no .txt" in str(got)


# ---------------------------------------------------------------------------------------- refusals


def test_empty_file_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"empty\.txt: empty file$"):
        _read(tmp_path, "empty.txt", b"")


def test_whitespace_only_file_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty file"):
        _read(tmp_path, "blank.txt", b" \r\n\t\n  ")


def test_png_refused_as_binary(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"binary file \(PNG image\), not text"):
        _read(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
    ],
)
def test_magic_numbers_refused(tmp_path: Path, data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=kind):
        _read(tmp_path, "x.txt", data)


def test_nul_bytes_and_control_bytes_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="NUL"):
        _read(tmp_path, "nul.txt", "中文".encode() + b"\x00\x01\x02\x00" + "中文".encode())
    with pytest.raises(InputError, match="control bytes"):
        _read(tmp_path, "ctl.txt", bytes(range(1, 9)) * 50)


def test_oversized_file_refused_instantly_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # a sparse 20 MB file: nothing is written
        fh.truncate(20 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        read_source(Source(path=path, name=path.name), max_bytes=MAX)
    assert time.perf_counter() - start < 0.1
    message = str(info.value)
    assert "\n" not in message
    assert "20.0 MB" in message and "8.0 MB" in message and "OFFICIALS_GRAPH_MAX_FILE_BYTES" in message


def test_stdin_read_and_limited() -> None:
    doc = read_source(Source(None, "stdin"), max_bytes=MAX, stdin=io.BytesIO("环保督察".encode("gbk")))
    assert (doc.name, doc.path, doc.text, doc.encoding) == ("stdin", "-", "环保督察", "gb18030")
    with pytest.raises(InputError, match="stdin: input is larger than the limit of 10 bytes"):
        read_source(Source(None, "stdin"), max_bytes=10, stdin=io.BytesIO(b"x" * 11))


def test_missing_file_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        read_source(Source(tmp_path / "gone.txt", "gone.txt"), max_bytes=MAX)


def test_undecodable_bytes_refused() -> None:
    with pytest.raises(InputError, match="cannot decode: not UTF-8, GB18030 or Big5"):
        decode_bytes(b"\xff\xfe\xfd\x80\x81" * 10 + b"\x80")


# ---------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("text", SIMPLIFIED + TRADITIONAL)
def test_gbk_detected(tmp_path: Path, text: str) -> None:
    doc = _read(tmp_path, "gbk.txt", text.encode("gbk"))
    assert (doc.text, doc.encoding, doc.warnings) == (text, "gb18030", [])


@pytest.mark.parametrize("text", TRADITIONAL)
def test_big5_detected(tmp_path: Path, text: str) -> None:
    doc = _read(tmp_path, "big5.txt", text.encode("big5"))
    assert (doc.text, doc.encoding, doc.warnings) == (text, "big5", [])


def test_big5_that_also_decodes_as_gb18030_is_big5() -> None:
    data = "中央環境保護督察組進駐四川。".encode("big5")
    data.decode("gb18030")  # valid GB18030 too: the choice is made on plausibility
    assert decode_bytes(data)[:2] == ("中央環境保護督察組進駐四川。", "big5")


def test_utf8_without_and_with_bom(tmp_path: Path) -> None:
    assert _read(tmp_path, "a.txt", "环保督察".encode()).encoding == "utf-8"
    doc = _read(tmp_path, "b.txt", "环保督察".encode("utf-8-sig"))
    assert (doc.text, doc.encoding) == ("环保督察", "utf-8-sig")


@pytest.mark.parametrize(("codec", "name"), [("utf-16", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom(tmp_path: Path, codec: str, name: str) -> None:
    raw = "\ufeff中央环保督察组\n" if codec == "utf-16-be" else "中央环保督察组\n"
    doc = _read(tmp_path, "u16.txt", raw.encode(codec))
    assert (doc.text, doc.encoding) == ("中央环保督察组\n", name)


def test_mostly_utf8_with_invalid_bytes_is_replaced_with_warning(tmp_path: Path) -> None:
    data = ("中央环保督察组进驻四川。" * 30).encode() + b"\xff" + "谢忠华出席会议。".encode()
    doc = _read(tmp_path, "inv.txt", data)
    assert doc.encoding == "utf-8"
    assert doc.warnings == ["1 invalid UTF-8 byte sequence replaced"]
    assert "\ufffd谢忠华" in doc.text


# ---------------------------------------------------------------------------------------------- HTML


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>安居区召开 &amp; 推进会</title>
<style>p { color: red }</style><script>var s = "<p>不要</p>";</script></head>
<body><div class="nav">首页 &gt; 新闻</div>
<p>第一段
   文字<br>第二行</p><noscript>请启用脚本</noscript><svg><title>图标</title><text>svg</text></svg>
<table><tr><td>甲</td><td>乙</td></tr></table><ul><li>一</li><li>二</li></ul>
</body></html>"""


def test_html_to_text_drops_script_style_head_and_keeps_title_first() -> None:
    assert html_to_text(PAGE).split("\n") == [
        "安居区召开 & 推进会",
        "首页 > 新闻",
        "第一段 文字",
        "第二行",
        "甲 乙",
        "一",
        "二",
    ]


def test_html_file_read_as_text(tmp_path: Path) -> None:
    doc = _read(tmp_path, "page.html", PAGE.encode("gbk"))
    assert doc.is_html and doc.encoding == "gb18030"
    assert doc.text.startswith("安居区召开 & 推进会\n")
    assert "不要" not in doc.text and "color" not in doc.text and "请启用脚本" not in doc.text


def test_html_content_detected_in_txt_file(tmp_path: Path) -> None:
    doc = _read(tmp_path, "page.txt", b"<html><body><p>hi</p><p>\xe4\xbd\xa0\xe5\xa5\xbd</p></body></html>")
    assert doc.is_html and doc.text == "hi\n你好"


def test_plain_text_not_taken_for_html(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a.txt", "正文 <无标签>\n第二行".encode())
    assert not doc.is_html and doc.text == "正文 <无标签>\n第二行"
