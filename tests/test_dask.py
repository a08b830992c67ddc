"""crosswire.dask: the same corpus gives the same tables in-process and on a 2-worker
LocalCluster (ids, entity rows, claims, the entity table, the alignment's pairs and groups),
whatever the partitioning; a worker killed mid-run loses and duplicates nothing. Skipped
without dask.distributed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import crosswire as cw
import numpy as np
import pandas as pd
import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("distributed")
from crosswire import dask as cwd  # noqa: E402
from crosswire import dask_kept  # noqa: E402
from distributed import Client  # noqa: E402
from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

SHARED = REPO.parent / "shared"
needs_shared = pytest.mark.skipif(
    not (SHARED / "data" / "conll2003").is_dir(), reason="../shared is not beside the clone"
)
ARTICLES = 640
PARTITION = 160


@pytest.fixture(scope="module")
def client():
    cluster = cwd.local_cluster(2)
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    sys.path.insert(0, str(REPO / "benches"))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(REPO / "benches"))
    out = tmp_path_factory.mktemp("generated")
    make_corpus.build(out, ARTICLES, seed=11, jobs=2)
    return out


def tables_of(corpus: cw.Corpus) -> dict[str, pd.DataFrame]:
    alignment = corpus.align()
    return {
        "entities": corpus.entities(),
        "claims": corpus.claims(),
        "entity_table": corpus.entity_table(),
        "pairs": alignment.pairs(),
        "groups": alignment.groups(),
    }


@pytest.fixture(scope="module")
def corpus(generated) -> cw.Corpus:
    return cw.Corpus.from_dir(generated)


@pytest.fixture(scope="module")
def in_process(corpus) -> dict[str, pd.DataFrame]:
    return tables_of(corpus)


def same_tables(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> None:
    for name in cwd.TABLES:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)


class Executed(WorkerPlugin):
    """Records the keys of the tasks a worker runs."""

    def setup(self, worker) -> None:
        self.keys: list[str] = []

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish == "executing":
            self.keys.append(str(key))


@needs_shared
def test_tables_gather_into_the_client_without_a_worker_concatenating_them(client, generated):
    # Concatenated on a worker, a large corpus's table lands beside all the worker holds
    # (at 100,000 articles it pushed both past their memory limit); nor is anything of the
    # persisted analysis run again.
    import distributed

    result = cwd.analyze(generated, client, partition_docs=PARTITION)
    distributed.wait(client.persist([result.pairs, result.claims]))
    client.register_plugin(Executed(), name="executed")
    try:
        got = result.compute("pairs", "claims")
        ran = client.run(lambda dask_worker: dask_worker.plugins["executed"].keys)
    finally:
        client.unregister_worker_plugin("executed")
    ran = [k for keys in ran.values() for k in keys]
    assert not [k for k in ran if "repartition" in k or "concat" in k or "cw-" in k]
    assert len(got["pairs"]) > 100 and len(got["claims"]) > 1000


@needs_shared
def test_the_cluster_gives_the_in_process_tables(client, generated, in_process):
    result = cwd.analyze(generated, client, partition_docs=PARTITION)
    assert result.claims.npartitions == ARTICLES // PARTITION
    got = result.compute()
    same_tables(got, in_process)
    # Not a trivial corpus: ids shared across partitions, spellings merged.
    table = in_process["entity_table"]
    first = {d: i // PARTITION for i, d in enumerate(result.names)}
    spread = table["docs"].map(lambda docs: len({first[d] for d in docs}))
    assert (spread == ARTICLES // PARTITION).any()
    assert (table["aliases"].map(len) > 1).sum() > 50
    # Pairs and groups across partitions, of every relation.
    part = {d: i // PARTITION for i, d in enumerate(result.names)}
    pairs = in_process["pairs"]
    across = pairs["doc_a"].map(part) != pairs["doc_b"].map(part)
    assert set(pairs.loc[across, "relation"]) == {"agree", "conflict", "related"}
    groups = in_process["groups"]
    spread = groups.groupby("group")["doc"].agg(lambda d: len({part[x] for x in d}))
    assert (spread >= 3).any()


@needs_shared
def test_judged_in_blocks_and_not_persisted_the_tables_are_the_same(client, generated, in_process):
    # Sixteen partitions judged one at a time (each partition's picks wait for the judging
    # of the one before): a gate before each partition's picks but the first's and the
    # last's (it picks from no later partition), so several blocks ran, and nothing kept
    # on the cluster between calls. Sixteen: from there Dask splits a groupby's result.
    from distributed import get_task_stream

    n = 16
    result = cwd.analyze(generated, client, partition_docs=ARTICLES // n, block=1, persist=False)
    assert result.claims.npartitions == n
    with get_task_stream(client) as stream:
        got = result.compute()
    same_tables(got, in_process)
    gates = {t["key"] for t in stream.data if "-pairs-done-" in str(t["key"])}
    assert len(gates) == n - 2
    ran_where_pinned(result, stream.data)
    # Picks come from later partitions only (a < b): n (n - 1) / 2, not n (n - 1).
    picks = {t["key"] for t in stream.data if "-pairs-pick-" in str(t["key"])}
    assert len(picks) == n * (n - 1) // 2


def worker_status(client: Client) -> dict[str, str]:
    """Each worker's status as the scheduler holds it. Not ``client.scheduler_info()``:
    the client's periodic refresh replaces that copy with one that lists no workers, so
    a read between the fetch and the return can miss them (a CI flake)."""
    return client.run_on_scheduler(
        lambda dask_scheduler: {a: ws.status.name for a, ws in dask_scheduler.workers.items()}
    )


def ran_where_pinned(result: cwd.DaskAnalysis, tasks: list[dict]) -> None:
    """Every task that reads a partition's claims or files ran on that partition's worker
    (moved, the claims make their corpus again: a partition's analysis for one task), and
    the partitions are spread over both workers."""
    workers = sorted(worker_status(result.client))
    placed = {}
    for t in tasks:
        key = str(t["key"])
        if "-tables-" in key or "-pick-" in key or "-judge-" in key:
            pin = result._pins(t["key"])
            assert pin, f"{key} is not pinned"
            assert t["worker"] == pin[0], f"{key} ran on {t['worker']}, pinned to {pin[0]}"
            placed[key] = pin[0]
    assert set(placed.values()) == set(workers)
    assert sum("-pick-" in k for k in placed) >= 28


@needs_shared
def test_the_generated_corpus_has_common_keys_across_partitions(corpus):
    # The equality above covers both ways keys pair on the cluster: rare keys where their
    # holders meet, common ones (more than FULL_POSTING holders, paired in profile order)
    # with profiles made in the claims' partitions, holders in every partition.
    from crosswire import _core
    from crosswire import dask_alignment as da

    pc = _core.PartitionClaims(corpus._core, 0)
    sigs = da._signatures(pc, 0)
    reps = da._signature_reps(
        sigs, da._first_of_repeated(sigs.groupby("sig")["claim"].agg(["min", "size"]))
    )
    keyed = da._keyed(pc, 0, reps)
    docs = corpus.claims()["doc"].cat.codes.to_numpy()
    keyed["part"] = docs[keyed["claim"].to_numpy()] // PARTITION
    by = keyed.groupby("key")
    common = by.size() > _core.FULL_POSTING
    assert common.sum() >= 3
    assert (by["part"].nunique()[common] == ARTICLES // PARTITION).any()


@needs_shared
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client, generated, in_process):
    result = cwd.analyze(generated, client, partition_docs=ARTICLES // 5)

    # Once the alignment has keyed its claims (P4) or judged copies (P5), kill the worker
    # holding most of its pieces: they, and the claims they came from, are recomputed.
    def in_p4_p5(key: object) -> bool:
        return "cw-align" in str(key) and ("-keyed-" in str(key) or "-copy-" in str(key))

    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        held = {w: [k for k in ks if in_p4_p5(k)] for w, ks in client.has_what().items()}
        victim = max(held, key=lambda w: len(held[w]))
        if held[victim]:
            break
        time.sleep(0.05)
    else:
        pytest.fail("no piece of the alignment was ever held by a worker")
    pid = client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, 9)
    got = result.compute()
    assert victim not in worker_status(client), "the worker was not lost"
    same_tables(got, in_process)
    assert not got["claims"]["claim"].duplicated().any()
    assert not got["pairs"].duplicated(["claim_a", "claim_b"]).any()


class PausedAtFirstTables(WorkerPlugin):
    """A worker plugin that pauses the workers at ``addresses`` as their first partition's
    tables start, as Dask pauses a worker at 80% of its memory limit, for good: the
    cluster it runs on watches no memory (``distributed.worker.memory.pause: False``), so
    nothing resumes it. Its later tables were placed on it already and wait there."""

    def __init__(self, *addresses: str):
        self.addresses = addresses

    def setup(self, worker) -> None:
        self.worker = worker

    def transition(self, key, start, finish, **kwargs) -> None:
        if (
            finish == "executing"
            and "cw-tables-" in str(key)
            and self.worker.address in self.addresses
        ):
            # After the transition: pausing is itself an event of the worker's state machine.
            self.worker.loop.add_callback(self.pause)

    def pause(self) -> None:
        from distributed.core import Status

        if self.worker.status == Status.running:
            self.worker.status = Status.paused


@needs_shared
def test_a_worker_paused_mid_run_does_not_hang_the_run(generated, in_process):
    # Session 32's 100,000-article run waited forever on a worker paused by its memory
    # holding ready tasks (stealing off, spilling off). Here the first partition's worker
    # pauses as its tables start, and the other must finish the run.
    from distributed import futures_of, wait

    config = {**cwd.CLUSTER_CONFIG, "distributed.worker.memory.pause": False}
    with cwd.local_cluster(2, config) as cluster, Client(cluster) as client:
        paused = sorted(worker_status(client))[0]
        client.register_plugin(PausedAtFirstTables(paused), name="paused-at-first-tables")
        result = cwd.analyze(generated, client, partition_docs=PARTITION)
        tables = [getattr(result, name) for name in cwd.TABLES]
        try:
            wait(futures_of(tables), timeout=240)
        except TimeoutError:
            pytest.fail("the run waited 240 s on the paused worker")
        assert worker_status(client)[paused] == "paused"
        moved = [e for _, e in client.get_events("crosswire") if e.get("worker") == paused]
        assert moved and all(e["tasks"] > 0 for e in moved)
        same_tables(result.compute(), in_process)


@needs_shared
def test_a_worker_lost_while_the_other_is_paused_does_not_hang_the_run(generated, in_process):
    # Session 32's run as it happened: one worker lost (its nanny starts a new one), the
    # other paused holding work. The new worker must take the paused one's work too.
    from distributed import futures_of, wait

    config = {**cwd.CLUSTER_CONFIG, "distributed.worker.memory.pause": False}
    with cwd.local_cluster(2, config) as cluster, Client(cluster) as client:
        paused, lost = sorted(worker_status(client))
        client.register_plugin(PausedAtFirstTables(paused), name="paused-at-first-tables")
        result = cwd.analyze(generated, client, partition_docs=PARTITION)
        deadline = time.monotonic() + 240
        while worker_status(client).get(paused) != "paused":
            assert time.monotonic() < deadline, "the worker never paused"
            time.sleep(0.05)
        os.kill(client.run(os.getpid, workers=[lost])[lost], 9)
        tables = [getattr(result, name) for name in cwd.TABLES]
        try:
            wait(futures_of(tables), timeout=240)
        except TimeoutError:
            pytest.fail("the run waited 240 s on the paused worker")
        workers = worker_status(client)
        assert lost not in workers and workers[paused] == "paused"
        # The lost worker's tasks found no running worker, and Dask left them there.
        actions = {e["action"] for _, e in client.get_events("crosswire")}
        assert actions == {"paused-work-moved", "stranded-work-placed"}
        same_tables(result.compute(), in_process)


def write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


WIRE = (
    "KYIV (Reuters) - Ukrainian President Volodymyr Zelensky said on Monday that Russian "
    "forces had shelled Kherson overnight, killing 12 civilians. Kuleba said the attack was "
    "a war crime. The governor of the region, Yaroslav Yanushevych, said 40 homes burned."
)


def corner_cases(folder: Path) -> Path:
    """One document per partition: a name spelled differently in each, a lone surname whose
    only owner is in another partition, a wire article republished almost unchanged in
    every partition."""
    return write(
        folder,
        {
            "01": "Volodímir Zelenski said the talks had failed, Kherson officials reported.",
            "02": WIRE,
            "03": "Stremousov told reporters that the bridge was closed. " + WIRE,
            "04": "Kirill Stremousov, the installed deputy, said on Tuesday the city was calm.",
            "05": WIRE.replace("Reuters", "AP").replace("40 homes", "40 houses"),
            "06": "Zelenskiy thanked allies. Dmytro Kuleba, the foreign minister, agreed.",
        },
    )


def test_corner_cases_across_partitions(client, tmp_path):
    folder = corner_cases(tmp_path / "corner")
    want = tables_of(cw.Corpus.from_dir(folder))
    got = cwd.analyze(folder, client, partition_docs=1).compute()
    same_tables(got, want)
    ents = got["entities"]
    ids = set(ents.loc[ents["text"].str.contains("Zelensk"), "entity"])
    assert ids == {"PERSON:volodymyr_zelensky"}, ids
    lone = ents[(ents["doc"] == "03") & (ents["text"] == "Stremousov")]
    assert list(lone["entity"]) == ["PERSON:kirill_stremousov"]
    wire = got["claims"].groupby("text")["doc"].nunique()
    assert wire.max() >= 3


def test_wire_copy_in_every_partition_is_judged_once_per_copy(client, tmp_path):
    """One article republished word for word in four partitions (and once reworded): its
    claims are copies of the first partition's, each paired with its representative once
    and in its group; the rewording is judged as a claim of its own."""
    articles = {f"{i:02}": WIRE for i in range(4)}
    articles["04"] = WIRE.replace("40 homes burned", "homes burned")
    articles["05"] = "Kuleba said the talks in Geneva had failed. Moscow denied shelling Kherson."
    folder = write(tmp_path / "wire", articles)
    want = tables_of(cw.Corpus.from_dir(folder))
    got = cwd.analyze(folder, client, partition_docs=1).compute()
    same_tables(got, want)
    pairs, groups = got["pairs"], got["groups"]
    copies = pairs[(pairs["doc_a"] == "00") & pairs["doc_b"].isin(["01", "02", "03"])]
    per_claim = copies.groupby("claim_a")["doc_b"].agg(sorted)
    assert len(per_claim) >= 2 and all(d == ["01", "02", "03"] for d in per_claim)
    assert set(copies["relation"]) == {"agree"}
    # Copies are paired with their representative only, never with one another.
    assert not ((pairs["doc_a"] == "01") & (pairs["doc_b"] == "02")).any()
    carried = groups[groups["doc"].isin(["00", "01", "02", "03"])].groupby("group")["doc"].nunique()
    assert (carried == 4).sum() >= 2


def test_copies_are_judged_in_their_own_partition(client, tmp_path):
    # A wire story republished in every partition. Judged in its first's partition, the
    # views of every copy met there (the first partitions' copy judging grew with the
    # corpus); each partition now judges its own copies, the firsts' views picked once from
    # theirs, so no copy judge takes in more than one partition's copies.
    from distributed import get_task_stream

    k = 6
    folder = write(
        tmp_path / "wire",
        {f"{i:02}": f"{WIRE} Officials in town {i} counted {10 + i} shelters." for i in range(k)},
    )
    want = tables_of(cw.Corpus.from_dir(folder))
    result = cwd.analyze(folder, client, partition_docs=1, persist=False)
    with get_task_stream(client) as stream:
        got = result.compute()
    same_tables(got, want)
    # Its three claims in the first article, agreeing with each copy.
    assert (want["pairs"]["relation"] == "agree").sum() >= 3 * (k - 1)
    picked: dict[int, list[int]] = {}
    for t in stream.data:
        if "-copy-pick-" in str(t["key"]):
            judging = int(str(t["key"]).rsplit("-", 2)[1])
            picked.setdefault(judging, []).append(t["nbytes"])
    largest = max(b for sizes in picked.values() for b in sizes)
    assert largest > 1000
    assert all(sum(sizes) < 1.5 * largest for sizes in picked.values()), picked


def test_the_analysis_from_the_cluster_is_the_in_process_one(client, tmp_path):
    folder = corner_cases(tmp_path / "corner")
    got = cwd.analyze(folder, client, partition_docs=2).analysis()
    want = cw.Analysis.from_corpus(cw.Corpus.from_dir(folder))
    for name in ("documents", *cwd.TABLES, "coverage"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name), obj=name)


def test_nested_folders_are_read_with_recursive_and_named_by_path(client, tmp_path):
    write(tmp_path / "2024-05" / "herald", {"0001": WIRE})
    write(tmp_path / "2024-05" / "post", {"0001": WIRE.replace("Reuters", "AP")})
    write(tmp_path, {"top": "Kuleba said the talks failed."})
    files, names = cwd.list_files(tmp_path, recursive=True)
    assert names == ["2024-05/herald/0001", "2024-05/post/0001", "top"]
    assert cwd.list_files(tmp_path)[1] == ["top"]
    got = cwd.analyze(tmp_path, client, recursive=True, partition_docs=2).compute()
    assert list(got["claims"]["doc"].cat.categories) == names
    assert set(got["claims"]["doc"]) == set(names)


def test_invalid_utf8_raises_decode_error_from_the_workers(client, tmp_path):
    write(tmp_path, {"a": "Kyiv said so."})
    (tmp_path / "b.txt").write_bytes(b"Kyiv said \xff so.")
    result = cwd.analyze(tmp_path, client, partition_docs=1)
    with pytest.raises(cw.DecodeError, match="b.txt"):
        result.compute()
    with pytest.warns(UnicodeWarning, match="b.txt"):
        replaced = cwd.analyze(tmp_path, client, partition_docs=1, errors="replace")
    assert "\ufffd" in replaced.compute()["claims"]["text"].iloc[-1]


def test_parquet_holds_every_table(client, tmp_path):
    folder = corner_cases(tmp_path / "corner")
    result = cwd.analyze(folder, client, partition_docs=2)
    out = result.to_parquet(tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == sorted(cwd.TABLES)
    claims = pd.read_parquet(out / "claims")
    assert list(claims["claim"]) == list(result.compute()["claims"]["claim"])


def test_parquet_without_persisting_writes_every_table_once(client, tmp_path):
    folder = corner_cases(tmp_path / "corner")
    want = tables_of(cw.Corpus.from_dir(folder))
    result = cwd.analyze(folder, client, partition_docs=2, persist=False)
    out = result.to_parquet(tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == sorted(cwd.TABLES)
    assert len(list((out / "claims").glob("*.parquet"))) == 3  # one file per partition
    for name in ("claims", "pairs"):
        got = pd.read_parquet(out / name)
        assert list(got["claim" if name == "claims" else "claim_a"]) == list(
            want[name]["claim" if name == "claims" else "claim_a"]
        )
    assert list(pd.read_parquet(out / "pairs")["score"]) == list(want["pairs"]["score"])


def core_of(folder: Path) -> cw._core.Corpus:
    """A folder's corpus as the core holds it (a source of partition claims' corpus)."""
    return cw.Corpus.from_dir(folder)._core


def test_partition_claims_moved_make_their_corpus_again_or_say_they_cannot(tmp_path):
    # Their views are built from their corpus, which does not travel: unpickled, they make
    # it again from their source (Dask moved them), or without one say so.
    import functools
    import pickle

    folder = corner_cases(tmp_path / "corner")
    corpus = cw.Corpus.from_dir(folder)
    bare = cw._core.PartitionClaims(corpus._core, 0)
    sourced = cw._core.PartitionClaims(corpus._core, 0, functools.partial(core_of, folder))
    wanted = (0).to_bytes(4, "little") + (3).to_bytes(4, "little")  # claims 0 and 3
    picked = bare.pick(0, wanted)
    assert len(picked) > 10
    for pc in (bare, sourced):
        back = pickle.loads(pickle.dumps(pc))
        assert len(back) == len(pc) > 3
        assert back.signatures() == pc.signatures()
    assert pickle.loads(pickle.dumps(sourced)).pick(0, wanted) == picked
    with pytest.raises(ValueError, match="without their corpus"):
        pickle.loads(pickle.dumps(bare)).pick(0, wanted)


#: The folders whose corpus ``counted_core_of`` made, in order.
MADE: list[Path] = []


def counted_core_of(folder: Path) -> cw._core.Corpus:
    MADE.append(folder)
    return core_of(folder)


def test_claims_read_back_where_their_corpus_is_kept_do_not_make_it_again(tmp_path):
    # Dask spills claims to disk past a worker's memory threshold and reads them back in
    # the same process: the corpus kept there serves them, not a new analysis. Released,
    # or read back in another process, they make it again.
    import functools
    import pickle

    folder = corner_cases(tmp_path / "corner")
    core = cw.Corpus.from_dir(folder)._core
    source = dask_kept.KeptCorpus("test-kept-0", functools.partial(counted_core_of, folder), core)
    pc = cw._core.PartitionClaims(core, 0, source)
    wanted = (0).to_bytes(4, "little") + (3).to_bytes(4, "little")
    picked = pc.pick(0, wanted)
    MADE.clear()
    try:
        assert pickle.loads(pickle.dumps(pc)).pick(0, wanted) == picked
        assert MADE == []
    finally:
        dask_kept.release("test-kept-0")
    assert pickle.loads(pickle.dumps(pc)).pick(0, wanted) == picked
    assert MADE == [folder]


def two_partitions(folder: Path) -> tuple[list, cw._core.Clustering, cw._core.Entities, int]:
    """A folder's articles as two partitions, with the corpus's clustering and records, and
    the second's first document."""
    files, names = cwd.list_files(folder)
    half = len(files) // 2
    parts = [
        cw._core.Partition(files[:half], names[:half], 0),
        cw._core.Partition(files[half:], names[half:], half),
    ]
    clustering = cw._core.Clustering(cw._core.merge_keys([p.keys() for p in parts]))
    gathered = cw._core.absorb([p.gathered(clustering) for p in parts])
    return parts, clustering, cw._core.Entities.finish(gathered), half


