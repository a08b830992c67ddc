"""Every stage's time grows linearly with its input, for each shape of input that once made
a stage quadratic (issue 12): benches/growth.py run at small sizes, one shape per test, in
a subprocess of its own (one rayon thread, CPU time). Sizes are chosen so that the
quadratic stages of the old core grew 6x to 20x per 4x here; linear work grows about 4x."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import REPO

GROWTH = REPO / "benches" / "growth.py"

# shape -> scale (benches/growth.py SHAPES gives the size at scale 1)
SCALES = {
    "long_document": 8,  # item 2: the speaker lookup scanned every mention per claim
    "long_figures": 7,  # item 3: every figure and date of the document per claim
    "claim_chain": 1,  # item 3: a view carried the content of every claim before it
    "many_names": 3.3,  # item 4: all pairs of full names
    "names_in_one": 3,  # item 4: every capitalised word against every surname
    "many_copies": 2,  # item 6: copies are judged once
    "one_story": 2,
    "many_tiny": 4,
    "sample_repeated": 2,
}


def load_growth():
    spec = importlib.util.spec_from_file_location("growth", GROWTH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("shape", list(SCALES))
def test_stage_time_grows_linearly(shape):
    done = subprocess.run(
        [
            sys.executable,
            str(GROWTH),
            "--shapes",
            shape,
            "--scale",
            str(SCALES[shape]),
            "--repeats",
            "2",
            "--max-repeats",
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_growth_flags_quadratic_stages_and_not_linear_ones():
    growth = load_growth()
    sizes = [1, 4, 16]

    def times(n, claims):
        t = {s: 0.1 * n for s in growth.STAGES[:-1]}
        t["claims"] = claims
        return dict(t, pipeline=sum(t.values()))

    linear = [times(n, 0.1 * n) for n in sizes]
    quadratic = [times(n, 0.1 * n * n) for n in sizes]
    rows = [
        {"shape": "linear", "times": linear, "growth": growth.growth(linear, sizes, 0.02)},
        {"shape": "quad", "times": quadratic, "growth": growth.growth(quadratic, sizes, 0.02)},
    ]
    assert growth.failures(rows, 6.0) == [
        "quad/claims: 16.0x per 4x",
        "quad/pipeline: 8.0x per 4x",
    ]
    # Tiny times are noise: under the floor, no growth is read.
    tiny = [{s: 0.00005 * n * n for s in growth.STAGES} for n in sizes]
    assert growth.growth(tiny, sizes, 0.02)["claims"] == [1.0, 1.0, 1.0]
