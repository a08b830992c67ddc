"""crosswire on a ``dask.distributed`` cluster: the per-document stages on workers, over
partitions of the files, entity ids resolved across partitions with Dask's own reductions,
and claims aligned across partitions with its shuffles (``crosswire.dask_alignment``).
Needs the ``dask`` extra (``pip install 'crosswire[dask]'``); the design, and what is not
distributed yet (the HTML report), are in benches/DASK.md.

>>> from crosswire import dask as cwd
>>> result = cwd.analyze("archive/", recursive=True)     # a LocalCluster of this machine
>>> result.claims.compute()                               # the columns of Corpus.claims()
>>> result.to_parquet("out/")

Ids, claims, entity rows, pairs and groups equal the in-process ones (``Corpus.from_dir``,
``Corpus.align``), whatever the partitioning: documents keep their global order (sorted paths), the clusters of identity
keys are built once from the corpus's distinct keys, and what each partition's mentions
gather is reduced in document order (see ``crosswire._core.Partition``).
"""

from __future__ import annotations

import collections
import contextlib
import copy
import functools
import os
import shutil
import uuid
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import dask
import dask.dataframe as dd
import pandas as pd
from dask.delayed import Delayed, delayed
from distributed import Client, LocalCluster, get_client

from . import _core, dask_alignment, dask_kept, dask_paused, frames
from .alignment import _coverage_table
from .analysis import Analysis, documents_table
from .columns import STR
from .corpus import Corpus, _as_patterns
from .patterns import Patterns, core_rows

__all__ = ["CLUSTER_CONFIG", "DaskAnalysis", "analyze", "list_files", "local_cluster"]

#: Documents per partition at most: about 8 MB of text at news length, a few seconds of work.
PARTITION_DOCS = 2000
#: How many results one reduction task merges.
FAN_IN = 8
TABLES = ("entities", "claims", "entity_table", "pairs", "groups")


