"""Claim alignment across Dask partitions (stages P3-P6 of benches/DASK.md): the pairs and
groups ``Corpus.align()`` gives, from tasks that each read one partition, one key's holders,
one claim's keys or one partition's pairs, never every claim in one process.

- P3: each partition's claim views (``_core.PartitionClaims``, ids across partitions in);
  copies found by a reduction of signatures (the first claim of each repeated one); the
  corpus idf from term counts reduced by key.
- P4: candidates from claims keyed by their blocking keys: every claim's keys shuffled
  once by key (each key's holders meet: how many, the key's place in the in-process key
  order, and the pairs of its rare keys); how many hold each key sent back to the
  holders' partitions (once per key and partition), where each claim's profile (its
  rarest keys) is made; only common keys' rows, with profiles, shuffled by key again (the
  pairs each makes, fading with its holders as ``index.rs`` does); every pair's key
  weights sent to the partition of its first claim and summed there in key order, kept at
  the in-process threshold.
- P5: pairs judged in the partition of their first claim, with the views of later
  partitions' claims sent there once per partition that asks (postcard bytes). No view is
  held between tasks: each partition keeps its corpus and the claims' index (keys,
  signatures, sentences: a few hundred bytes a claim), and a task builds the views it
  needs from it (``PartitionClaims.pick``, ``judge``), as in-process alignment builds
  views again past ``CROSSWIRE_ALIGN_CLAIMS_HELD``. The pairs of at most ``block``
  partitions are judged at a time (their picks wait for the judging of the partition
  ``block`` before), so a worker's views in flight depend on the partition size, not
  the corpus.
  Copies (claims of one signature) are judged the other way round, each in its own
  partition against its first claim's view picked from the first's partition: sentences
  repeated across the corpus have their firsts in the earliest partitions, which would
  otherwise judge copies from everywhere.
- P6: groups from the agreeing pairs in one reduction task (see ``_groups``).

Claims are numbered in the corpus (partition offset + place), so every order that decides
a result is the in-process one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask.delayed import Delayed, delayed

from . import _core, columns, dask_kept
from .alignment import GROUP_COLUMNS, PAIR_COLUMNS

U32, U64, F32, F64 = np.dtype("<u4"), np.dtype("<u8"), np.dtype("<f4"), np.dtype("<f8")


def _col(b: bytes, dtype: np.dtype) -> np.ndarray:
    return np.frombuffer(b, dtype=dtype)


def _task(func: Any, key: str, *args: Any, nout: int | None = None) -> Any:
    """``func(*args)`` as a task named ``key``: the same inputs give the same key, so a rerun
    or a retry after a lost worker recomputes the same value under the same name.

    A list of Delayed values reaches the task element by element and is rebuilt inside it:
    handed a list, Dask optimizes and culls the whole graph so far once per element, so a
    shuffle's joins over n partitions took time growing faster than n^3 (over ten minutes at
    100,000 articles before the first task ran)."""
    flat: list[Any] = []
    lengths: list[int] = []  # per argument: the length of a list spread out, or -1
    for arg in args:
        if isinstance(arg, list) and any(isinstance(a, Delayed) for a in arg):
            lengths.append(len(arg))
            flat.extend(arg)
        else:
            lengths.append(-1)
            flat.append(arg)
    if max(lengths, default=-1) < 0:
        return delayed(func, pure=True, nout=nout)(*args, dask_key_name=key)
    spread = delayed(_with_lists, pure=True, nout=nout)
    return spread(func, tuple(lengths), *flat, dask_key_name=key)


def _with_lists(func: Any, lengths: tuple[int, ...], *flat: Any) -> Any:
    """``func`` called with the arguments ``_task`` spread out, its lists rebuilt."""
    args, at = [], 0
    for n in lengths:
        args.append(flat[at] if n < 0 else list(flat[at : at + n]))
        at += 1 if n < 0 else n
    return func(*args)


def _key(step: str, token: str, *place: int) -> str:
    """A task's name: ``cw-align-<step>-<token>-<place>``. The step before the token, so
    that Dask's dashboard and metrics (which group tasks by the words before the first
    number or hash) show each step apart."""
    return "-".join(["cw-align", step, token, *map(str, place)])


def _part_of(claims: np.ndarray, offsets: Sequence[int]) -> np.ndarray:
    """The partition of each claim (corpus index), from the partitions' first claims."""
    return np.searchsorted(np.asarray(offsets[1:], dtype=np.int64), claims, side="right")


