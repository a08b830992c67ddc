//! Core errors as Python exceptions that say what was wrong and where.

use pyo3::create_exception;
use pyo3::exceptions::{
    PyFileNotFoundError, PyNotADirectoryError, PyOSError, PyPermissionError, PyValueError,
};
use pyo3::prelude::*;

use crate::corpus::CorpusError;

create_exception!(
    crosswire,
    DecodeError,
    PyValueError,
    "A file is not valid UTF-8. `path` and `offset` (in bytes) say where."
);

pub fn to_py(err: CorpusError) -> PyErr {
    let message = err.to_string();
    match err {
        CorpusError::Io { kind, .. } => match kind {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
            std::io::ErrorKind::NotADirectory => PyNotADirectoryError::new_err(message),
            _ => PyOSError::new_err(message),
        },
        CorpusError::Decode { path, offset, .. } => Python::attach(|py| {
            let err = DecodeError::new_err(message);
            let value = err.value(py);
            // Attributes for programs; the message already carries both for people. The path
            // as `os.fsdecode` gives it: lossless even where it is not UTF-8.
            let _ = value.setattr("path", path.as_os_str());
            let _ = value.setattr("offset", offset);
            err
        }),
        CorpusError::DuplicateName(_)
        | CorpusError::DuplicateFile { .. }
        | CorpusError::TooLarge { .. }
        | CorpusError::NoDocuments(_) => PyValueError::new_err(message),
    }
}
