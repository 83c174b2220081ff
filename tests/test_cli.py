"""The extract command on a batch with every kind of bad input: reasons on stderr, the rest still extracted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph_loader.cli import app

ARTICLE = (
    "4月2日,永兴县召开迎接中央环境保护督察工作动员会议。"
    "市人大常委会副主任、永兴县委书记周立群出席会议并讲话,县委副书记、县长黄一帆主持会议。"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_image.txt").write_bytes(PNG)
    (d / "d_gbk.txt").write_bytes(ARTICLE.replace("永兴县", "嘉禾县").encode("gbk"))
    (d / "e_big5.txt").write_bytes("12月3日,福安市召開會議。市委書記林建平主持會議。".encode("big5"))
    (d / "f_page.html").write_text(
        "<html><head><title>t</title><style>p{}</style><script>var x='王小明出席';</script></head>"
        f"<body><ul><li>首页</li></ul><p>{ARTICLE.replace('永兴县', '桂东县')}</p></body></html>",
        encoding="utf-8",
    )
    with (d / "g_huge.txt").open("wb") as fh:  # sparse: 20 MB on paper, nothing on disk
        fh.truncate(20 * 1024 * 1024)
    (d / "h_badbytes.txt").write_bytes(ARTICLE.replace("永兴县", "汝城县").encode("utf-8") + b"\xff\xfe")
    (d / "i_copy.txt").write_text(ARTICLE, encoding="utf-8")  # the same article again
    return d


def test_bad_inputs_are_reported_and_skipped_and_the_rest_extracted(batch: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(batch), "--no-with-text"])
    assert result.exit_code == 1
    docs = {json.loads(line)["doc"]: json.loads(line) for line in result.stdout.splitlines()}
    assert set(docs) == {"a_good.txt", "d_gbk.txt", "e_big5.txt", "f_page.html", "h_badbytes.txt"}
    assert {p["name"] for p in docs["d_gbk.txt"]["persons"]} == {"周立群", "黄一帆"}
    assert {p["name"] for p in docs["e_big5.txt"]["persons"]} == {"林建平"}
    assert "王小明" not in {p["name"] for p in docs["f_page.html"]["persons"]}  # script text is dropped
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("skipped:")]
    reasons = {ln.split(":")[1].strip(): ln for ln in lines}
    assert set(reasons) == {"b_empty.txt", "c_image.txt", "g_huge.txt", "i_copy.txt"}
    assert "empty" in reasons["b_empty.txt"]
    assert "PNG" in reasons["c_image.txt"]
    assert "MAX_FILE_BYTES" in reasons["g_huge.txt"]
    assert "duplicate of a_good.txt" in reasons["i_copy.txt"]
    assert "Traceback" not in result.stderr
    assert "4 skipped" in result.stderr


def test_all_good_inputs_exit_zero_and_json_list_format(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(f), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data[0]["doc"] == "one.txt" and data[0]["text"]


def test_usage_error_exits_two() -> None:
    assert CliRunner().invoke(app, ["extract", "--format", "xml", "x"]).exit_code == 2
    assert CliRunner().invoke(app, ["extract"]).exit_code == 2


def test_stdin_and_module_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "graph_loader", "extract", "-", "--no-with-text"],
        input=ARTICLE.encode("gb18030"),
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    facts = json.loads(proc.stdout)
    assert facts["doc"] == "stdin" and {p["name"] for p in facts["persons"]} == {"周立群", "黄一帆"}