def _split(df: pd.DataFrame, column: str, offsets: Sequence[int]) -> tuple[pd.DataFrame, ...]:
    """``df``'s rows by the partition of ``column``'s claim, one frame per partition, each
    in ``df``'s order. One stable sort by partition and slices of it, not a mask per
    partition: the cost stays ``rows log rows`` however many partitions there are."""
    n = len(offsets) - 1
    parts = _part_of(df[column].to_numpy(), offsets).astype(np.int32)
    order = np.argsort(parts, kind="stable")
    bounds = np.searchsorted(parts[order], np.arange(n + 1), side="left")
    rows = df.take(order)
    return tuple(rows.iloc[bounds[i] : bounds[i + 1]] for i in range(n))


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(frames, ignore_index=True)


def _exchange(
    frames: list[Delayed],
    column: str,
    offsets: Delayed,
    n: int,
    step: str,
    token: str,
    join: Any = None,
) -> list[Delayed]:
    """Rows of ``frames`` sent to the partition (of ``n``) of their ``column``'s claim
    (``offsets``: where each partition's claims start): each frame cut in one task, each
    partition's pieces joined in another (a task shuffle whose destinations are the claim
    partitions)."""
    cut = [
        _task(_split, _key(f"{step}-split", token, k), f, column, offsets, nout=n)
        for k, f in enumerate(frames)
    ]
    join = join or _concat
    return [_task(join, _key(f"{step}-join", token, i), [c[i] for c in cut]) for i in range(n)]


# -- P3 ---------------------------------------------------------------------------------------


def _signatures(pc: _core.PartitionClaims, first: int) -> pd.DataFrame:
    sig = _col(pc.signatures(), U64)
    return pd.DataFrame({"sig": sig, "claim": np.arange(first, first + len(sig), dtype=U32)})


SIG_META = pd.DataFrame({"sig": pd.Series(dtype="uint64"), "claim": pd.Series(dtype="uint32")})
TERM_META = pd.DataFrame(
    {
        "key": pd.Series(dtype="uint64"),
        "df": pd.Series(dtype="uint32"),
        "top": pd.Series(dtype="float32"),
    }
)


def _repeated(sigs: list[Delayed]) -> Delayed:
    """The first claim of each signature held by several claims (copies are candidates): a
    Dask reduction by signature; only the repeated ones travel on."""
    by = dd.from_delayed(sigs, meta=SIG_META, verify_meta=False).groupby("sig")["claim"]
    return by.agg(["min", "size"], split_out=1).to_delayed()[0]


def _first_of_repeated(by: pd.DataFrame) -> pd.Series:
    return by.loc[by["size"] > 1, "min"]


def _signature_reps(sigs: pd.DataFrame, repeated: pd.Series) -> np.ndarray:
    """Each claim's first claim of the same signature (itself when it is the first)."""
    first = sigs["sig"].map(repeated)
    return np.where(first.isna(), sigs["claim"], first.fillna(0)).astype(U32)


def _term_counts(pc: _core.PartitionClaims, reps: np.ndarray, first: int) -> pd.DataFrame:
    distinct = (reps == np.arange(first, first + len(reps))).astype(np.uint8)
    keys, df, top = pc.term_counts(distinct.tobytes())
    return pd.DataFrame({"key": _col(keys, U64), "df": _col(df, U32), "top": _col(top, F32)})


