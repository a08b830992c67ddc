//! The claims, claim figures and groups tables as columns (see `columns.rs`), written claim
//! by claim from the core's results: each column walks the claims once and writes its cells
//! straight into its buffer, so a table step holds the output plus one column in flight,
//! never a row object per claim.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::claim_row::ClaimRow;
use super::claims::claim_layer;
use super::columns::{Columns, Strings};
use super::entities::values;
use super::pool;
use crate::align::frames::Role;
use crate::claims::link::LinkedClaim;
use crate::corpus::Corpus;

/// Reads one end of a span of a claim (a column of the claims table).
type SpanOf = fn(&ClaimRow<'_>) -> Option<usize>;

/// A string column of `rows`, the cell made by `cell` (an owned string, as claim ids are).
fn owned_strs<'a>(
    cols: &Columns<'_>,
    name: &str,
    rows: impl Iterator<Item = ClaimRow<'a>>,
    cell: impl Fn(&ClaimRow<'a>) -> Option<String>,
) -> PyResult<()> {
    let mut strings = Strings::new()?;
    for r in rows {
        strings.push(cell(&r).as_deref())?;
    }
    cols.put_strs(name, strings)
}

/// Every claim of the corpus as a row, in document then text order.
fn in_order<'a>(
    corpus: &'a Arc<Corpus>,
    layer: &'a [Vec<LinkedClaim>],
) -> impl Iterator<Item = ClaimRow<'a>> {
    (layer.iter().enumerate())
        .flat_map(move |(d, cs)| cs.iter().map(move |c| ClaimRow::new(corpus, d, c)))
}

/// The columns the claims and groups tables share: claim, start, end, text, speaker,
/// polarity, figures.
fn shared<'a, I: Iterator<Item = ClaimRow<'a>>>(
    cols: &Columns<'_>,
    rows: impl Fn() -> I,
) -> PyResult<()> {
    owned_strs(cols, "claim", rows(), |r| Some(r.id()))?;
    cols.ints("start", rows().map(|r| r.start() as i64))?;
    cols.ints("end", rows().map(|r| r.end() as i64))?;
    cols.strs_in_place("text", |put| rows().for_each(|r| put(r.text())))?;
    cols.strs("speaker", rows().map(|r| r.speaker()))?;
    cols.words("polarity", rows().map(|r| Some(r.polarity())))?;
    cols.str_lists(
        "figures",
        rows().map(|r| r.figures().map(move |(_, x)| r.mention_text(x))),
    )
}

/// Columns of the claims table: one row per claim, in document then text order.
pub fn claim_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let layer = claim_layer(py, corpus)?;
    let rows = || in_order(corpus, layer);
    let cols = Columns::sized(py, layer.iter().map(Vec::len).sum())?;
    shared(&cols, rows)?;
    cols.codes("doc", rows().map(|r| r.d as u32))?;
    cols.strs("speaker_entity", rows().map(|r| r.speaker_entity()))?;
    cols.strs("pronoun", rows().map(|r| r.pronoun()))?;
    cols.strs("cue", rows().map(|r| r.cue()))?;
    cols.words("cue_class", rows().map(|r| r.cue_class()))?;
    cols.bools("hedged", rows().map(|r| r.hedged()))?;
    cols.words("quote", rows().map(|r| r.quote()))?;
    cols.str_lists("entities", rows().map(|r| r.entities()))?;
    cols.str_lists("when", rows().map(|r| r.when()))?;
    owned_strs(&cols, "date", rows(), |r| r.date())?;
    // Where the speaker, pronoun and cue sit (code points): not columns of the public
    // table, which `frames.claims` keeps to design.md's; `frames.claim_spans` has them.
    let spans: [(&str, SpanOf); 6] = [
        ("speaker_start", |r| r.speaker_span().0),
        ("speaker_end", |r| r.speaker_span().1),
        ("pronoun_start", |r| r.pronoun_span().0),
        ("pronoun_end", |r| r.pronoun_span().1),
        ("cue_start", |r| r.cue_span().0),
        ("cue_end", |r| r.cue_span().1),
    ];
    for (name, f) in spans {
        cols.opt_ints(name, rows().map(|r| f(&r).map(|x| x as i64)))?;
    }
    // The main frame (design.md: `+ the frame`).
    let frames = || rows().map(|r| r.frame());
    cols.strs("predicate", frames().map(|f| f.map(|f| f.predicate())))?;
    cols.strs("event", frames().map(|f| f.and_then(|f| f.event())))?;
    for role in Role::ALL {
        cols.strs(role.name(), frames().map(|f| f.and_then(|f| f.role(role))))?;
    }
    cols.strs("modality", frames().map(|f| f.and_then(|f| f.modality())))?;
    Ok(cols.into_dict())
}