def test_claims_pickle_with_their_partitions_ids_not_the_corpus_clustering(tmp_path):
    # Each spill of a partition's claims writes what they pickle with: the partition's own
    # share of the ids, which makes its corpus again elsewhere as the clustering would. The
    # clustering and records are the whole corpus's (at 100,000 articles most of what the
    # workers wrote to disk).
    import pickle

    parts, clustering, entities, half = two_partitions(corner_cases(tmp_path / "corner"))
    part = parts[1]
    want = cwd._tables_of(cw.Corpus(part.with_ids(clustering, entities)))[1]
    _, claims, pc = cwd._tables(part, clustering, entities, None, half, "test-ids-1")
    try:
        pickled = pickle.dumps(pc)
    finally:
        dask_kept.release("test-ids-1")
    assert b"Clustering" not in pickled and b"Entities" not in pickled
    pd.testing.assert_frame_equal(claims, want)
    again = pickle.loads(pickled)
    wanted = np.arange(len(pc), dtype="<u4").tobytes()
    assert len(pc) > 3
    assert again.pick(0, wanted) == pc.pick(0, wanted)  # made again, from its ids


def test_a_resolution_of_another_partition_is_refused(tmp_path):
    parts, clustering, entities, _ = two_partitions(corner_cases(tmp_path / "corner"))
    with pytest.raises(ValueError, match="not of this partition"):
        parts[1].with_resolution(parts[0].resolution(clustering, entities))


