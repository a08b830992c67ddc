"""Entities: offsets, boilerplate, cross-document ids on the sample corpus, the user's
patterns, the entity table."""

from __future__ import annotations

import json
import pickle

import pandas as pd
import pytest

import crosswire as cw


@pytest.fixture(scope="module")
def corpus() -> cw.Corpus:
    return cw.datasets.kherson_2022()


@pytest.fixture(scope="module")
def ents(corpus: cw.Corpus) -> pd.DataFrame:
    return corpus.entities()


def ids_of(ents: pd.DataFrame, text: str, label: str | None = None) -> set[str]:
    rows = ents[ents.text == text]
    if label is not None:
        rows = rows[rows.label == label]
    return set(rows.entity)


def test_offsets_index_the_text(corpus: cw.Corpus) -> None:
    n = 0
    for doc in corpus:
        for e in doc.entities:
            assert doc.text[e.start : e.end] == e.text
            n += 1
    assert n > 300


def test_table_agrees_with_documents(corpus: cw.Corpus, ents: pd.DataFrame) -> None:
    assert list(ents.columns[:6]) == ["doc", "start", "end", "text", "label", "entity"]
    for doc in corpus:
        rows = ents[ents.doc == doc.name]
        assert [(e.start, e.end, e.label, e.entity) for e in doc.entities] == list(
            zip(rows.start, rows.end, rows.label, rows.entity)
        )