def _distinct(reps: np.ndarray, first: int) -> int:
    return int((reps == np.arange(first, first + len(reps))).sum())


def _term_totals(counts: list[Delayed]) -> Delayed:
    """Each term's df over the corpus's distinct claims and its highest reference idf: a
    Dask reduction by key (hashed, as the in-process index counts terms).

    Into one partition (``split_out=1``, here and in ``_repeated``): left to itself Dask
    splits the result of 16 or more partitions, and its first part alone lost most terms
    (at 100,000 articles the cluster found 7.4 M pairs against 4.5 M in-process)."""
    terms = dd.from_delayed(counts, meta=TERM_META, verify_meta=False)
    totals = terms.groupby("key").agg(df=("df", "sum"), top=("top", "max"), split_out=1)
    return totals.to_delayed()[0]


def _corpus_terms(by: pd.DataFrame, n: int) -> tuple[bytes, bytes]:
    """The terms whose corpus idf lowers a weight: (keys u64 bytes, df u32 bytes)."""
    return _core.corpus_idf_terms(
        n,
        by.index.to_numpy(U64).tobytes(),
        by["df"].to_numpy(U32).tobytes(),
        by["top"].to_numpy(F32).tobytes(),
    )


def _reweighed(
    pc: _core.PartitionClaims, n: int, terms: tuple[bytes, bytes]
) -> _core.PartitionClaims:
    # In place (the core keeps the term counts apart from the views, and weighing is
    # idempotent): a retry, or a count retried after it, reads what it read the first time.
    return pc.weigh(n, *terms)


# -- P5 ---------------------------------------------------------------------------------------


def _wanted(pairs: pd.DataFrame, lo: int, hi: int) -> bytes:
    ids = np.unique(np.concatenate([pairs["a"].to_numpy(), pairs["b"].to_numpy()]))
    return ids[(ids >= lo) & (ids < hi)].astype(U32).tobytes()


def _pick(pc: _core.PartitionClaims, first: int, pairs: pd.DataFrame, hi: int) -> bytes:
    return pc.pick(first, _wanted(pairs, first, hi))


def _judge(
    pc: _core.PartitionClaims, first: int, picked: list[bytes], pairs: pd.DataFrame
) -> pd.DataFrame:
    pairs = pairs.drop_duplicates(["a", "b"]).sort_values(["a", "b"])
    cols = pc.judge(
        first,
        picked,
        pairs["a"].to_numpy(U32).tobytes(),
        pairs["b"].to_numpy(U32).tobytes(),
    )
    df = pd.DataFrame(columns.arrays(cols, PAIR_COLUMNS), columns=PAIR_COLUMNS, copy=False)
    df.insert(0, "b", _col(cols["b"], U32))
    df.insert(0, "a", _col(cols["a"], U32))
    return df


def _done(judged: pd.DataFrame) -> int:
    """A barrier: how many pairs were judged (a number travels, not the pairs)."""
    return len(judged)


def _after(_gate: int | None, func: Any, *args: Any) -> Any:
    return func(*args)


def _judge_round(
    pcs: list[Delayed],
    offsets: list[int],
    pairs: list[Delayed],
    step: str,
    token: str,
    reads: dict[str, int],
    block: int | None = None,
    earlier: bool = False,
) -> list[Delayed]:
    """``pairs[i]`` (claims ``a`` in partition i) judged in partition i, the views of later
    partitions' claims (``a < b``: ``b`` is in i or after) built and picked where they are;
    with ``earlier``, ``pairs[i]`` has its claims ``b`` in partition i, and the views of
    the ``a`` are picked from the partitions before it.
    With ``block``, the picks for partition i wait until partition ``i - block`` is judged:
    at most ``block`` partitions' picked views are in flight. Each task is noted in
    ``reads`` with the partition whose claims (and corpus) it reads."""
    n = len(pcs)
    out: list[Delayed] = []
    for i in range(n):
        gate = None
        if block and i >= block:
            gate = _task(_done, _key(f"{step}-done", token, i - block), out[i - block])
        picked = []
        for j in range(i) if earlier else range(i + 1, n):
            pick = _task(
                _after,
                _key(f"{step}-pick", token, i, j),
                gate,
                _pick,
                pcs[j],
                offsets[j],
                pairs[i],
                offsets[j + 1],
            )
            reads[pick.key] = j
            picked.append(pick)
        judge = _task(_judge, _key(f"{step}-judge", token, i), pcs[i], offsets[i], picked, pairs[i])
        reads[judge.key] = i
        out.append(judge)
    return out


