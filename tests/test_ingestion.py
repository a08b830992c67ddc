"""Reading articles into a Corpus: from_dir, from_texts, from_dataframe and the bundled sample."""

from __future__ import annotations

import datetime as dt
import os
import warnings
from pathlib import Path

import crosswire as cw
import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLE_DIR
from hypothesis import given, settings
from hypothesis import strategies as st

NOV_8 = dt.date(2022, 11, 8)


# -- the bundled sample ----------------------------------------------------------------------


def test_sample_names_are_the_file_stems_in_order(sample):
    stems = sorted(p.stem for p in SAMPLE_DIR.glob("*.txt"))
    assert len(stems) == 5
    assert sample.names == stems
    assert [d.name for d in sample] == stems


def test_sample_text_is_exactly_the_decoded_file(sample):
    for doc in sample:
        assert doc.text == (SAMPLE_DIR / f"{doc.name}.txt").read_bytes().decode("utf-8")


def test_sample_dates_come_from_the_metadata_line(sample):
    assert sample["000_9d7fe53fd889174e"].date == NOV_8
    assert sample["001_9dfa54e588b8d208"].date == NOV_8
    # No metadata line: no date, and the text starts with the headline.
    assert sample["002_5ae856ba477d4853"].date is None
    assert sample["002_5ae856ba477d4853"].text.startswith("Russia to evacuate")
    assert all(doc.source is None for doc in sample)


def test_metadata_line_is_boilerplate(sample):
    doc = sample["000_9d7fe53fd889174e"]
    spans = [b for b in doc.boilerplate if b.kind == "metadata"]
    assert [(b.start, b.end, b.text) for b in spans] == [(1, 16, "date 2022-11-08")]


def test_metadata_line_is_not_article_text(sample):
    doc = sample["000_9d7fe53fd889174e"]
    header, after = doc.sentences[:2]
    assert (header.text, header.boilerplate) == ("date 2022-11-08", True)
    # The header does not run into the line after it (here a photo caption, itself boilerplate).
    assert after.text.startswith("A man, an evacuee")
    first_sentence = next(s for s in doc.sentences if not s.boilerplate)
    assert first_sentence.text.startswith("Ukraine accused Russia")


@pytest.mark.parametrize("head", ["Source: Reuters\n", "source Reuters\n", "SOURCE: Reuters\n"])
def test_source_header_forms(head):
    doc = cw.Corpus.from_texts([head + "Kyiv said the city was retaken."])[0]
    assert doc.source == "Reuters"
    assert [(b.kind, b.text) for b in doc.boilerplate] == [("metadata", head.strip())]


@pytest.mark.parametrize(
    "first",
    [
        "Source said the attack on Kherson began at dawn.",
        "Sources close to the ministry said the attack on Kherson began at dawn.",
        "Source close to the ministry: the attack on Kherson began at dawn",
        "Date 2022-11-08 was the day Kherson was retaken.",
    ],
)
def test_an_article_opening_like_a_header_keeps_its_first_sentence(first):
    doc = cw.Corpus.from_texts([first + "\nMoscow denied it."])[0]
    assert (doc.source, doc.date) == (None, None)
    assert doc.boilerplate == []
    assert (doc.sentences[0].text, doc.sentences[0].boilerplate) == (first, False)
    assert "Kherson" in [e.text for e in doc.entities]


def test_from_dir_of_the_shared_corpus_matches_the_bundled_one(sample):
    shared = cw.Corpus.from_dir(SAMPLE_DIR)
    assert shared.names == sample.names
    assert [d.text for d in shared] == [d.text for d in sample]


# -- from_dir: files --------------------------------------------------------------------------


def test_bom_is_dropped_and_crlf_kept(folder):
    corpus = cw.Corpus.from_dir(
        folder({"a.txt": b"\xef\xbb\xbf date 2022-11-08\r\nKyiv said.\r\n"})
    )
    doc = corpus["a"]
    assert doc.text == " date 2022-11-08\r\nKyiv said.\r\n"
    assert doc.date == NOV_8
    assert all("\r" not in t.text and "\n" not in t.text for t in doc.tokens)
    assert [t.text for t in doc.tokens][-3:] == ["Kyiv", "said", "."]


def test_only_a_bom_is_an_empty_document(folder):
    corpus = cw.Corpus.from_dir(folder({"a.txt": b"\xef\xbb\xbf", "b.txt": b""}))
    for doc in corpus:
        assert doc.text == ""
        assert len(doc.tokens) == 0
        assert doc.sentences == [] and doc.boilerplate == []
        assert doc.date is None
    assert len(corpus.tokens()) == 0