def test_claims_count_their_corpus_only_when_nothing_else_holds_it(tmp_path):
    # A worker keeps each partition's corpus apart from Dask's data: spilling the claims
    # would not free it, so Dask is not told it would.
    from dask.sizeof import sizeof

    folder = corner_cases(tmp_path / "corner")
    text = sum(len(Path(f).read_bytes()) for f in cwd.list_files(folder)[0])
    core = core_of(folder)
    pc = cw._core.PartitionClaims(core, 0)
    shared = sizeof(pc)
    del core
    alone = sizeof(pc)
    assert alone - shared >= 5 * text


@needs_shared
def test_workers_spilling_everything_make_no_corpus_again(generated, in_process):
    # Past their memory target workers spill what they hold to disk, a partition's claims
    # too; read back, the claims took their corpus from the worker that keeps it (at
    # 100,000 articles with the tables persisted, each read made it again: a partition's
    # analysis per task). A target of a byte spills every result as it is made.
    config = {**cwd.CLUSTER_CONFIG, "distributed.worker.memory.target": 1e-9}
    with cwd.local_cluster(2, config) as cluster, Client(cluster) as client:
        result = cwd.analyze(generated, client, partition_docs=PARTITION)
        got = result.compute()
        spilled = client.run(lambda dask_worker: len(dask_worker.data.slow))
        made = client.run(dask_kept.made_again)
        assert all(n > 0 for n in spilled.values())
        assert sum(made.values()) == 0, made
        kept = client.run(lambda: len(dask_kept.KEPT))
        assert sum(kept.values()) == 0  # released once judged
    same_tables(got, in_process)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosswire", *args], capture_output=True, timeout=300
    )