# -- copies -----------------------------------------------------------------------------------


def _copy_pairs(reps: np.ndarray, first: int) -> pd.DataFrame:
    own = np.arange(first, first + len(reps), dtype=U32)
    copy = reps != own
    return pd.DataFrame({"a": reps[copy], "b": own[copy]})


def _agreed(judged: pd.DataFrame) -> pd.DataFrame:
    return judged[judged["relation"] == "agree"].reset_index(drop=True)


def _confirmed(first: int, sig_reps: np.ndarray, agreed: pd.DataFrame) -> np.ndarray:
    """Each claim's representative once copies are judged: the first of its signature when
    they agree, else itself."""
    rep = np.arange(first, first + len(sig_reps), dtype=U32)
    rep[agreed["b"].to_numpy(np.int64) - first] = agreed["a"].to_numpy(U32)
    return rep


# -- P4 ---------------------------------------------------------------------------------------

KEYED_META = pd.DataFrame(
    {
        "key": pd.Series(dtype="uint64"),
        "claim": pd.Series(dtype="uint32"),
        "order": pd.Series(dtype="uint64"),
    }
)


def _keyed(pc: _core.PartitionClaims, first: int, rep: np.ndarray) -> pd.DataFrame:
    among = (rep == np.arange(first, first + len(rep))).astype(np.uint8)
    keys, claim, order = pc.keyed(first, among.tobytes())
    return pd.DataFrame(
        {"key": _col(keys, U64), "claim": _col(claim, U32), "order": _col(order, U64)}
    )


PAIR_META = pd.DataFrame(
    {
        "a": pd.Series(dtype="uint32"),
        "b": pd.Series(dtype="uint32"),
        "order": pd.Series(dtype="uint64"),
        "weight": pd.Series(dtype="float32"),
    }
)
COMMON_META = KEYED_META.assign(holders=pd.Series(dtype="uint32"), profile=pd.Series(dtype=object))


def _pair_frame(a: bytes, b: bytes, order: bytes, weight: bytes) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "a": _col(a, U32),
            "b": _col(b, U32),
            "order": _col(order, U64),
            "weight": _col(weight, F32),
        }
    )


