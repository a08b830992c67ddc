# Hand-kept stubs for the compiled module (src/python/). tests/test_stubs.py checks them
# against the built extension with mypy's stubtest: change both together.

from collections.abc import Callable
from typing import Any, Final, TypedDict, final, overload

# A table as the core hands it over: each column a tuple (kind, buffers...), decoded by
# crosswire.columns (see src/python/columns.rs).
_Columns = dict[str, tuple[Any, ...]]

# A user lexicon row: name, label, aliases, a regular expression (or None), and where it came
# from (source, line) for errors.
_PatternRow = tuple[str, str, list[str], str | None, str, int]

__all__ = [
    "__version__",
    "compare",
    "compare_many",
    "compare_features",
    "analyse_words",
    "explain",
    "check_regex",
    "list_articles",
    "give_back",
    "merge_keys",
    "absorb",
    "Partition",
    "PartitionClaims",
    "corpus_idf_terms",
    "common_profiles",
    "key_pairs",
    "shared_pairs",
    "claim_groups",
    "Clustering",
    "Entities",
    "Corpus",
    "Document",
    "Tokens",
    "Token",
    "Sentence",
    "Boilerplate",
    "Entity",
    "Claim",
    "Frame",
    "DecodeError",
    "LABELS",
    "FIGURE_LABELS",
    "TIME_LABELS",
    "FULL_POSTING",
]

class _SyntaxColumns(TypedDict):
    pos: list[str]
    tag: list[str]
    lemma: list[str]
    head: list[int]
    dep: list[str]
    sent_start: list[bool]

__version__: Final[str]
LABELS: Final[tuple[str, ...]]
"""Every entity label the core assigns (OntoNotes names), in the core's order."""
FIGURE_LABELS: Final[tuple[str, ...]]
"""Entity labels of figures (counts, measures, amounts, ranks): what a claim's figures are."""
TIME_LABELS: Final[tuple[str, ...]]
"""Entity labels of dates and times."""

def compare(a: str, b: str) -> tuple[str, float, str]:
    """`(relation, score, reason)` for two sentences."""

def compare_many(a: list[str], b: list[str]) -> list[tuple[str, float, str]]:
    """`compare(a[i], b[i])` for every i, in parallel."""

def compare_features(
    a: list[str], b: list[str]
) -> tuple[list[str], list[list[float]], list[list[str]]]:
    """Feature names, one row of features per pair, and each pair's word keys (`+key`
    shared, `-key` one side only): what `compare` scores (for fitting)."""

def analyse_words(
    sentences: list[list[str]],
) -> list[tuple[list[str], list[str], list[int], list[str]]]:
    """Tags and parses sentences given as words (a treebank's): per sentence the pos, tag,
    head (a word index; a root is its own head) and dep of each word. For benchmarks."""

def explain(text: str) -> list[tuple[str, Token]]:
    """Each token of `text` with the name of the tokenizer rule that produced it, in text
    order (spaCy's `tokenizer.explain`); offsets in code points."""

def check_regex(pattern: str) -> None:
    """Raises ValueError, saying what is wrong, if `pattern` is not a regular expression the
    user patterns can use (Rust `regex` syntax)."""

def give_back() -> None:
    """Returns memory freed by a table step to the system (mimalloc's and glibc's free pages)."""

def list_articles(path: str, recursive: bool = False) -> tuple[list[str], list[str]]:
    """The articles of `path` as `Corpus.from_dir` reads them: `(paths, names)`, sorted by
    path (`recursive`: every folder below too, documents named by their path below `path`)."""

def merge_keys(lists: list[bytes]) -> bytes:
    """Sorted, distinct key lists (bytes, from `Partition.keys`) as one."""

def absorb(parts: list[bytes]) -> bytes:
    """What clusters gathered from consecutive runs of documents (bytes, in document order),
    as one."""