def test_the_cli_runs_on_a_local_cluster_or_a_scheduler(client, tmp_path):
    folder = corner_cases(tmp_path / "corner")
    runs = [
        (["claims"], ["--workers", "2"]),
        (["entities", "--table", "entities"], ["--scheduler", client.scheduler.address]),
        (["align"], ["--scheduler", client.scheduler.address]),
        (["align", "--table", "groups"], ["--workers", "2"]),
        (["align", "--table", "coverage"], ["--scheduler", client.scheduler.address]),
    ]
    for command, cluster in runs:
        local = cli(*command, str(folder), "--format", "jsonl")
        assert local.returncode == 0, local.stderr.decode()
        assert local.stdout.count(b"\n") > 5
        p = cli(*command, str(folder), "--format", "jsonl", "--partition-docs", "2", *cluster)
        assert p.returncode == 0, p.stderr.decode()
        assert p.stdout == local.stdout, (command, cluster)


def test_the_cli_refuses_cluster_options_that_do_not_fit(tmp_path):
    p = cli("claims", "--sample", "--workers", "2")
    assert p.returncode == 2 and b"not --sample" in p.stderr
    p = cli("claims", str(tmp_path), "--workers", "2", "--scheduler", "tcp://x:1")
    assert p.returncode == 2 and b"not both" in p.stderr