def list_files(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *, recursive: bool = False
) -> tuple[list[str], list[str]]:
    """The files of the corpus and their document names, in corpus order: a folder's
    articles as ``Corpus.from_dir`` lists them (with ``recursive``, every folder below it,
    each document named by its path below the folder); a list of folders one after another;
    a list of ``*.txt`` files named by their stems, in the order given."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[str] = []
    names: list[str] = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            found, named = _core.list_articles(p, recursive)
            files.extend(os.fspath(f) for f in found)
            names.extend(named)
        else:
            files.append(p)
            names.append(Path(p).stem)
    seen: dict[str, str] = {}
    for f, n in zip(files, names):
        if n in seen:
            raise ValueError(f"{seen[n]} and {f} would both be named {n!r}; names must be unique")
        seen[n] = f
    if not files:
        raise ValueError("no files to analyse")
    return files, names


def sized_partitions(documents: int, slots: int, most: int = PARTITION_DOCS) -> int:
    """Documents per partition for ``documents`` on a cluster of ``slots`` worker threads:
    at most ``most``, cut into a multiple of ``slots`` partitions of equal size, so that
    every worker has as many partitions as the others (5 partitions on 2 workers leave one
    worker on the fifth alone, a fifth of the run)."""
    slots = max(slots, 1)
    partitions = slots * -(-documents // (slots * most))
    return max(1, -(-documents // max(partitions, 1)))


def _slots(client: Client) -> int:
    """Worker threads of the cluster (0 while none has joined)."""
    return sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())


#: Dask settings for the clusters :func:`local_cluster` starts. Dask's defaults sample every
#: worker's stack every 10 ms for the dashboard's profile, time each process's event loop
#: every 20 ms and read system and worker memory figures several times a second: on an
#: idle 2-worker cluster of this machine about 92 ms of CPU per second of wall time (37 in
#: the client process, which hosts the scheduler and the nannies, 28 in each worker), about
#: 15 with these (benches/DASK.md, session 28). They are paid for every second a run lasts,
#: so on a loaded machine they were most of the client's CPU. Memory is still watched twice
#: a second (spilling, pausing, a runaway worker's restart), blocked event loops still
#: reported; the dashboard's profile page stays empty.
#: Work stealing is off: the tasks that read a partition's claims are placed on its worker
#: (see ``_pins``), and a stolen one moves the claims, whose corpus is then made again
#: (read, tagged, parsed) where they land: a partition's whole analysis for one task.
#: Work waiting on a worker paused for long is placed again (``crosswire.dask_paused``);
#: should no worker run for 10 minutes (all paused with spilling off, or none restarts),
#: the tasks waiting for one fail (Dask's ``NoWorkerError``) instead of waiting forever.
CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.scheduler.work-stealing": False,
    "distributed.scheduler.no-workers-timeout": "10 minutes",
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
}


def local_cluster(
    workers: int | None = None,
    config: Mapping[str, Any] | None = None,
    memory_limit: str | float | None = "auto",
) -> LocalCluster:
    """A cluster of this machine: ``workers`` processes (default: one per core), one Dask
    thread and one core thread each, so Dask's parallelism replaces the core's rather
    than stacking on it. ``config``: Dask settings for its scheduler, nannies and workers,
    by default :data:`CLUSTER_CONFIG` (``{}`` for Dask's own); the caller's config is left
    as it was. ``memory_limit``: each worker's, as Dask's ``LocalCluster`` takes it (by
    default the machine's memory shared among the workers)."""
    with dask.config.set(CLUSTER_CONFIG if config is None else dict(config)):
        # A copy for the nannies: theirs shares its nested dicts with the global config,
        # which leaving this block restores, and a worker restarted after a loss would
        # start with Dask's defaults.
        return LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=memory_limit,
            env={"RAYON_NUM_THREADS": "1"},
            config=copy.deepcopy(dask.config.config),
        )


# -- tasks (each a pure function of its inputs: a retried one gives the same value) ---------


def _keys(part: _core.Partition) -> bytes:
    return part.keys()


def _gathered(part: _core.Partition, clustering: _core.Clustering) -> bytes:
    return part.gathered(clustering)


def _tables(
    part: _core.Partition,
    clustering: _core.Clustering,
    entities: _core.Entities,
    patterns: Patterns | None,
    first_doc: int,
    kept_as: str,
) -> tuple[pd.DataFrame, pd.DataFrame, _core.PartitionClaims]:
    ids = part.resolution(clustering, entities)
    core = part.with_resolution(ids)
    tables = _tables_of(Corpus(core, patterns))
    # After the claims table: the claims stage has run and is reused. The claims keep the
    # corpus to build views from; this worker keeps it too (``kept_as``), for the claims
    # Dask spills and reads back here; elsewhere (moved) they make it again from the
    # partition's arguments and its share of the ids, which is what pickles with them (the
    # clustering and entity records are the whole corpus's: pickled with every spill of
    # every partition's claims, they were most of what the workers wrote to disk).
    # (A Partition reduces to its class and arguments; object's type allows a str.)
    made = cast(tuple[Any, tuple[Any, ...]], part.__reduce__())
    again = functools.partial(_core_again, made, ids)
    source = dask_kept.KeptCorpus(kept_as, again, core)
    return tables[0], tables[1], _core.PartitionClaims(core, first_doc, source)


def _core_again(partition: tuple[Any, tuple[Any, ...]], ids: bytes) -> _core.Corpus:
    """A partition's corpus with its ids (``Partition.resolution``), made again from the
    partition's arguments (read and tagged again; the later stages run when asked for)."""
    make, args = partition
    return make(*args).with_resolution(ids)


def _documents(
    part: _core.Partition,
    clustering: _core.Clustering,
    entities: _core.Entities,
    patterns: Patterns | None,
) -> pd.DataFrame:
    return documents_table(Corpus(part.with_ids(clustering, entities), patterns))


def _tables_of(corpus: Corpus) -> list[pd.DataFrame]:
    return [_plain_doc(frames.entities(corpus)), _plain_doc(frames.claims(corpus))]


def _plain_doc(df: pd.DataFrame) -> pd.DataFrame:
    # Each partition knows only its own documents: names as strings, not categories.
    df["doc"] = df["doc"].astype(STR)
    return df


def _entity_table(entities: _core.Entities, names: list[str]) -> pd.DataFrame:
    return frames.entity_table_of(entities.table_columns(names))


def _entity_table_of(df: pd.DataFrame) -> pd.DataFrame:
    # As Corpus.entity_table() orders it.
    df = df[["entity", "name", "label", "aliases", "docs", "mentions"]]
    return df.sort_values(["mentions", "entity"], ascending=[False, True], ignore_index=True)


_task = dask_alignment._task


def _tree(items: list[Delayed], merge: Callable[[list[Any]], Any], name: str) -> Delayed:
    """``items`` merged by ``merge`` in a tree of tasks, ``FAN_IN`` at a time, order kept
    (what a partition's mentions gather must be merged in document order)."""
    level = 0
    while len(items) > 1:
        items = [
            _task(merge, f"{name}-{level}-{i}", items[i : i + FAN_IN])
            for i in range(0, len(items), FAN_IN)
        ]
        level += 1
    return items[0]


Pins = Callable[[str], list[str]]


def _pins(partition_tasks: Mapping[str, int], workers: Sequence[str]) -> Pins | None:
    """Where the tasks that read a partition (its files, its claims and their corpus) run:
    partition i on ``workers[i % len(workers)]``, as Dask's ``workers`` annotation (a
    function of the task's key; other tasks get no restriction). A partition's claims keep
    its corpus, which does not travel: a task run on another worker would move the claims
    there and make the corpus again, a whole partition's analysis (benches/DASK.md,
    session 31). Restrictions are loose: should the worker be lost, its tasks run
    elsewhere. The function is a defaultdict's lookup, which a scheduler unpickles
    without crosswire."""
    if not workers:
        return None
    pinned = collections.defaultdict(list)
    for key, i in partition_tasks.items():
        pinned[key] = [workers[i % len(workers)]]
    return pinned.__getitem__


def _placed(pins: Pins | None) -> contextlib.AbstractContextManager[None]:
    """The context in which work submitted to the cluster runs where ``pins`` says."""
    if pins is None:
        return contextlib.nullcontext()
    return dask.annotate(workers=pins, allow_other_workers=True)


def _move_paused_work(client: Client) -> None:
    """Has the scheduler place again the work waiting on a worker paused for long (its
    memory full): with stealing off nothing else moves it (``crosswire.dask_paused``).
    Sent by value: the scheduler may not have crosswire."""
    import cloudpickle  # type: ignore[import-untyped]

    cloudpickle.register_pickle_by_value(dask_paused)
    client.register_plugin(dask_paused.PausedWorkMover())


def _replaced(part: _core.Partition) -> list[tuple[str, int, int]]:
    return part.replaced


@functools.cache
def _metas() -> dict[str, pd.DataFrame]:
    """Empty tables with the columns and types of the real ones (Dask's ``meta``)."""
    corpus = Corpus.from_texts(["Kyiv said on Monday that 30 people were hurt."], names=["x"])
    tables = _tables_of(corpus)
    tables.append(_entity_table_of(corpus.entity_table()))
    metas = {name: df.iloc[:0] for name, df in zip(TABLES, tables)}
    return {**metas, **dask_alignment.metas(), "documents": documents_table(corpus).iloc[:0]}


def _parquet_schema(df: dd.DataFrame) -> Any:
    """The table's Arrow schema, with the types of object columns an empty frame cannot
    show: lists of strings (a claim's entities, an entity's aliases), or strings."""
    import pyarrow as pa

    lists = {"entities", "figures", "when", "aliases", "docs"}
    schema = pa.Schema.from_pandas(df._meta, preserve_index=False)
    for column in _object_columns(df._meta):
        kind = pa.list_(pa.string()) if column in lists else pa.string()
        schema = schema.set(schema.get_field_index(column), pa.field(column, kind))
    return schema


def _concatenated(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """A table's partitions as one frame (empty partitions left out, as they carry no
    types of their own for pandas to reconcile; all of them when all are empty)."""
    rows = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(rows, ignore_index=True)


def _object_columns(df: pd.DataFrame) -> list[str]:
    return [c for c, t in df.dtypes.items() if pd.api.types.is_object_dtype(t)]


def _in_process_types() -> Any:
    """Dask's config under which tables keep the types the in-process ones have (Dask would
    turn object columns of strings into pyarrow strings, None into NA)."""
    return dask.config.set({"dataframe.convert-string": False})


@dataclass
class DaskAnalysis:
    """The tables of a corpus analysed on a cluster, as Dask DataFrames with the columns of
    the in-process ones (``doc`` as strings: each partition knows its own documents)."""

    entities: dd.DataFrame
    claims: dd.DataFrame
    entity_table: dd.DataFrame
    pairs: dd.DataFrame
    groups: dd.DataFrame
    documents: dd.DataFrame
    names: list[str]
    client: Client
    _own_cluster: LocalCluster | None = None
    _own_client: bool = False
    _pins: Pins | None = None

    def compute(self, *names: str) -> dict[str, pd.DataFrame]:
        """Every table (or the tables ``names``) as pandas, as in-process: ``doc`` as the
        categorical of document names, groups in the order of ``Alignment.groups()`` (for
        corpora whose tables fit in memory)."""
        names = names or TABLES
        # Coverage is counted from the groups (long form on the cluster would be cheaper past
        # memory; this is the in-process table).
        frames = [t for t in names if t != "coverage"]
        if "coverage" in names and "groups" not in frames:
            frames.append("groups")
        # Each table's partitions are gathered as they are and concatenated here: computing
        # the DataFrame would concatenate them on one worker first, beside what it holds (at
        # 100,000 articles a table's gigabytes, past the worker's memory limit).
        with _in_process_types():
            parts = [getattr(self, t).to_delayed() for t in frames]
            with _placed(self._pins):
                computed = self.client.compute(parts, sync=True)
        tables = {t: _concatenated(parts) for t, parts in zip(frames, computed)}
        for name, df in tables.items():
            # A column is str when all its values are, as pandas infers it for the whole
            # table in-process; partitions inferred it each for their own rows.
            for column in _object_columns(df):
                df[column] = pd.Series(df[column].tolist(), index=df.index)
            if name in ("entities", "claims"):
                df["doc"] = pd.Categorical(df["doc"], categories=self.names)
            tables[name] = df
        if "groups" in tables:
            # As Alignment.groups() orders it (each partition's rows are in claim order).
            tables["groups"] = (
                tables["groups"]
                .sort_values(["group", "doc", "start"], kind="stable")
                .reset_index(drop=True)
            )
        if "coverage" in names:
            groups = tables["groups"]
            tables["coverage"] = _coverage_table(
                list(groups["group"]), list(groups["doc"]), self.names
            )
        return {name: tables[name] for name in names}

    def analysis(self) -> Analysis:
        """Every table as a :class:`~crosswire.Analysis` (pandas, as ``Analysis.from_corpus``
        gives it), for corpora whose tables fit in memory."""
        tables = self.compute(*TABLES, "documents", "coverage")
        return Analysis(**{name: tables[name] for name in (*TABLES, "documents", "coverage")})

    def to_parquet(self, path: str | os.PathLike[str]) -> Path:
        """Writes each table to ``path/<table>/`` (one file per partition). Written in a
        hidden folder beside them and moved into place table by table once all are
        written, so an interrupted run leaves no half-written table under its name."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        staging = out / f".tmp-{uuid.uuid4().hex}"
        try:
            writes = [
                getattr(self, name).to_parquet(
                    staging / name,
                    compute=False,
                    write_index=False,
                    schema=_parquet_schema(getattr(self, name)),
                )
                for name in TABLES
            ]
            with _placed(self._pins):
                self.client.compute(writes, sync=True)
            for name in TABLES:
                target = out / name
                if target.exists():
                    shutil.rmtree(target)
                (staging / name).rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return out

    def close(self) -> None:
        """Closes the client and cluster ``analyze`` made (none when the caller gave a
        client)."""
        if self._own_client:
            self.client.close()
            self._own_client = False
        if self._own_cluster is not None:
            self._own_cluster.close()
            self._own_cluster = None

    def __enter__(self) -> DaskAnalysis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def analyze(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    client: Client | str | None = None,
    *,
    partition_docs: int | None = None,
    recursive: bool = False,
    patterns: Patterns | None = None,
    errors: str = "strict",
    workers: int | None = None,
    persist: bool = True,
    block: int | None = None,
) -> DaskAnalysis:
    """Analyses the articles of ``paths`` (see :func:`list_files`) on a Dask cluster:
    ``client`` (a ``distributed.Client`` or a scheduler address), else with ``workers`` a
    :func:`local_cluster` of that many processes, else the current client, else a
    :func:`local_cluster` of this machine. What ``analyze`` starts, ``DaskAnalysis.close``
    (or leaving its ``with`` block) closes.

    ``partition_docs``: documents per partition; by default :func:`sized_partitions` for
    the cluster's worker threads (the tables are the same whatever the partitioning).

    ``persist``: the work is submitted at once and its tables kept on the cluster: the
    tables compute from it (``compute``, ``analysis``, ``to_parquet`` read them without
    running anything again), which costs the workers' memory a corpus's tables. With
    ``persist=False`` nothing runs until asked for, and ``to_parquet`` runs the analysis
    once, writing each partition's tables as they are made and dropping them: for corpora
    whose tables do not fit in the workers' memory (each other call runs it all again).
    ``block``: how many partitions' candidate pairs are judged at a time (default: the
    cluster's worker threads, at least 2); the views their judging builds are in flight
    for those partitions only.

    The tasks that read a partition run on one worker, the partitions dealt out over the
    workers present at the call (loosely: a lost worker's run elsewhere). On a cluster
    :func:`local_cluster` did not start, turn Dask's work stealing off
    (``distributed.scheduler.work-stealing: False``): a stolen task moves a partition's
    claims, whose corpus is then made again where they land. The unstarted work of a
    worker paused for 10 s (its memory full) is placed again on the running workers
    (``crosswire.dask_paused``).
    Invalid UTF-8 raises :class:`~crosswire.DecodeError` (``errors="strict"``) or is replaced
    with a ``UnicodeWarning`` (``errors="replace"``), as ``Corpus.from_dir`` does."""
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    if partition_docs is not None and partition_docs < 1:
        raise ValueError(f"partition_docs must be at least 1, not {partition_docs}")
    files, names = list_files(paths, recursive=recursive)
    patterns = _as_patterns(patterns)
    rows = core_rows(patterns)
    own_cluster = None
    own_client = isinstance(client, str) or (client is None and workers is not None)
    if isinstance(client, str):
        client = Client(client)
    elif client is None and workers is not None:
        own_cluster = local_cluster(workers)
        client = Client(own_cluster)
    elif client is None:
        try:
            client = get_client()
        except ValueError:
            own_cluster = local_cluster(workers)
            client = Client(own_cluster)
            own_client = True

    _move_paused_work(client)
    if partition_docs is None:
        partition_docs = sized_partitions(len(files), _slots(client))
    token = dask.base.tokenize(files, names, errors, rows, _core.__version__, partition_docs)
    parts = [
        _task(
            _core.Partition,
            f"cw-partition-{token}-{i}",
            files[start : start + partition_docs],
            names[start : start + partition_docs],
            start,
            errors,
            rows,
        )
        for i, start in enumerate(range(0, len(files), partition_docs))
    ]
    keys_of = [_task(_keys, f"cw-keys-{token}-{i}", p) for i, p in enumerate(parts)]
    keys = _tree(keys_of, _core.merge_keys, f"cw-merge-keys-{token}")
    clustering = _task(_core.Clustering, f"cw-clustering-{token}", keys)
    gathered_of = [
        _task(_gathered, f"cw-gathered-{token}-{i}", p, clustering) for i, p in enumerate(parts)
    ]
    gathered = _tree(gathered_of, _core.absorb, f"cw-absorb-{token}")
    entities = _task(_core.Entities.finish, f"cw-entities-{token}", gathered, rows)
    starts = list(range(0, len(files), partition_docs))
    tables = [
        delayed(_tables, pure=True, nout=3)(
            *(p, clustering, entities, patterns, start, dask_kept.name(token, i)),
            dask_key_name=f"cw-tables-{token}-{i}",
        )
        for i, (p, start) in enumerate(zip(parts, starts))
    ]
    entity_table = _task(_entity_table, f"cw-entity-table-{token}", entities, names)
    n = len(parts)
    claims = [t[1] for t in tables]
    if block is None:
        block = max(2, _slots(client))
    pairs, groups, reading = dask_alignment.align(
        [t[2] for t in tables],
        claims,
        [names[s : s + partition_docs] for s in starts],
        starts,
        token,
        block,
    )
    documents = [
        _task(_documents, f"cw-documents-{token}-{i}", p, clustering, entities, patterns)
        for i, p in enumerate(parts)
    ]
    replaced = [_task(_replaced, f"cw-replaced-{token}-{i}", p) for i, p in enumerate(parts)]
    # Every task that reads partition i, on partition i's worker.
    per_partition = [parts, keys_of, gathered_of, tables, documents, replaced]
    reading |= {t.key: i for tasks in per_partition for i, t in enumerate(tasks)}
    reading |= {t[k].key: i for i, t in enumerate(tables) for k in range(3)}
    pins = _pins(reading, sorted(client.scheduler_info()["workers"]))
    every = [t[0] for t in tables] + claims + [entity_table] + pairs + groups
    # One graph, persisted at once (or left to run when asked for).
    with _placed(pins):
        persisted = client.persist(every) if persist else every
    if errors == "replace":
        # Asked while the partitions are in flight for the tables: read once, not twice.
        with _placed(pins):
            replaced = client.compute(replaced, sync=True)
        for file, count, offset in (r for part in replaced for r in part):
            warnings.warn(
                f"{file}: replaced {count} invalid UTF-8 sequence(s), the first at byte offset {offset}",
                UnicodeWarning,
                stacklevel=2,
            )
    meta = _metas()
    with _in_process_types():
        return DaskAnalysis(
            entities=dd.from_delayed(persisted[:n], meta=meta["entities"], verify_meta=False),
            claims=dd.from_delayed(persisted[n : 2 * n], meta=meta["claims"], verify_meta=False),
            entity_table=dd.from_delayed(
                persisted[2 * n : 2 * n + 1], meta=meta["entity_table"], verify_meta=False
            ),
            pairs=dd.from_delayed(
                persisted[2 * n + 1 : 3 * n + 1], meta=meta["pairs"], verify_meta=False
            ),
            groups=dd.from_delayed(persisted[3 * n + 1 :], meta=meta["groups"], verify_meta=False),
            documents=dd.from_delayed(documents, meta=meta["documents"], verify_meta=False),
            names=names,
            client=client,
            _own_cluster=own_cluster,
            _own_client=own_client,
            _pins=pins,
        )