@final
class Partition:
    """The documents `paths` (named `names`), numbered `first_doc` on in the corpus, read and
    tagged. Pickles as its arguments: a worker that gets it reads the files again."""

    def __new__(
        cls,
        paths: list[str],
        names: list[str],
        first_doc: int,
        errors: str = "strict",
        patterns: list[_PatternRow] | None = None,
    ) -> Partition: ...
    def __len__(self) -> int: ...
    @property
    def replaced(self) -> list[tuple[str, int, int]]:
        """Files read with `errors="replace"`: `(path, replaced, first_offset)`."""
    def keys(self) -> bytes:
        """The distinct identity keys of the partition's mentions, sorted (bytes)."""
    def gathered(self, clustering: Clustering) -> bytes:
        """What the partition's mentions gather for their clusters (bytes, for `absorb`)."""
    def resolution(self, clustering: Clustering, entities: Entities) -> bytes:
        """Every mention's entity in the partition (bytes, for `with_resolution`): its share
        of the corpus's ids, small beside `clustering` and `entities`."""
    def with_resolution(self, resolution: bytes) -> Corpus:
        """The partition's documents as a corpus whose mentions carry the ids `resolution`
        (from `resolution` of this partition's documents) gives them."""
    def with_ids(self, clustering: Clustering, entities: Entities) -> Corpus:
        """The partition's documents as a corpus whose mentions carry the corpus's ids."""

@final
class PartitionClaims:
    """A partition's claims as the aligner indexes them (from a partition's corpus with the
    corpus's entity ids) and that corpus, from which a call builds the views it needs and
    drops them after: no view is held between calls. Pickles as postcard bytes and the
    ``source``, a callable that makes the corpus again (called where the claims are
    unpickled, the first time a view is built there); without a source, unpickled, it
    indexes but builds no views (``pick`` and ``judge`` raise ``ValueError``). Number
    columns are little-endian bytes."""

    def __new__(
        cls, corpus: Corpus, first_doc: int, source: Callable[[], Corpus] | None = None
    ) -> PartitionClaims: ...
    def __len__(self) -> int: ...
    def signatures(self) -> bytes:
        """Each claim's copy signature (u64 bytes)."""
    def term_counts(self, distinct: bytes) -> tuple[bytes, bytes, bytes]:
        """`(keys u64 bytes, df u32 bytes, top reference idf f32 bytes)`: term counts over
        the claims flagged `distinct` (u8 bytes, one per claim), keys hashed."""
    def weigh(self, n: int, keys: bytes, df: bytes) -> PartitionClaims:
        """Gives the claims the corpus's counts in place (`n` distinct claims, `keys` (u64
        bytes, hashed) held by `df` (u32 bytes) of them): keys and views built from then on
        are weighed by them (before, by the reference idf). Returns them; given again,
        nothing changes."""
    def keyed(self, first_claim: int, among: bytes) -> tuple[bytes, bytes, bytes]:
        """`(keys u64 bytes, claim u32 bytes, order u64 bytes)` of the claims flagged
        `among` (keys hashed)."""
    def sentence_pairs(self, rep: bytes) -> tuple[bytes, bytes]:
        """Pairs of neighbours in a sentence `(a, b)` (u32 bytes), given each claim's
        representative (u32 bytes, corpus indices)."""
    def pick(self, first_claim: int, wanted: bytes) -> bytes:
        """The claims `wanted` (u32 bytes, corpus indices; other partitions' left out) for
        another partition (bytes), their views built from the corpus."""
    def judge(self, first_claim: int, picked: list[bytes], a: bytes, b: bytes) -> dict[str, Any]:
        """The aligned pairs among `a`, `b` (u32 bytes) as columns; this partition's views
        built from its corpus, the others' `picked`."""
    @staticmethod
    def from_bytes(bytes: bytes, source: Callable[[], Corpus] | None = None) -> PartitionClaims:
        """Claims pickled as bytes, with the source of their corpus if they had one."""

def corpus_idf_terms(n: int, keys: bytes, df: bytes, top: bytes) -> tuple[bytes, bytes]:
    """The terms whose corpus idf lowers a weight: `(keys u64 bytes, df u32 bytes)`."""