def test_partitions_are_sized_to_the_workers():
    # As many partitions for each worker thread, at most 2000 documents each.
    assert cwd.sized_partitions(10_000, 2) == 1667  # 6 partitions, not 5 of 2000
    assert cwd.sized_partitions(2_000, 2) == 1000
    assert cwd.sized_partitions(100_000, 2) == 2000  # 50
    assert cwd.sized_partitions(100_001, 2) == 1924  # 52 partitions: 51 would leave one alone
    assert cwd.sized_partitions(5, 4) == 2
    assert cwd.sized_partitions(3, 0) == 3  # no worker joined yet: one slot


def test_tasks_are_pinned_to_their_partitions_worker_and_others_are_free():
    import pickle

    pins = cwd._pins({"cw-tables-t-0": 0, "cw-tables-t-1": 1, "cw-align-pick-t-0-2": 2}, ["a", "b"])
    # Unpickled as the scheduler does (without crosswire: a dict's lookup).
    pins = pickle.loads(pickle.dumps(pins))
    assert pins("cw-tables-t-0") == ["a"]
    assert pins("cw-tables-t-1") == ["b"]
    assert pins("cw-align-pick-t-0-2") == ["a"]
    assert pins("getitem-123") == []  # no restriction
    assert cwd._pins({"x": 0}, []) is None  # no worker yet: nothing pinned