def _held(df: pd.DataFrame, offsets: Sequence[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """With every holder of each key here (a partition of the one shuffle by key): the pairs
    its rare keys make (all their holders, no profile needed), and what the claims'
    partitions need for profiles: each key held more than once, how many hold it and its
    place in the key order, once per partition holding it (a row of one of its claims
    there: ``claim`` routes it). A key held once is its claim's alone: its partition knows it."""
    by = df.groupby("key", sort=False)
    holders = by["claim"].transform("size").to_numpy(U32)
    order = by["order"].transform("min").to_numpy(U64)
    key, claim = df["key"].to_numpy(U64), df["claim"].to_numpy(U32)
    rare = (holders > 1) & (holders <= _core.FULL_POSTING)
    pairs = _pair_frame(
        *_core.key_pairs(
            key[rare].tobytes(),
            claim[rare].tobytes(),
            holders[rare].tobytes(),
            order[rare].tobytes(),
        )
    )
    many = holders > 1
    back = pd.DataFrame(
        {
            "key": key[many],
            "claim": claim[many],
            "holders": holders[many],
            "order": order[many],
            "part": _part_of(claim[many], offsets),
        }
    )
    return pairs, back.drop_duplicates(["key", "part"])[["key", "claim", "holders", "order"]]


def _common(keyed: pd.DataFrame, held: pd.DataFrame) -> pd.DataFrame:
    """A partition's claims' rows on common keys, each with its claim's profile (its rarest
    keys: every key of the claim is here, ``held`` says how many hold those held more than
    once, the others are the claim's alone and in its own key order)."""
    at = pd.Index(held["key"].to_numpy(U64)).get_indexer(keyed["key"].to_numpy(U64))
    found = at >= 0
    # Read at 0 where not found (and nothing at all when no key here is shared).
    place = np.where(found, at, 0)
    shared_holders = np.append(held["holders"].to_numpy(U32), U32.type(1))[place]
    shared_order = np.append(held["order"].to_numpy(U64), U64.type(0))[place]
    holders = np.where(found, shared_holders, 1).astype(U32)
    order = np.where(found, shared_order, keyed["order"].to_numpy(U64)).astype(U64)
    claim = keyed["claim"].to_numpy(U32)
    at_bytes, profile = _core.common_profiles(claim.tobytes(), holders.tobytes(), order.tobytes())
    rows = _col(at_bytes, U32)
    return pd.DataFrame(
        {
            "key": keyed["key"].to_numpy(U64)[rows],
            "claim": claim[rows],
            "order": order[rows],
            "holders": holders[rows],
            "profile": pd.Series(profile, dtype=object),
        }
    )


def _key_pairs(df: pd.DataFrame) -> pd.DataFrame:
    """The pairs the common keys of ``df`` make (every holder of each here, with profiles)."""
    return _pair_frame(
        *_core.key_pairs(
            df["key"].to_numpy(U64).tobytes(),
            df["claim"].to_numpy(U32).tobytes(),
            df["holders"].to_numpy(U32).tobytes(),
            df["order"].to_numpy(U64).tobytes(),
            list(df["profile"]),
        )
    )


def _shared(df: pd.DataFrame) -> pd.DataFrame:
    a, b = _core.shared_pairs(
        df["a"].to_numpy(U32).tobytes(),
        df["b"].to_numpy(U32).tobytes(),
        df["order"].to_numpy(U64).tobytes(),
        df["weight"].to_numpy(F32).tobytes(),
    )
    return pd.DataFrame({"a": _col(a, U32), "b": _col(b, U32)})


def _joined_candidates(pieces: list[pd.DataFrame]) -> pd.DataFrame:
    """A claim partition's candidates: from every key weight of its claims' pairs (summed,
    kept at the in-process threshold) and its same-sentence neighbours."""
    weights = [p for p in pieces if "weight" in p.columns]
    others = [p for p in pieces if "weight" not in p.columns]
    return pd.concat([_shared(_concat(weights)), *others], ignore_index=True)


def _sentence_pairs(pc: _core.PartitionClaims, rep: np.ndarray) -> pd.DataFrame:
    a, b = pc.sentence_pairs(rep.astype(U32).tobytes())
    return pd.DataFrame({"a": _col(a, U32), "b": _col(b, U32)})


def candidates_here(keyed: pd.DataFrame) -> pd.DataFrame:
    """The candidate pairs of one partition holding the whole corpus's claims (the steps of
    :func:`_candidates` without Dask), for benches that read them."""
    pairs, held = _held(keyed, [0, 2**32])
    return _joined_candidates([pairs, _key_pairs(_common(keyed, held))])


#: Up to this many partitions the key shuffles are Dask's task shuffles (a split and a join
#: task per partition pair: few and small), above it its P2P shuffles, whose fixed costs per
#: shuffle (a barrier, buffers, a service on every worker) pay off only for wide ones.
TASK_SHUFFLE_PARTITIONS = 64


def _shuffle_method(frame: dd.DataFrame) -> str:
    """Dask's shuffle method for ``frame`` (see ``TASK_SHUFFLE_PARTITIONS``)."""
    return "tasks" if frame.npartitions <= TASK_SHUFFLE_PARTITIONS else "p2p"


def _candidates(
    keyed: list[Delayed], sentence: list[Delayed], whole: Delayed, token: str
) -> list[Delayed]:
    """Candidate pairs ``(a, b)`` from the claims' keys, one frame per claim partition
    (that of ``a``): every claim's keys shuffled once by key, where each key's holders
    meet and its rare keys pair; how many hold each key sent back to its holders'
    partitions, which make the profiles; only common keys' rows, with profiles, shuffled
    by key a second time to pair; every pair's key weights sent to the partition of its
    first claim, summed there."""
    n = len(keyed)
    rows = dd.from_delayed(keyed, meta=KEYED_META, verify_meta=False)
    method = _shuffle_method(rows)
    by_key = rows.shuffle(on="key", shuffle_method=method).to_delayed()
    held = [_task(_held, _key("held", token, i), p, whole, nout=2) for i, p in enumerate(by_key)]
    back = _exchange([h[1] for h in held], "claim", whole, n, "held-back", token)
    common = [_task(_common, _key("common", token, i), keyed[i], back[i]) for i in range(n)]
    # Profiles are bytes in an object column: not for Dask to turn into strings.
    with dask.config.set({"dataframe.convert-string": False}):
        commons = dd.from_delayed(common, meta=COMMON_META, verify_meta=False)
        weights = commons.shuffle(on="key", shuffle_method=method).map_partitions(
            _key_pairs, meta=PAIR_META
        )
        weighed_pairs = list(weights.to_delayed())
    return _exchange(
        [h[0] for h in held] + weighed_pairs + sentence,
        "a",
        whole,
        n,
        "candidates",
        token,
        join=_joined_candidates,
    )


# -- P6 ---------------------------------------------------------------------------------------


def _agreeing(judged: pd.DataFrame) -> pd.DataFrame:
    return judged.loc[judged["relation"] == "agree", ["a", "b", "score"]]


def _groups(
    offsets: list[int], agreeing: list[pd.DataFrame], reps: list[np.ndarray], docs: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Group numbers of the corpus's ``n`` claims, and per group its claims and documents.

    One task: the grouping merges groups strongest agreement first across a whole
    component of the agreement graph (``groups.rs``), and the agreeing pairs and one number
    per claim are small (at 10,000 articles, about 270,000 claims and fewer agreeing pairs:
    a few MB). Past a worker's memory, split by connected components of the agreeing pairs
    (min-label propagation) and number by a cumulative count (DASK.md, P6)."""
    agree = pd.concat(agreeing, ignore_index=True)
    groups = _col(
        _core.claim_groups(
            offsets[-1],
            agree["a"].to_numpy(U32).tobytes(),
            agree["b"].to_numpy(U32).tobytes(),
            agree["score"].to_numpy(F64).tobytes(),
            np.concatenate(reps).astype(U32).tobytes(),
        ),
        U32,
    )
    doc = np.concatenate(docs).astype(np.int64)
    claims = np.bincount(groups, minlength=int(groups.max(initial=0)) + 1)
    seen = np.unique(groups.astype(np.int64) << 32 | doc)
    docs_per = np.bincount(seen >> 32, minlength=len(claims))
    return groups, claims, docs_per


def _claim_docs(claims: pd.DataFrame, names: list[str], first_doc: int) -> np.ndarray:
    return pd.Categorical(claims["doc"], categories=names).codes.astype(np.int64) + first_doc


def _group_base(claims: pd.DataFrame) -> pd.DataFrame:
    """The columns of the claims table the groups table repeats: held until the groups are
    numbered, without the rest of the claims table (written and dropped before)."""
    return claims[[c for c in GROUP_COLUMNS if c in claims.columns]].copy()


def _group_rows(
    base: pd.DataFrame,
    grouped: tuple[np.ndarray, np.ndarray, np.ndarray],
    first: int,
    _released: None = None,
) -> pd.DataFrame:
    groups, per_claims, per_docs = grouped
    g = groups[first : first + len(base)].astype(np.int64)
    df = base.copy()
    df.insert(0, "group", g)
    df["claims"] = per_claims[g].astype("int64")
    df["docs"] = per_docs[g].astype("int64")
    return df[GROUP_COLUMNS].reset_index(drop=True)


# -- the graph --------------------------------------------------------------------------------


def _pairs_table(
    copies: pd.DataFrame, judged: pd.DataFrame, _released: None = None
) -> pd.DataFrame:
    """The partition's pairs in the order of ``(a, b)``: two runs already in that order
    (judged copies, judged candidates; no pair in both), merged by one stable sort of a
    single number per pair. ``_released``: the partition's corpus released first."""
    both = pd.concat([copies[PAIR_COLUMNS], judged[PAIR_COLUMNS]], ignore_index=True)
    a = np.concatenate([copies["a"].to_numpy(U64), judged["a"].to_numpy(U64)])
    b = np.concatenate([copies["b"].to_numpy(U64), judged["b"].to_numpy(U64)])
    order = np.argsort(a << np.uint64(32) | b, kind="stable")
    return both.take(order).reset_index(drop=True)


def _offsets(counts: list[int]) -> list[int]:
    """Where each partition's claims start in the corpus, and the claim count last."""
    return [0, *np.cumsum(counts, dtype=np.int64).tolist()]


def align(
    pcs: list[Delayed],
    claims: list[Delayed],
    names: list[list[str]],
    first_docs: list[int],
    token: str,
    block: int | None = None,
) -> tuple[list[Delayed], list[Delayed], dict[str, int]]:
    """The pairs and groups tables, one frame per partition (tasks; nothing is computed),
    from each partition's claims (``pcs``: ``PartitionClaims``, ``claims``: its claims table
    rows, ``names``: its documents' names). ``block``: how many partitions' candidate
    pairs are judged at a time (see ``_judge_round``; None: as Dask orders them).

    Also returned: the tasks that read a partition's claims, by key, with that partition.
    They should run where its claims are: moved, claims make their corpus again (read,
    tagged, parsed: as much as the partition's first analysis), see ``crosswire.dask``."""
    n = len(pcs)
    reads: dict[str, int] = {}

    def reading(i: int, task: Delayed) -> Delayed:
        reads[task.key] = i
        return task

    # Counted where each partition's claims are: only the numbers travel.
    counts = [reading(i, _task(len, _key("count", token, i), pcs[i])) for i in range(n)]
    whole = _task(_offsets, _key("offsets", token), counts)
    offsets = [whole[i] for i in range(n + 1)]
    sigs = [
        reading(i, _task(_signatures, _key("sig", token, i), pcs[i], offsets[i])) for i in range(n)
    ]
    repeated = _task(_first_of_repeated, _key("repeated", token), _repeated(sigs))
    sig_reps = [
        _task(_signature_reps, _key("sig-reps", token, i), sigs[i], repeated) for i in range(n)
    ]
    # The corpus idf (copies counted once).
    counted = [
        reading(i, _task(_term_counts, _key("terms", token, i), pcs[i], sig_reps[i], offsets[i]))
        for i in range(n)
    ]
    distinct = _task(
        sum,
        _key("distinct", token),
        [_task(_distinct, _key("distinct", token, i), sig_reps[i], offsets[i]) for i in range(n)],
    )
    terms = _task(_corpus_terms, _key("corpus-terms", token), _term_totals(counted), distinct)
    weighed = [
        reading(i, _task(_reweighed, _key("weighed", token, i), pcs[i], distinct, terms))
        for i in range(n)
    ]
    # Copies judged against their first claim in the copy's partition, the firsts' views
    # picked from theirs: a partition judges its own copies, however many partitions copy
    # a claim of the first ones (judged in the first's partition, the copies of sentences
    # repeated across the corpus all met in the earliest partitions, which grew with the
    # corpus: benches/DASK.md, session 33). Agreeing copies go to their first's partition
    # for its pairs table.
    copy_pairs = [
        _task(_copy_pairs, _key("copies", token, i), sig_reps[i], offsets[i]) for i in range(n)
    ]
    judged_copies = _judge_round(
        weighed, offsets, copy_pairs, "copy", token, reads, block, earlier=True
    )
    confirmed_copies = [
        _task(_agreed, _key("agreed", token, i), j) for i, j in enumerate(judged_copies)
    ]
    copies = _exchange(confirmed_copies, "a", whole, n, "copies-to-first", token)
    reps = [
        _task(_confirmed, _key("reps", token, i), offsets[i], sig_reps[i], confirmed_copies[i])
        for i in range(n)
    ]
    # Candidates among representatives, judged in the partition of their first claim.
    keyed = [
        reading(i, _task(_keyed, _key("keyed", token, i), weighed[i], offsets[i], reps[i]))
        for i in range(n)
    ]
    sentence = [
        reading(i, _task(_sentence_pairs, _key("sentence", token, i), weighed[i], reps[i]))
        for i in range(n)
    ]
    candidates = _candidates(keyed, sentence, whole, token)
    judged = _judge_round(weighed, offsets, candidates, "pairs", token, reads, block)
    released = _releases(judged, token, reads)
    pairs = [
        _task(_pairs_table, _key("pairs-table", token, i), copies[i], judged[i], released[i])
        for i in range(n)
    ]
    docs = [
        _task(_claim_docs, _key("claim-docs", token, i), claims[i], names[i], first_docs[i])
        for i in range(n)
    ]
    agreeing = [_task(_agreeing, _key("agreeing", token, i), j) for i, j in enumerate(judged)]
    grouped = _task(_groups, _key("groups", token), whole, agreeing, reps, docs)
    bases = [_task(_group_base, _key("group-base", token, i), claims[i]) for i in range(n)]
    groups = [
        _task(_group_rows, _key("group-rows", token, i), bases[i], grouped, offsets[i], released[i])
        for i in range(n)
    ]
    return pairs, groups, reads


def _releases(judged: list[Delayed], token: str, reads: dict[str, int]) -> list[Delayed]:
    """Tasks that drop each partition's kept corpus (``crosswire.dask_kept``) on its
    worker once no task reads its claims: partition i's are read by the pairs judged in
    partitions 0 to i (their picks) and, before them, by the copy round and the candidate
    search, on which every pairs judge waits. Each release waits for its partition's
    judging and the release before it (a chain: n edges, not n^2)."""
    out: list[Delayed] = []
    for i, j in enumerate(judged):
        done = _task(_done, _key("judged", token, i), j)
        before = out[-1] if out else None
        out.append(
            _task(
                dask_kept.release, _key("release", token, i), dask_kept.name(token, i), done, before
            )
        )
        reads[out[-1].key] = i
    return out


def metas() -> dict[str, pd.DataFrame]:
    """Empty pairs and groups tables with the in-process columns and types."""
    pairs = pd.DataFrame({c: pd.Series(dtype=object) for c in PAIR_COLUMNS}).astype(
        {"score": "float64"}
    )
    groups = pd.DataFrame({c: pd.Series(dtype=object) for c in GROUP_COLUMNS}).astype(
        {"group": "int64", "start": "int64", "end": "int64", "claims": "int64", "docs": "int64"}
    )
    return {"pairs": pairs, "groups": groups}
