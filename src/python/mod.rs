//! PyO3 bindings: classes and conversions only. Offsets cross the boundary as code points.

mod align;
mod claim_row;
mod claim_table;
mod claims;
mod columns;
mod corpus;
mod distributed;
mod entities;
mod errors;
mod frame;
mod memory;
mod partition;
mod pool;
mod spans;
mod syntax;

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::entities::label::Label;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<corpus::PyCorpus>()?;
    m.add_function(wrap_pyfunction!(align::compare, m)?)?;
    m.add_function(wrap_pyfunction!(align::compare_many, m)?)?;
    m.add_function(wrap_pyfunction!(align::compare_features, m)?)?;
    m.add_function(wrap_pyfunction!(spans::explain, m)?)?;
    m.add_function(wrap_pyfunction!(syntax::analyse_words, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::check_regex, m)?)?;
    m.add_class::<partition::PyPartition>()?;
    m.add_class::<partition::PyClustering>()?;
    m.add_class::<partition::PyEntities>()?;
    m.add_function(wrap_pyfunction!(partition::merge_keys, m)?)?;
    m.add_function(wrap_pyfunction!(partition::absorb, m)?)?;
    m.add_class::<distributed::PyPartitionClaims>()?;
    m.add_function(wrap_pyfunction!(distributed::corpus_idf_terms, m)?)?;
    m.add_function(wrap_pyfunction!(distributed::common_profiles, m)?)?;
    m.add("FULL_POSTING", crate::align::distributed::FULL_POSTING)?;
    m.add_function(wrap_pyfunction!(distributed::key_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(distributed::shared_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(distributed::claim_groups, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::list_articles, m)?)?;
    m.add_function(wrap_pyfunction!(memory::give_back, m)?)?;
    m.add_class::<claims::PyClaim>()?;
    m.add_class::<frame::PyFrame>()?;
    m.add_class::<corpus::PyDocument>()?;
    m.add_class::<spans::PyTokens>()?;
    m.add_class::<spans::PyToken>()?;
    m.add_class::<spans::PySentence>()?;
    m.add_class::<spans::PyBoilerplate>()?;
    m.add_class::<entities::PyEntity>()?;
    m.add("DecodeError", m.py().get_type::<errors::DecodeError>())?;
    // The one definition of the entity labels, and of which are figures and which dates (`Label`).
    let labels = |keep: fn(Label) -> bool| {
        Label::ALL
            .into_iter()
            .filter(|l| keep(*l))
            .map(Label::as_str)
            .collect::<Vec<_>>()
    };
    m.add("LABELS", PyTuple::new(m.py(), labels(|_| true))?)?;
    m.add(
        "FIGURE_LABELS",
        PyTuple::new(m.py(), labels(Label::is_figure))?,
    )?;
    m.add(
        "TIME_LABELS",
        PyTuple::new(m.py(), labels(Label::is_temporal))?,
    )?;
    Ok(())
}