def test_the_core_objects_tell_dask_their_size(tmp_path):
    from dask.sizeof import sizeof

    folder = corner_cases(tmp_path / "corner")
    files, names = cwd.list_files(folder)
    part = cw._core.Partition(files, names, 0)
    text = sum(len(Path(f).read_bytes()) for f in files)
    assert sizeof(part) >= 5 * text  # not the 40 bytes of a bare Python object


def test_the_local_cluster_runs_with_crosswires_settings_and_leaves_the_callers(client):
    # The module's cluster is local_cluster's: its workers, those restarted after the killed
    # one too, sample no stacks and time their event loop twice a second (Dask's defaults:
    # every 10 ms and every 20 ms).
    import dask

    def settings() -> tuple:
        return (
            dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"),
        )

    ours = (
        cwd.CLUSTER_CONFIG["distributed.worker.profile.enabled"],
        cwd.CLUSTER_CONFIG["distributed.admin.tick.interval"],
    )
    assert ours == (False, "500ms")
    assert set(client.run(settings).values()) == {ours}
    # No work stealing: it would move partitions' claims off the workers they are pinned to.
    assert not client.run_on_scheduler(
        lambda dask_scheduler: "stealing" in dask_scheduler.extensions
    )
    # With no worker running for 10 minutes (all paused, spilling off), tasks waiting for
    # one fail with Dask's NoWorkerError rather than wait forever (Dask's default: never).
    assert client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.no_workers_timeout) == 600
    # Dask's defaults here, in the process that started the cluster.
    assert settings() == (True, "20ms")