def test_non_txt_files_and_subfolders_are_ignored(folder):
    path = folder(
        {
            "b.txt": "second",
            "a.txt": "first",
            "notes.md": "not an article",
            "c.txt.bak": "backup",
            "sub/d.txt": "nested",
            "e.TXT": "upper-case suffix",
        }
    )
    (path / "dir.txt").mkdir()  # a folder named like an article
    corpus = cw.Corpus.from_dir(path)
    assert corpus.names == ["a", "b", "e"]
    assert [d.text for d in corpus] == ["first", "second", "upper-case suffix"]


def test_recursive_reads_every_folder_below_and_names_by_relative_path(folder):
    path = folder(
        {
            "b.txt": "top",
            "2024-05/herald/0001.txt": "Kyiv said.",
            "2024-05/courier/0001.txt": "Moscow denied it.",
            "2024-06/0001.TXT": "upper-case suffix",
            "2024-06/notes.md": "not an article",
        }
    )
    (path / "empty").mkdir()
    corpus = cw.Corpus.from_dir(path, recursive=True)
    # Sorted by path; the same stem in two folders gives two names.
    assert corpus.names == ["2024-05/courier/0001", "2024-05/herald/0001", "2024-06/0001", "b"]
    assert corpus["2024-05/herald/0001"].text == "Kyiv said."
    assert [d.text for d in corpus] == [
        "Moscow denied it.",
        "Kyiv said.",
        "upper-case suffix",
        "top",
    ]
    # Not recursive by default: the nested files are not read.
    assert cw.Corpus.from_dir(path).names == ["b"]


def test_recursive_links_are_not_followed(folder):
    path = folder({"a/x.txt": "inside"})
    try:
        (path / "a" / "loop").symlink_to(path, target_is_directory=True)
    except OSError:
        pytest.skip("this file system has no symbolic links")
    assert cw.Corpus.from_dir(path, recursive=True).names == ["a/x"]


def test_from_dir_accepts_pathlike_str_and_bytes(folder):
    path = folder({"a.txt": "x"})
    for arg in (path, str(path), bytes(path)):
        assert cw.Corpus.from_dir(arg).names == ["a"]


def test_names_keep_dots_and_unicode(folder):
    corpus = cw.Corpus.from_dir(folder({"v1.2 Київ.txt": "x"}))
    assert corpus.names == ["v1.2 Київ"]


def _write_bytes_name(folder: Path, name: bytes, text: bytes) -> None:
    try:
        fd = os.open(os.path.join(os.fsencode(folder), name), os.O_WRONLY | os.O_CREAT, 0o644)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 file names")
    with os.fdopen(fd, "wb") as f:
        f.write(text)


def test_file_names_that_are_not_utf8_are_read_and_named_with_escapes(tmp_path):
    # Latin-1 names, as an old archive unpacked on Linux gives them: two files, two documents.
    _write_bytes_name(tmp_path, b"caf\xe9.txt", b"Kyiv said the bridge fell.")
    _write_bytes_name(tmp_path, b"caf\xe8.txt", b"Moscow denied it.")
    _write_bytes_name(tmp_path, b"plain.txt", b"x")
    corpus = cw.Corpus.from_dir(tmp_path)
    assert corpus.names == [
        "caf\\xe8",
        "caf\\xe9",
        "plain",
    ]  # as bytes.decode(errors="backslashreplace")
    assert corpus["caf\\xe9"].text == "Kyiv said the bridge fell."
    assert corpus.names[1] == b"caf\xe9".decode("utf-8", "backslashreplace")


def test_an_undecodable_file_with_an_undecodable_name_keeps_its_path(tmp_path):
    _write_bytes_name(tmp_path, b"\xff.txt", b"ok \xfe")
    with pytest.raises(cw.DecodeError) as info:
        cw.Corpus.from_dir(tmp_path)
    assert os.fsencode(info.value.path) == os.path.join(os.fsencode(tmp_path), b"\xff.txt")
    assert info.value.offset == 3


def test_missing_folder_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        cw.Corpus.from_dir(tmp_path / "nope")


def test_a_file_instead_of_a_folder(folder):
    path = folder({"a.txt": "x"}) / "a.txt"
    with pytest.raises(NotADirectoryError, match="a.txt"):
        cw.Corpus.from_dir(path)


def test_folder_without_txt_files_is_value_error(folder):
    path = folder({"a.md": "x", "sub/b.txt": "y"})
    with pytest.raises(ValueError, match=r"no \*\.txt files"):
        cw.Corpus.from_dir(path)