/// Columns of the claims' figures: one row per figure of a claim (claim, doc, and the
/// mention's start, end, text, label, value, unit, lower, upper, approximate).
pub fn claim_figure_columns<'py>(
    py: Python<'py>,
    corpus: &Arc<Corpus>,
) -> PyResult<Bound<'py, PyDict>> {
    let layer = claim_layer(py, corpus)?;
    let claims = || in_order(corpus, layer);
    // (claim, mention) per figure.
    let rows = || claims().flat_map(|r| r.figures().map(move |(_, x)| (r, x)));
    let n = layer.iter().flatten().map(|c| c.figures.len()).sum();
    let cols = Columns::sized(py, n)?;
    let mut ids = Strings::new()?;
    for (r, _) in rows() {
        ids.push(Some(&r.id()))?;
    }
    cols.put_strs("claim", ids)?;
    cols.codes("doc", rows().map(|(r, _)| r.d as u32))?;
    cols.ints("start", rows().map(|(r, x)| r.chars(x.start) as i64))?;
    cols.ints("end", rows().map(|(r, x)| r.chars(x.end) as i64))?;
    cols.strs("text", rows().map(|(r, x)| Some(r.mention_text(x))))?;
    cols.words("label", rows().map(|(_, x)| Some(x.label.as_str())))?;
    let figure = || rows().map(|(_, x)| values(x.normalised));
    cols.floats("value", figure().map(|v| v.0))?;
    cols.words("unit", figure().map(|v| v.1))?;
    cols.floats("lower", figure().map(|v| v.2))?;
    cols.floats("upper", figure().map(|v| v.3))?;
    cols.opt_bools("approximate", figure().map(|v| v.4))?;
    Ok(cols.into_dict())
}

/// The `groups` table of `corpus.align()` (one row per aligned claim), as columns: built
/// when asked for, never kept. Rows come sorted by group, document name and start, with
/// each group's claims and documents counted, so that pandas need not sort or group a
/// copy of the table.
pub fn group_columns<'py>(py: Python<'py>, corpus: &Arc<Corpus>) -> PyResult<Bound<'py, PyDict>> {
    let alignment = pool::stage(py, corpus, Corpus::try_alignment)?;
    let layer = claim_layer(py, corpus)?;
    let row = |i: u32| {
        let k = &alignment.claims[i as usize];
        let d = k.doc as usize;
        ClaimRow::new(corpus, d, &layer[d][k.index as usize])
    };
    let group = |i: u32| alignment.groups[i as usize];
    // A stable sort: ties keep the alignment's order, as pandas' stable sort did.
    let mut order: Vec<u32> = (0..alignment.claims.len() as u32).collect();
    order.sort_by_cached_key(|&i| (group(i), row(i).doc_name(), row(i).start()));
    // Each row's group size and number of distinct documents in its group.
    let mut sizes: Vec<(u32, u32)> = vec![(0, 0); order.len()];
    let mut first = 0;
    while first < order.len() {
        let g = group(order[first]);
        let run = order[first..]
            .iter()
            .take_while(|&&i| group(i) == g)
            .count();
        let slice = &order[first..first + run];
        let docs = 1 + slice
            .windows(2)
            .filter(|w| row(w[0]).doc_name() != row(w[1]).doc_name())
            .count();
        sizes[first..first + run].fill((run as u32, docs as u32));
        first += run;
    }
    let rows = || order.iter().map(|&i| row(i));
    let cols = Columns::sized(py, order.len())?;
    cols.ints("group", order.iter().map(|&i| group(i) as i64))?;
    shared(&cols, rows)?;
    cols.words("doc", rows().map(|r| Some(r.doc_name())))?;
    cols.ints("claims", sizes.iter().map(|s| s.0 as i64))?;
    cols.ints("docs", sizes.iter().map(|s| s.1 as i64))?;
    // Where those figures sit in the claim's text, for highlighting (not a public column):
    // start, end, start, end... per claim.
    cols.int_lists(
        "figure_spans",
        rows().map(|r| {
            let at = r.start() as i64;
            r.figures()
                .flat_map(move |(_, x)| [r.chars(x.start) as i64 - at, r.chars(x.end) as i64 - at])
        }),
    )?;
    Ok(cols.into_dict())
}
