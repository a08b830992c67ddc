//! PyO3 bindings: classes and conversions only. Offsets cross the boundary as code points.

mod align;
mod claims;
mod corpus;
mod entities;
mod errors;
mod pool;
mod spans;

use pyo3::prelude::*;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<corpus::PyCorpus>()?;
    m.add_function(wrap_pyfunction!(align::compare, m)?)?;
    m.add_function(wrap_pyfunction!(align::compare_many, m)?)?;
    m.add_function(wrap_pyfunction!(align::compare_features, m)?)?;
    m.add_class::<claims::PyClaim>()?;
    m.add_class::<corpus::PyDocument>()?;
    m.add_class::<spans::PyTokens>()?;
    m.add_class::<spans::PyToken>()?;
    m.add_class::<spans::PySentence>()?;
    m.add_class::<spans::PyBoilerplate>()?;
    m.add_class::<entities::PyEntity>()?;
    m.add("DecodeError", m.py().get_type::<errors::DecodeError>())?;
    Ok(())
}
