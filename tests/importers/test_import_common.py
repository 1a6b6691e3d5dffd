"""What every importer shares: ids made from names, and YAML text that reads back as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cjmap.importers.draft import Ids, slug
from cjmap.importers.yamltext import scalar
from cjmap.loader import load_text


def test_slug() -> None:
    assert slug("Pay for the first box") == "pay-for-the-first-box"
    assert slug("  Acepta términos — ¿ya?  ") == "acepta-terminos-ya"
    assert slug("Straße & Café") == "strasse-cafe"
    assert slug("ゲーム開始") == ""
    assert slug("Plugin 설치") == "plugin"
    assert len(slug("word " * 40)) <= 48
    assert not slug("word " * 40).endswith("-")


def test_ids_are_unique_and_fall_back_to_the_kind_and_position() -> None:
    ids = Ids("touchpoint")
    made = [ids.make(name) for name in ["Sign in", "Sign in", "ログイン", "Sign-in", "stage"]]
    assert made == ["sign-in", "sign-in-2", "touchpoint-3", "sign-in-3", "stage"]


def test_ids_keep_a_valid_given_id_once() -> None:
    ids = Ids("touchpoint")
    assert ids.make("Checkout", given="checkout-v2") == "checkout-v2"
    assert ids.make("Checkout v2", given="checkout-v2") == "checkout-v2-2"
    assert ids.make("Pay", given="not an id") == "pay"


@given(st.text())
def test_every_text_reads_back_as_itself(text: str) -> None:
    document = load_text(f"key: {scalar(text)}\nlist: [{scalar(text, flow=True)}]\n", "t")
    assert document.findings == []
    assert document.data == {"key": text, "list": [text]}


def test_texts_that_yaml_would_read_as_something_else_are_quoted() -> None:
    for text in ["yes", "No", "1.0", "0x1F", "- step", "Price: high", "#1", "null", "", " x"]:
        assert scalar(text).startswith('"'), text
    assert scalar("Pay for the first box") == "Pay for the first box"
    assert scalar("ページ読み込み") == "ページ読み込み"