def test_no_overlaps_and_known_labels(ents: pd.DataFrame) -> None:
    labels = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL",
              "QUANTITY", "MONEY", "PERCENT", "EVENT", "PRODUCT"}
    assert set(ents.label) <= labels
    for _, rows in ents.groupby("doc", observed=True):
        spans = sorted(zip(rows.start, rows.end))
        for (_, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2


def test_nothing_in_boilerplate(corpus: cw.Corpus) -> None:
    for doc in corpus:
        for e in doc.entities:
            for b in doc.boilerplate:
                assert e.end <= b.start or e.start >= b.end, (doc.name, e, b)


def test_kherson_is_a_place_never_a_person(ents: pd.DataFrame) -> None:
    kherson = ents[ents.text.str.fullmatch("Kherson")]
    assert len(kherson) > 30
    assert set(kherson.label) == {"GPE"}
    # `the Kherson region` names the oblast, its own entity.
    assert set(kherson.entity) == {"GPE:kherson", "GPE:kherson_region"}


def test_one_id_whatever_the_spelling(ents: pd.DataFrame) -> None:
    assert ids_of(ents, "kyiv") == ids_of(ents, "KYIV") == {"GPE:kyiv"}
    assert ids_of(ents, "Kyiv") == {"GPE:kyiv", "GPE:kyiv_region"}  # `the Kyiv regional governor`
    assert ids_of(ents, "Odessa") == ids_of(ents, "Odesa") == {"GPE:odesa"}
    assert ids_of(ents, "Dnieper River") == ids_of(ents, "Dnipro River")
    # `the Zaporizhzhia and Kherson regions`, `Zaporizhia region`: one oblast; `toward Zaporizhia`: the city.
    assert ids_of(ents, "Zaporizhzhia") == {"GPE:zaporizhzhia_region"}
    assert ids_of(ents, "Zaporizhia") == {"GPE:zaporizhzhia", "GPE:zaporizhzhia_region"}
    zelensky = ids_of(ents, "Volodymyr Zelensky") | ids_of(ents, "Volodímir Zelenski") | ids_of(ents, "Zelensky")
    assert zelensky == {"PERSON:volodymyr_zelensky"}
    podolyak = ids_of(ents, "Mykhailo Podolyak") | ids_of(ents, "Mikhailo Podolyak") | ids_of(ents, "Mykhailo Podalyak")
    assert len(podolyak) == 1
    assert ids_of(ents, "Kiril Stremoúsov") == ids_of(ents, "Stremousov")
    assert ids_of(ents, "Andrei Malets") == ids_of(ents, "Mallets")
    putin = ids_of(ents, "Vladimir V. Putin") | ids_of(ents, "Vladimir Putin") | ids_of(ents, "Putin")
    assert putin == {"PERSON:vladimir_putin"}


def test_different_people_and_places_stay_apart(ents: pd.DataFrame) -> None:
    assert ids_of(ents, "Oleksiy Kuleba").isdisjoint(ids_of(ents, "Dmytro Kuleba"))
    assert ids_of(ents, "Vladimir Saldo").isdisjoint(ids_of(ents, "Vladimir Putin"))
    assert ids_of(ents, "Kharkiv").isdisjoint(ids_of(ents, "Kherson"))
    assert ids_of(ents, "Dnipriany") and ids_of(ents, "Dnipriany").isdisjoint(ids_of(ents, "Dnipro"))


def test_entity_table_lists_each_entity_once(corpus: cw.Corpus, ents: pd.DataFrame) -> None:
    table = corpus.entity_table()
    assert list(table.columns) == ["entity", "name", "label", "aliases", "docs", "mentions"]
    assert table.entity.is_unique
    assert set(table.entity) == set(ents.entity)
    assert table.mentions.sum() == len(ents)
    row = table.set_index("entity").loc["PERSON:volodymyr_zelensky"]
    assert row["label"] == "PERSON" and row["name"] == "Volodymyr Zelensky"
    assert {"Zelensky", "Volodímir Zelenski"} <= set(row["aliases"])
    assert len(row["docs"]) >= 3 and set(row["docs"]) <= set(corpus.names)
    kyiv = table.set_index("entity").loc["GPE:kyiv"]
    assert kyiv["name"] == "Kyiv" and {"kyiv", "KYIV", "Kyiv"} <= set(kyiv["aliases"])


SUDAN = [
    "The Rapid Support Forces said on Sunday they had taken El Fasher. "
    "The RSF has besieged the city for months, and residents of el fasher fled to Zamzam.",
    "Fighting near El Fasher continued as the RSF shelled the city and Zamzam, the army said.",
]


def check_sudan(corpus: cw.Corpus) -> None:
    ents = corpus.entities()
    assert set(ents[ents.text.isin(["Rapid Support Forces", "RSF"])].entity) == {"ORG:rapid_support_forces"}
    fasher = ents[ents.text.str.lower() == "el fasher"]
    assert len(fasher) == 3 and set(fasher.label) == {"GPE"} and fasher.entity.nunique() == 1
    table = corpus.entity_table().set_index("entity")
    assert table.loc["ORG:rapid_support_forces", "mentions"] == 3
    assert table.loc["GPE:zamzam", "mentions"] == 2 and table.loc["GPE:zamzam", "aliases"] == ["Zamzam"]


def test_user_patterns_from_python() -> None:
    patterns = (
        cw.Patterns()
        .add("Rapid Support Forces", "ORG", aliases=["RSF"])
        .add("El Fasher", "GPE")
        .add("Zamzam", "GPE", aliases="Zamzam camp")
    )
    check_sudan(cw.Corpus.from_texts(SUDAN, patterns=patterns))
    # Without them the camp is not known.
    plain = cw.Corpus.from_texts(SUDAN).entities()
    assert "Zamzam" not in set(plain.text)


def test_user_patterns_from_csv_and_jsonl(tmp_path) -> None:
    csv_path = tmp_path / "sudan.csv"
    csv_path.write_text(
        "name,label,aliases\nRapid Support Forces,ORG,RSF\nEl Fasher,GPE,Al-Fashir|El Fashir\nZamzam,GPE,\n"
    )
    check_sudan(cw.Corpus.from_texts(SUDAN, patterns=cw.Patterns.from_file(csv_path)))
    jsonl = tmp_path / "sudan.jsonl"
    jsonl.write_text(
        json.dumps({"name": "Rapid Support Forces", "label": "ORG", "aliases": ["RSF"]}) + "\n"
        + json.dumps({"name": "El Fasher", "label": "GPE"}) + "\n"
        + json.dumps({"name": "Zamzam", "label": "GPE", "aliases": []}) + "\n"
    )
    corpus = cw.Corpus.from_texts(SUDAN, patterns=jsonl)
    check_sudan(corpus)
    check_sudan(pickle.loads(pickle.dumps(corpus)))


def test_token_patterns() -> None:
    corpus = cw.Corpus.from_texts(
        ["Soldiers of the Azov Brigade and the Tigers Brigade held the line."],
        patterns=cw.Patterns().add("{CAP} Brigade", "ORG"),
    )
    ents = corpus.entities()
    tigers = ents[ents.text == "Tigers Brigade"]
    assert list(tigers.label) == ["ORG"]


def test_bad_patterns_say_where(tmp_path) -> None:
    with pytest.raises(ValueError, match="TEAM"):
        cw.Corpus.from_texts(["x"], patterns=cw.Patterns().add("Real Madrid", "TEAM"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "A", "label": "ORG"}\nnot json\n')
    with pytest.raises(ValueError, match="bad.jsonl, line 2"):
        cw.Patterns.from_file(bad)


def test_ids_do_not_depend_on_document_order(corpus: cw.Corpus) -> None:
    docs = list(corpus)
    reversed_corpus = cw.Corpus.from_texts(
        [d.text for d in reversed(docs)], names=[d.name for d in reversed(docs)]
    )
    a = corpus.entities().sort_values(["doc", "start"])
    b = reversed_corpus.entities()
    b = b.assign(doc=b.doc.astype(str)).sort_values(["doc", "start"])
    a = a.assign(doc=a.doc.astype(str)).sort_values(["doc", "start"])
    assert list(zip(a.doc, a.start, a.entity)) == list(zip(b.doc, b.start, b.entity))