def naive_split(df: pd.DataFrame, column: str, offsets: list[int]) -> tuple[pd.DataFrame, ...]:
    parts = [sum(c >= o for o in offsets[1:]) for c in df[column]]
    return tuple(
        df[pd.Series([p == i for p in parts], dtype=bool)] for i in range(len(offsets) - 1)
    )


@given(
    st.lists(st.integers(0, 99), max_size=60),
    st.lists(st.integers(1, 99), max_size=5).map(lambda cuts: sorted(set(cuts))),
)
def test_split_sends_each_row_to_its_claims_partition_in_order(claims, cuts):
    from crosswire import dask_alignment as da

    offsets = [0, *cuts, 100]
    df = pd.DataFrame({"a": pd.Series(claims, dtype="uint32"), "row": range(len(claims))})
    got = da._split(df, "a", offsets)
    want = naive_split(df, "a", offsets)
    assert len(got) == len(offsets) - 1
    for g, w in zip(got, want):
        assert list(g["row"]) == list(w["row"])
        assert list(g["a"]) == list(w["a"])


@given(st.sets(st.tuples(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1)), max_size=40))
def test_the_pairs_table_merges_copies_and_judged_pairs_in_claim_order(pairs):
    from crosswire import dask_alignment as da
    from crosswire.alignment import PAIR_COLUMNS

    rows = sorted(pairs)
    cut = len(rows) // 3

    def frame(part: list[tuple[int, int]]) -> pd.DataFrame:
        df = pd.DataFrame(
            {c: [f"{c}{a}-{b}" for a, b in part] for c in PAIR_COLUMNS}, columns=PAIR_COLUMNS
        )
        df.insert(0, "b", pd.Series([b for _, b in part], dtype="uint32"))
        df.insert(0, "a", pd.Series([a for a, _ in part], dtype="uint32"))
        return df

    # Copies and judged pairs: each sorted, interleaved with one another.
    copies, judged = frame(rows[::3][:cut]), frame([r for r in rows if r not in rows[::3][:cut]])
    got = da._pairs_table(copies, judged)
    assert list(got.columns) == PAIR_COLUMNS
    assert list(got["claim_a"]) == [f"claim_a{a}-{b}" for a, b in rows]
    assert got.index.equals(pd.RangeIndex(len(rows)))