FULL_POSTING: Final[int]
"""Holders up to which a key pairs all of them (`align::index`): rarer keys need no profile."""

def common_profiles(claim: bytes, holders: bytes, order: bytes) -> tuple[bytes, list[bytes]]:
    """`(rows u32 bytes, profiles)`: the rows of common keys (held by more than
    `FULL_POSTING` claims) and each one's claim's profile, from rows holding every key of
    their claims."""

def key_pairs(
    key: bytes,
    claim: bytes,
    holders: bytes,
    order: bytes,
    profile: list[bytes] | None = None,
) -> tuple[bytes, bytes, bytes, bytes]:
    """`(a, b, order, weight)` (bytes) of every pair the keys (u64 bytes) of the rows make,
    profiles as `common_profiles` gives them (none when no key is common)."""

def shared_pairs(a: bytes, b: bytes, order: bytes, weight: bytes) -> tuple[bytes, bytes]:
    """The candidate pairs `(a, b)` (u32 bytes) among key weight rows."""

def claim_groups(n: int, a: bytes, b: bytes, score: bytes, rep: bytes) -> bytes:
    """Group numbers (u32 bytes) of `n` claims from the agreeing pairs and representatives."""

@final
class Clustering:
    """The clusters of the corpus's distinct keys (built from the bytes of `merge_keys`)."""

    def __new__(cls, keys: bytes) -> Clustering: ...
    def __len__(self) -> int: ...

@final
class Entities:
    """The corpus's entity records, each with its cluster, sorted by id."""

    @staticmethod
    def finish(gathered: bytes, patterns: list[_PatternRow] | None = None) -> Entities:
        """Records from what every partition's clusters gathered (`absorb`'s bytes)."""
    @staticmethod
    def from_bytes(bytes: bytes) -> Entities:
        """Records pickled as bytes."""
    def __len__(self) -> int: ...
    def table_columns(self, names: list[str]) -> _Columns:
        """Columns of the entity table, documents named by `names` (all, in order)."""

class DecodeError(ValueError):
    """A file is not valid UTF-8. `path` (as `os.fsdecode` gives it) and `offset` (in bytes)
    say where."""

    path: str
    offset: int

@final
class Corpus:
    @staticmethod
    def from_dir(
        path: str,
        errors: str | None = None,
        patterns: list[_PatternRow] | None = None,
        recursive: bool = False,
    ) -> tuple[Corpus, list[tuple[str, int, int]]]: ...
    @staticmethod
    def from_texts(
        texts: list[str],
        names: list[str],
        dates: list[str | None],
        sources: list[str | None],
        patterns: list[_PatternRow] | None = None,
    ) -> Corpus: ...
    def __len__(self) -> int: ...
    def names(self) -> list[str]: ...
    def index_of(self, name: str) -> int | None: ...
    def document(self, index: int) -> Document: ...
    def analyse_text(self) -> None: ...
    def analyse_syntax(self) -> None: ...
    def analyse_entities(self) -> None: ...
    def analyse_claims(self) -> None: ...
    def analyse_alignment(self) -> None: ...
    def progress(self) -> tuple[str | None, int, int]:
        """How far the stage being computed (or last computed) has got: (stage, documents
        done, total); (None, 0, 0) before any started."""
    def ready(self) -> list[str]:
        """The stages computed so far, in pipeline order: text, syntax, entities, claims,
        alignment."""
    def claim_columns(self) -> _Columns: ...
    def claim_figure_columns(self) -> _Columns:
        """One row per figure of each claim: claim, doc, start, end, text, label, value, unit,
        lower, upper, approximate."""
    def entity_columns(self) -> _Columns: ...
    def entity_table_columns(self) -> _Columns: ...
    def token_columns(self) -> _Columns: ...
    def sentence_columns(self) -> _Columns: ...
    def boilerplate_columns(self) -> _Columns: ...
    def document_columns(self) -> _Columns: ...
    def align_pair_columns(self) -> _Columns:
        """Columns of the pairs table of `corpus.align()` (built when asked for, not kept)."""
    def align_group_columns(self) -> _Columns:
        """Columns of the groups table of `corpus.align()` (built when asked for, not kept)."""
    def align_candidates(self) -> int: ...