def test_duplicate_stems_are_value_error_naming_both_files(folder):
    path = folder({"a.txt": "x", "a.TXT": "y", "b.txt": "z"})
    with pytest.raises(ValueError, match='named "a"') as info:
        cw.Corpus.from_dir(path)
    assert str(path / "a.txt") in str(info.value) and str(path / "a.TXT") in str(info.value)


# -- from_dir: decoding -----------------------------------------------------------------------


def test_invalid_utf8_names_file_and_byte_offset(folder):
    path = folder({"good.txt": "fine", "bad.txt": "Kyiv \u2019s".encode() + b"\xff rest"})
    with pytest.raises(cw.DecodeError) as info:
        cw.Corpus.from_dir(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.path == str(path / "bad.txt")
    assert err.offset == len("Kyiv \u2019s".encode()) == 9  # bytes, not characters
    assert "bad.txt" in str(err) and "byte offset 9" in str(err) and "0xff" in str(err)


def test_decode_offset_counts_the_bom(folder):
    with pytest.raises(cw.DecodeError) as info:
        cw.Corpus.from_dir(folder({"a.txt": b"\xef\xbb\xbfab\xc3"}))
    assert info.value.offset == 5  # a truncated sequence at the end


def test_errors_replace_gives_fffd_and_a_warning(folder):
    path = folder({"a.txt": b"ok", "bad.txt": b"a\xffb\xfe\xfdc"})
    with pytest.warns(UnicodeWarning, match=r"bad\.txt.*3 invalid.*byte offset 1"):
        corpus = cw.Corpus.from_dir(path, errors="replace")
    assert corpus["bad"].text == "a\ufffdb\ufffd\ufffdc"
    assert corpus["a"].text == "ok"


def test_errors_replace_is_silent_on_valid_files(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cw.Corpus.from_dir(folder({"a.txt": "fine"}), errors="replace")


def test_errors_strict_is_the_default_and_none_means_strict(folder):
    path = folder({"a.txt": b"\x80"})
    for kwargs in ({}, {"errors": "strict"}, {"errors": None}):
        with pytest.raises(cw.DecodeError):
            cw.Corpus.from_dir(path, **kwargs)


@pytest.mark.parametrize(
    "value, exc",
    [("ignore", ValueError), ("REPLACE", ValueError), (3, TypeError), (b"replace", TypeError)],
)
def test_bad_errors_value(folder, value, exc):
    with pytest.raises(exc, match="errors must be 'strict' or 'replace'"):
        cw.Corpus.from_dir(folder({"a.txt": "x"}), errors=value)


# -- from_texts -------------------------------------------------------------------------------


def test_from_texts_defaults():
    corpus = cw.Corpus.from_texts(["Kyiv said.", " date 2022-11-08 Moscow denied it."])
    assert corpus.names == ["0", "1"]
    assert corpus[0].date is None and corpus[1].date == NOV_8
    assert corpus[1].text == " date 2022-11-08 Moscow denied it."


def test_from_texts_takes_any_iterable():
    assert cw.Corpus.from_texts(t for t in ["a", "b"]).names == ["0", "1"]
    assert cw.Corpus.from_texts(pd.Series(["a"])).names == ["0"]


def test_caller_wins_over_metadata():
    text = "Source: Reuters\nDate: 2022-11-08\n\nKyiv said."
    from_meta = cw.Corpus.from_texts([text])[0]
    assert (from_meta.date, from_meta.source) == (NOV_8, "Reuters")
    given = cw.Corpus.from_texts([text], dates=[dt.date(2020, 1, 2)], sources=["AP"])[0]
    assert (given.date, given.source) == (dt.date(2020, 1, 2), "AP")
    assert given.text == text  # the header stays in the text, exactly as given


@pytest.mark.parametrize(
    "date",
    [
        dt.date(2022, 11, 8),
        dt.datetime(2022, 11, 8, 23, 59),
        "2022-11-08",
        pd.Timestamp("2022-11-08 10:00"),
        np.datetime64("2022-11-08"),
    ],
)
def test_date_types(date):
    assert cw.Corpus.from_texts(["x"], dates=[date])[0].date == NOV_8


@pytest.mark.parametrize(
    "missing", [None, float("nan"), np.nan, pd.NA, pd.NaT, np.datetime64("NaT")]
)
def test_missing_dates_and_sources_fall_back_to_metadata(missing):
    doc = cw.Corpus.from_texts([" date 2022-11-08 x"], dates=[missing], sources=[missing])[0]
    assert doc.date == NOV_8 and doc.source is None


@pytest.mark.parametrize(
    "bad",
    [
        "2022-13-01",
        "2022-02-29",
        "08/11/2022",
        "2022-11-08T10:00",
        "",
        "0000-01-01",
        "-202-11-08",
        "2022-+1-08",
    ],
)
def test_bad_date_strings_are_value_errors(bad):
    with pytest.raises(ValueError, match=r"dates\[1\].*not a valid YYYY-MM-DD date"):
        cw.Corpus.from_texts(["a", "b"], dates=[None, bad])


@pytest.mark.parametrize(
    "header", [" date -202-11-08 x", " date 0000-11-08 x", " date 2022-+1-08 x"]
)
def test_unrepresentable_header_dates_are_text_not_metadata(header):
    doc = cw.Corpus.from_texts([header])[0]
    assert doc.date is None  # and reading it does not raise
    assert doc.boilerplate == []


def test_wrong_types_are_type_errors():
    cases = [
        (lambda: cw.Corpus.from_texts("one string"), r"not a single str"),
        (lambda: cw.Corpus.from_texts(b"bytes"), r"not a single bytes"),
        (lambda: cw.Corpus.from_texts([b"bytes"]), r"texts\[0\] is bytes, not str"),
        (lambda: cw.Corpus.from_texts(["a", None]), r"texts\[1\] is missing, not str"),
        (lambda: cw.Corpus.from_texts(["a"], names=[1]), r"names\[0\] is int, not str"),
        (lambda: cw.Corpus.from_texts(["a"], names=[None]), r"names\[0\] is missing"),
        (lambda: cw.Corpus.from_texts(["a"], names="a"), r"names must be a sequence"),
        (lambda: cw.Corpus.from_texts(["a"], sources=[b"AP"]), r"sources\[0\] is bytes"),
        (lambda: cw.Corpus.from_texts(["a"], dates=[20221108]), r"dates\[0\] is int"),
        (lambda: cw.Corpus.from_texts(["a"], dates="2022-11-08"), r"dates must be a sequence"),
        (lambda: cw.Corpus.from_texts(5), r"not iterable"),
        (lambda: cw.Corpus.from_dataframe({"text": ["a"]}), r"needs a pandas DataFrame, not dict"),
    ]
    for call, message in cases:
        with pytest.raises(TypeError, match=message):
            call()


@pytest.mark.parametrize("column", ["names", "dates", "sources"])
def test_mismatched_lengths_are_value_errors(column):
    with pytest.raises(ValueError, match=f"{column} has 1 items for 2 texts"):
        cw.Corpus.from_texts(["a", "b"], **{column: ["x"]})


def test_duplicate_names_are_value_errors():
    with pytest.raises(ValueError, match='two documents are named "a"'):
        cw.Corpus.from_texts(["x", "y"], names=["a", "a"])


def test_lone_surrogate_is_named():
    with pytest.raises(ValueError, match=r"texts\[1\] is not valid Unicode at character 2"):
        cw.Corpus.from_texts(["fine", "ab\ud800"])
    with pytest.raises(ValueError, match=r"names\[0\]"):
        cw.Corpus.from_texts(["fine"], names=["\udcff"])
    with pytest.raises(ValueError, match=r"dates\[1\] is not valid Unicode at character 0"):
        cw.Corpus.from_texts(["x", "y"], dates=[None, "\ud800"])
    with pytest.raises(ValueError, match=r"sources\[0\] is not valid Unicode"):
        cw.Corpus.from_texts(["x"], sources=["AP\udcff"])


def test_bytes_are_named_with_a_hint():
    with pytest.raises(TypeError, match=r"texts\[0\] is bytes, not str: decode it first"):
        cw.Corpus.from_texts([b"Kyiv said."])


def test_empty_corpus_from_texts():
    corpus = cw.Corpus.from_texts([])
    assert len(corpus) == 0 and corpus.names == []
    assert list(corpus.tokens().columns) == [
        "doc",
        "i",
        "start",
        "end",
        "text",
        "kind",
        "boilerplate",
        "pos",
        "tag",
        "lemma",
        "head",
        "dep",
    ]
    assert len(corpus.sentences()) == 0


# -- from_dataframe ---------------------------------------------------------------------------


def test_from_dataframe_all_columns():
    df = pd.DataFrame(
        {
            "name": ["a", "b"],
            "text": ["Kyiv said.", " date 2022-11-08 x"],
            "date": ["2021-05-06", None],
            "source": ["AP", np.nan],
            "extra": [1, 2],  # ignored
        }
    )
    corpus = cw.Corpus.from_dataframe(df)
    assert corpus.names == ["a", "b"]
    assert [d.date for d in corpus] == [dt.date(2021, 5, 6), NOV_8]
    assert [d.source for d in corpus] == ["AP", None]


def test_from_dataframe_only_text():
    corpus = cw.Corpus.from_dataframe(pd.DataFrame({"text": ["x", "y"]}))
    assert corpus.names == ["0", "1"] and corpus[0].date is None


def test_from_dataframe_datetime_column_with_nat():
    df = pd.DataFrame({"text": ["x", "y"], "date": pd.to_datetime(["2022-11-08", None])})
    assert [d.date for d in cw.Corpus.from_dataframe(df)] == [NOV_8, None]


def test_from_dataframe_string_dtype_with_na():
    df = pd.DataFrame({"text": ["x", "y"], "source": pd.array(["AP", None], dtype="string")})
    assert [d.source for d in cw.Corpus.from_dataframe(df)] == ["AP", None]


@pytest.mark.parametrize("column", ["text", "date"])
def test_from_dataframe_with_a_column_twice_is_named(column):
    df = pd.DataFrame([["x", "2022-11-08", "y"]], columns=["text", "date", column])
    with pytest.raises(ValueError, match=f"2 columns named '{column}'"):
        cw.Corpus.from_dataframe(df)


def test_from_dataframe_needs_text():
    with pytest.raises(ValueError, match="needs a 'text' column"):
        cw.Corpus.from_dataframe(pd.DataFrame({"body": ["x"]}))


def test_from_dataframe_missing_text_is_named():
    with pytest.raises(TypeError, match=r"texts\[1\] is missing"):
        cw.Corpus.from_dataframe(pd.DataFrame({"text": ["x", np.nan]}))


def test_from_dataframe_round_trips_the_sample(sample):
    df = pd.DataFrame(
        {"name": sample.names, "text": [d.text for d in sample], "date": [d.date for d in sample]}
    )
    again = cw.Corpus.from_dataframe(df)
    assert again.names == sample.names
    assert [d.text for d in again] == [d.text for d in sample]
    assert again.tokens().equals(sample.tokens())


# -- access -----------------------------------------------------------------------------------


def test_index_by_position_name_negative_and_slice(sample):
    names = sample.names
    assert sample[0].name == names[0]
    assert sample[-1].name == names[-1]
    assert sample[np.int64(2)].name == names[2]
    assert sample["004_23350b8c88186ba0"].name == "004_23350b8c88186ba0"
    assert [d.name for d in sample[1:3]] == names[1:3]
    assert [d.name for d in sample[::-2]] == names[::-2]
    assert sample[10:] == []
    assert sample[0] == sample[names[0]] and sample[0] != sample[1]


def test_index_errors(sample):
    with pytest.raises(IndexError, match="document index 5 out of range for a corpus of 5"):
        sample[5]
    with pytest.raises(IndexError, match="-6"):
        sample[-6]
    with pytest.raises(KeyError, match="no document named 'nope'"):
        sample["nope"]
    with pytest.raises(TypeError, match="not float"):
        sample[1.0]
    with pytest.raises(TypeError, match="not NoneType"):
        sample[None]


def test_repr(sample):
    assert repr(sample) == "<Corpus: 5 documents>"
    assert repr(sample[0]) == "<Document '000_9d7fe53fd889174e': 5,652 characters, date=2022-11-08>"


# -- hostile bytes: the core agrees with Python's codec and never panics ----------------------

BYTES = st.one_of(
    st.binary(max_size=64),
    st.lists(
        st.sampled_from(
            [
                b"\xef\xbb\xbf",
                b"\xff",
                b"\xc3",
                b"\xc3\xa9",
                b"\xe2\x80\x99",
                b"\xf0\x9f\x98",
                b"\xed\xa0\x80",
                b"\r\n",
                b"a",
                b" date 2022-11-08 ",
            ]
        ),
        max_size=12,
    ).map(b"".join),
)


@settings(max_examples=200, deadline=None)
@given(data=BYTES)
def test_decoding_matches_python(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes")
    (path / "a.txt").write_bytes(data)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        expected = body.decode("utf-8")
    except UnicodeDecodeError as e:
        with pytest.raises(cw.DecodeError) as info:
            cw.Corpus.from_dir(path)
        assert info.value.offset == e.start + (len(data) - len(body))
        with pytest.warns(UnicodeWarning):
            corpus = cw.Corpus.from_dir(path, errors="replace")
        assert corpus["a"].text == body.decode("utf-8", errors="replace")
    else:
        assert cw.Corpus.from_dir(path)["a"].text == expected