def test_a_shuffle_over_many_partitions_is_built_without_optimizing_the_graph(monkeypatch):
    # Handed a list of Delayed values, Dask optimizes and culls the whole graph so far once
    # per element: a shuffle's joins then took longer than cubic time in the partitions.
    import importlib

    import dask
    from crosswire import dask_alignment as da
    from dask import delayed

    module = importlib.import_module("dask.delayed")  # `dask.delayed` is the function
    finalized = []
    finalize = module._finalize_args_collections
    monkeypatch.setattr(
        module,
        "_finalize_args_collections",
        lambda *a: finalized.append(1) or finalize(*a),
    )
    n = 6
    frames = [
        delayed(pd.DataFrame)({"claim": [i, 10 * i + 3, 59 - i]}, dask_key_name=f"frame-{i}")
        for i in range(n)
    ]
    offsets = [10 * i for i in range(n + 1)]
    joined = da._exchange(frames, "claim", offsets, n, "test", "token")
    assert finalized == []
    # Each partition gets the rows of its claims, in the frames' order.
    got = [list(df["claim"]) for df in dask.compute(*joined, scheduler="sync")]
    want = [
        [c for i in range(n) for c in (i, 10 * i + 3, 59 - i) if o <= c < o + 10]
        for o in offsets[:-1]
    ]
    assert got == want


def test_the_corpus_reductions_keep_every_key_however_many_partitions():
    # Left to itself, Dask splits a groupby's result once there are 16 or more partitions,
    # and the alignment read only the first part: most terms' counts were lost.
    from crosswire import dask_alignment as da
    from dask import delayed

    n = 40
    counts = [
        delayed(pd.DataFrame)(
            {
                "key": pd.Series([i, i + 1, 1000 + i % 3], dtype="uint64"),
                "df": pd.Series([1, 2, 1], dtype="uint32"),
                "top": pd.Series([0.5, 1.5, float(i)], dtype="float32"),
            }
        )
        for i in range(n)
    ]
    totals = da._term_totals(counts).compute(scheduler="sync")
    assert sorted(totals.index) == [*range(n + 1), 1000, 1001, 1002]
    assert totals.loc[5, "df"] == 1 + 2  # from frames 5 and 4
    assert totals.loc[1000, "top"] == 39.0  # the highest of frames 0, 3, ..., 39
    sigs = [
        delayed(pd.DataFrame)(
            {
                "sig": pd.Series([i, 10_000], dtype="uint64"),
                "claim": pd.Series([2 * i, 2 * i + 1], dtype="uint32"),
            }
        )
        for i in range(n)
    ]
    repeated = da._repeated(sigs).compute(scheduler="sync")
    assert len(repeated) == n + 1  # every signature
    assert repeated.loc[10_000].tolist() == [1, n]  # its first claim and how many hold it