@final
class Document:
    @property
    def name(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def date(self) -> str | None:
        """ISO date (YYYY-MM-DD) or None."""
    @property
    def source(self) -> str | None: ...
    @property
    def body_start(self) -> int: ...
    def sizes(self) -> tuple[int, int, int, int]:
        """`(characters, tokens, sentences, boilerplate characters)`, in code points."""
    def syntax_columns(self) -> _SyntaxColumns:
        """Token by token: pos, tag, lemma, head (a token index), dep, sent_start."""
    @property
    def tokens(self) -> Tokens: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def claims(self) -> list[Claim]: ...
    @property
    def boilerplate(self) -> list[Boilerplate]: ...

@final
class Tokens:
    """A view of a document's tokens: indexing builds only the token asked for."""

    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[type[list[Token]], tuple[list[Token]]]:
        """A view pickles as the list of its tokens."""
    @overload
    def __getitem__(self, key: int, /) -> Token: ...
    @overload
    def __getitem__(self, key: slice, /) -> Tokens | list[Token]: ...

@final
class Token:
    def __new__(cls, start: int, end: int, text: str, kind: str) -> Token: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    # Syntax, computed for the whole corpus the first time one is asked for. A token made by
    # hand, by `explain` or by unpickling has no document: `i` and the tags are None.
    @property
    def i(self) -> int | None:
        """The token's index in its document."""
    @property
    def pos(self) -> str | None:
        """Universal POS tag."""
    @property
    def tag(self) -> str | None:
        """Penn Treebank tag."""
    @property
    def lemma(self) -> str | None: ...
    @property
    def dep(self) -> str | None:
        """UD relation to the head; `root` for a sentence's root."""
    @property
    def head(self) -> Token | None:
        """The head token; a sentence's root is its own head."""
    @property
    def children(self) -> list[Token]:
        """The tokens whose head this one is, in text order."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Sentence:
    def __new__(cls, start: int, end: int, text: str, boilerplate: bool = False) -> Sentence: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def boilerplate(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Boilerplate:
    def __new__(cls, start: int, end: int, text: str, kind: str) -> Boilerplate: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Entity:
    """An entity mention; offsets are code points. A value: equal when its fields are."""

    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        label: str,
        entity: str | None = None,
        name: str | None = None,
        source: str = "user",
        value: float | None = None,
        unit: str | None = None,
        lower: float | None = None,
        upper: float | None = None,
        approximate: bool | None = None,
        date: str | None = None,
        relative: bool | None = None,
    ) -> Entity: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def entity(self) -> str | None:
        """The cross-document id, shared by every mention of one real-world entity; a date's is
        its ISO value (``DATE:2022-11-07``); None for figures and unresolved dates."""
    @property
    def name(self) -> str | None:
        """The entity's canonical name (None where ``entity`` is None)."""
    @property
    def source(self) -> str:
        """What proposed it: lexicon, user, context, surname, guess, figures, dates, …"""
    @property
    def value(self) -> float | None:
        """A figure's value in ``unit`` (for ``hundreds of``, its lower bound)."""
    @property
    def unit(self) -> str | None:
        """A figure's canonical unit or ISO 4217 currency (``km``, ``%``, ``EUR``); None for counts."""
    @property
    def lower(self) -> float | None:
        """The smallest value the wording allows (``at least 30``)."""
    @property
    def upper(self) -> float | None:
        """The largest value the wording allows (``nearly 300,000``)."""
    @property
    def approximate(self) -> bool | None:
        """A figure given as rough (``about``, ``some``, ``hundreds of``); None for non-figures."""
    @property
    def date(self) -> str | None:
        """A date's ISO value (``2022-11-07``, ``2022-11``, ``2022-11-06/2022-11-08``), or None."""
    @property
    def relative(self) -> bool | None:
        """A date that depends on the document's date (``on Monday``); None for non-dates."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Claim:
    """A claim; offsets are code points. A value: equal when its fields are."""

    def __new__(
        cls,
        claim: str,
        doc: str,
        start: int,
        end: int,
        text: str,
        speaker: str | None = None,
        speaker_entity: str | None = None,
        pronoun: str | None = None,
        cue: str | None = None,
        cue_class: str | None = None,
        polarity: str = "asserted",
        hedged: bool = False,
        quote: str | None = None,
        entities: list[str] = ...,
        figures: list[Entity] = ...,
        when: list[str] = ...,
        date: str | None = None,
        speaker_start: int | None = None,
        speaker_end: int | None = None,
        pronoun_start: int | None = None,
        pronoun_end: int | None = None,
        cue_start: int | None = None,
        cue_end: int | None = None,
        frame: Frame | None = None,
    ) -> Claim: ...
    @property
    def claim(self) -> str: ...
    @property
    def doc(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_entity(self) -> str | None: ...
    @property
    def pronoun(self) -> str | None:
        """The pronoun that stood for the speaker (`it said`), if one did."""
    @property
    def cue(self) -> str | None: ...
    @property
    def cue_class(self) -> str | None: ...
    @property
    def polarity(self) -> str: ...
    @property
    def hedged(self) -> bool: ...
    @property
    def quote(self) -> str | None: ...
    @property
    def entities(self) -> list[str]:
        """Cross-document ids of the entities mentioned in the claim, in text order."""
    @property
    def figures(self) -> list[Entity]:
        """The figure mentions it contains (CARDINAL, ORDINAL, QUANTITY, MONEY, PERCENT), with
        value, unit and bounds; offsets into the document."""
    @property
    def when(self) -> list[str]:
        """The DATE and TIME mentions the claim contains, as written."""
    @property
    def date(self) -> str | None:
        """The day the claim is about (YYYY-MM-DD): the first day a DATE in it names (a span of
        days by its first day), else the document's date; None with neither."""
    @property
    def speaker_start(self) -> int | None:
        """Where `speaker` starts in the document (code points); None with no speaker."""
    @property
    def speaker_end(self) -> int | None: ...
    @property
    def pronoun_start(self) -> int | None:
        """Where `pronoun` starts in the document (code points); None with no pronoun."""
    @property
    def pronoun_end(self) -> int | None: ...
    @property
    def cue_start(self) -> int | None:
        """Where the cue starts in the document (code points): its first word; None with no
        cue. A split cue (`described … as`) spans its gap, to `cue_end` after its last word."""
    @property
    def cue_end(self) -> int | None: ...
    @property
    def frame(self) -> Frame | None:
        """Its main frame (who did what to whom), if the parse gave one."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Frame:
    """A claim's main frame: predicate, event class, role fillers, negation, modality. A
    value: equal when its fields are."""

    def __new__(
        cls,
        predicate: str,
        event: str | None = None,
        negated: bool = False,
        modality: str | None = None,
        arguments: list[tuple[str, str, int, int, str | None]] = ...,
    ) -> Frame: ...
    @property
    def predicate(self) -> str:
        """The predicate's lemma (`loot`, `wrap up`, `invasion`)."""
    @property
    def event(self) -> str | None:
        """Its event class (`align/events.txt`), if it has one."""
    @property
    def agent(self) -> str | None: ...
    @property
    def patient(self) -> str | None: ...
    @property
    def recipient(self) -> str | None: ...
    @property
    def place(self) -> str | None: ...
    @property
    def time(self) -> str | None: ...
    @property
    def negated(self) -> bool: ...
    @property
    def modality(self) -> str | None:
        """The modal or raising word governing the predicate (`will`, `unlikely`)."""
    @property
    def arguments(self) -> list[tuple[str, str, int, int, str | None]]:
        """Every filler as `(role, text, start, end, entity)`; offsets are code points."""
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
