//! Table columns for pandas as flat buffers, not a Python object per cell: numbers as
//! little-endian bytes numpy reads in place, strings as Arrow offsets + data, few-valued
//! strings as codes into their sorted distinct values, lists as Arrow list offsets.
//!
//! Each column is a tuple `(kind, buffers...)` in a dict, decoded by
//! `crosswire/columns.py`. Every allocation here is fallible: a table Python cannot hold
//! raises `MemoryError`, never a panic or an abort.

use std::collections::HashMap;

use pyo3::exceptions::{PyMemoryError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyDict, PyString, PyTuple};

/// A growable buffer whose growth fails with `MemoryError` instead of aborting.
pub struct Buf<T> {
    v: Vec<T>,
}

fn no_memory(what: &str) -> PyErr {
    PyMemoryError::new_err(format!("not enough memory for a table's {what}"))
}

impl<T: Copy> Buf<T> {
    pub fn with_capacity(n: usize) -> PyResult<Self> {
        let mut v = Vec::new();
        v.try_reserve_exact(n).map_err(|_| no_memory("column"))?;
        Ok(Buf { v })
    }

    #[inline]
    pub fn push(&mut self, x: T) -> PyResult<()> {
        if self.v.len() == self.v.capacity() {
            let more = self.v.len().max(64);
            self.v.try_reserve(more).map_err(|_| no_memory("column"))?;
        }
        self.v.push(x);
        Ok(())
    }

    fn extend(&mut self, xs: &[T]) -> PyResult<()> {
        self.v
            .try_reserve(xs.len())
            .map_err(|_| no_memory("column"))?;
        self.v.extend_from_slice(xs);
        Ok(())
    }

    fn len(&self) -> usize {
        self.v.len()
    }
}

impl<T> IntoIterator for Buf<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.v.into_iter()
    }
}

/// Numbers that cross as their little-endian bytes.
pub trait Plain: Copy {
    const SIZE: usize;
    fn put(self, out: &mut [u8]);
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Plain for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut [u8]) {
                out.copy_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
plain!(i64, i32, f64, u8);

/// A Python bytearray holding `values` (writable, so numpy arrays over it are too).
fn bytearray<'py, T: Plain>(py: Python<'py>, values: &[T]) -> PyResult<Bound<'py, PyByteArray>> {
    PyByteArray::new_with(py, values.len() * T::SIZE, |out| {
        for (x, chunk) in values.iter().zip(out.chunks_exact_mut(T::SIZE)) {
            x.put(chunk);
        }
        Ok(())
    })
    .map_err(|_| no_memory("buffer"))
}

/// A Python string, or MemoryError (PyO3's `PyString::new` panics when allocation fails).
fn string<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: the pointer and length describe valid UTF-8; the result is owned or NULL
    // with a Python error set.
    unsafe {
        let ptr = pyo3::ffi::PyUnicode_FromStringAndSize(s.as_ptr().cast(), s.len() as isize);
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked())
    }
}

/// Arrow's validity bitmap (bit set = value present), or None when nothing is missing.
fn validity<'py>(py: Python<'py>, present: &[bool]) -> PyResult<Option<Bound<'py, PyByteArray>>> {
    if present.iter().all(|&p| p) {
        return Ok(None);
    }
    let bytes = PyByteArray::new_with(py, present.len().div_ceil(8), |out| {
        for (i, _) in present.iter().enumerate().filter(|(_, &p)| p) {
            out[i / 8] |= 1 << (i % 8);
        }
        Ok(())
    })
    .map_err(|_| no_memory("validity"))?;
    Ok(Some(bytes))
}

fn wrong_rows(n: usize) -> PyErr {
    PyRuntimeError::new_err(format!("a table column has not {n} rows as its table"))
}

/// `n` rows of numbers written straight into one new bytearray per buffer (no Rust copy
/// first): `row` gives each row's values, one per buffer.
fn direct<'py, T: Plain, const K: usize>(
    py: Python<'py>,
    n: usize,
    values: impl IntoIterator<Item = [T; K]>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let arrays = (0..K)
        .map(|_| PyByteArray::new_with(py, n * T::SIZE, |_| Ok(())))
        .collect::<PyResult<Vec<_>>>()
        .map_err(|_| no_memory("buffer"))?;
    // SAFETY: the bytearrays are new and not shared yet; nothing runs Python code (which
    // could resize them) while the slices live.
    let mut outs: Vec<&mut [u8]> = arrays.iter().map(|a| unsafe { a.as_bytes_mut() }).collect();
    let mut count = 0;
    for row in values {
        if count == n {
            return Err(wrong_rows(n));
        }
        let at = count * T::SIZE;
        for (x, out) in row.into_iter().zip(outs.iter_mut()) {
            x.put(&mut out[at..at + T::SIZE]);
        }
        count += 1;
    }
    if count != n {
        return Err(wrong_rows(n));
    }
    Ok(arrays.into_iter().map(Bound::into_any).collect())
}

/// `n` optional numbers straight into two new bytearrays: the values (0 where missing)
/// and one byte per row, 1 where missing.
fn direct_opt<'py, T: Plain + Default>(
    py: Python<'py>,
    n: usize,
    values: impl IntoIterator<Item = Option<T>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let new = |len| PyByteArray::new_with(py, len, |_| Ok(())).map_err(|_| no_memory("buffer"));
    let (xs, missing) = (new(n * T::SIZE)?, new(n)?);
    // SAFETY: as in `direct`.
    let (out, flags) = unsafe { (xs.as_bytes_mut(), missing.as_bytes_mut()) };
    let mut count = 0;
    for x in values {
        if count == n {
            return Err(wrong_rows(n));
        }
        x.unwrap_or_default()
            .put(&mut out[count * T::SIZE..(count + 1) * T::SIZE]);
        flags[count] = u8::from(x.is_none());
        count += 1;
    }
    if count != n {
        return Err(wrong_rows(n));
    }
    Ok(vec![xs.into_any(), missing.into_any()])
}

/// The columns of one table, by name.
pub struct Columns<'py> {
    py: Python<'py>,
    dict: Bound<'py, PyDict>,
    /// The table's rows, when known before its columns are written: its number columns
    /// then go straight into their bytearrays.
    rows: Option<usize>,
}

impl<'py> Columns<'py> {
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        // SAFETY: a new dict, owned, or NULL with a Python error set.
        let dict = unsafe {
            Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyDict_New())?.cast_into_unchecked()
        };
        Ok(Columns {
            py,
            dict,
            rows: None,
        })
    }

    /// The columns of a table of `rows` rows (every column must have that many).
    pub fn sized(py: Python<'py>, rows: usize) -> PyResult<Self> {
        let mut cols = Columns::new(py)?;
        cols.rows = Some(rows);
        Ok(cols)
    }

    /// Number columns written straight into bytearrays when the rows are known, else
    /// gathered first (then `plain`).
    fn numbers<T: Plain, const K: usize>(
        &self,
        name: &str,
        kind: &str,
        values: impl IntoIterator<Item = [T; K]>,
    ) -> PyResult<()> {
        if let Some(n) = self.rows {
            let parts = direct(self.py, n, values)?;
            return self.set(name, kind, parts);
        }
        let mut bufs: Vec<Buf<T>> = (0..K)
            .map(|_| Buf::with_capacity(0))
            .collect::<PyResult<_>>()?;
        for row in values {
            for (x, b) in row.into_iter().zip(bufs.iter_mut()) {
                b.push(x)?;
            }
        }
        let slices: Vec<&[T]> = bufs.iter().map(|b| b.v.as_slice()).collect();
        self.plain(name, kind, &slices)
    }

    pub fn into_dict(self) -> Bound<'py, PyDict> {
        self.dict
    }

    /// A column of `kind` whose buffers are all numbers of one type.
    fn plain<T: Plain>(&self, name: &str, kind: &str, buffers: &[&[T]]) -> PyResult<()> {
        let parts = buffers
            .iter()
            .map(|b| self.bytes(b))
            .collect::<PyResult<_>>()?;
        self.set(name, kind, parts)
    }

    fn bytes<T: Plain>(&self, values: &[T]) -> PyResult<Bound<'py, PyAny>> {
        Ok(bytearray(self.py, values)?.into_any())
    }

    fn set(&self, name: &str, kind: &str, parts: Vec<Bound<'py, PyAny>>) -> PyResult<()> {
        let mut items = vec![string(self.py, kind)?.into_any()];
        items.extend(parts);
        self.dict
            .set_item(string(self.py, name)?, PyTuple::new(self.py, items)?)
    }

    /// `("i64", values)`: int64.
    pub fn ints(&self, name: &str, values: impl IntoIterator<Item = i64>) -> PyResult<()> {
        self.numbers(name, "i64", values.into_iter().map(|x| [x]))
    }

    /// `("i64", values, missing)`: nullable Int64 (missing: one byte per row, 1 = missing).
    pub fn opt_ints(
        &self,
        name: &str,
        values: impl IntoIterator<Item = Option<i64>>,
    ) -> PyResult<()> {
        if let Some(n) = self.rows {
            let parts = direct_opt(self.py, n, values)?;
            return self.set(name, "i64", parts);
        }
        let (values, missing) = split(values, 0)?;
        self.set(
            name,
            "i64",
            vec![self.bytes(&values.v)?, self.bytes(&missing.v)?],
        )
    }

    /// `("f64", values)`: float64, NaN where missing.
    pub fn floats(
        &self,
        name: &str,
        values: impl IntoIterator<Item = Option<f64>>,
    ) -> PyResult<()> {
        self.numbers(
            name,
            "f64",
            values.into_iter().map(|x| [x.unwrap_or(f64::NAN)]),
        )
    }

    /// `("bool", values)`: bool, one byte per row.
    pub fn bools(&self, name: &str, values: impl IntoIterator<Item = bool>) -> PyResult<()> {
        self.numbers(name, "bool", values.into_iter().map(|x| [u8::from(x)]))
    }

    /// `("boolean", values, missing)`: pandas' nullable boolean.
    pub fn opt_bools(
        &self,
        name: &str,
        values: impl IntoIterator<Item = Option<bool>>,
    ) -> PyResult<()> {
        let row = |x: Option<bool>| [u8::from(x == Some(true)), u8::from(x.is_none())];
        self.numbers(name, "boolean", values.into_iter().map(row))
    }

    /// `("codes", codes)`: int32 indices into a list Python holds (the document names).
    pub fn codes(&self, name: &str, values: impl IntoIterator<Item = u32>) -> PyResult<()> {
        self.numbers(name, "codes", values.into_iter().map(|x| [x as i32]))
    }

    /// `("str", offsets, data, validity)`: Arrow large_string buffers (int64 offsets,
    /// UTF-8 data, validity bitmap or None).
    pub fn strs<'a>(
        &self,
        name: &str,
        values: impl IntoIterator<Item = Option<&'a str>>,
    ) -> PyResult<()> {
        let mut strings = Strings::new()?;
        for s in values {
            strings.push(s)?;
        }
        self.put_strs(name, strings)
    }

    /// `("str", offsets, data, None)` for a column with no missing value, written straight
    /// into its two bytearrays: `rows` gives each row's string to the callback, in order,
    /// and is walked twice (sizes, then bytes), so the column is never held twice (a Rust
    /// buffer and its copy) as `strs` holds it: for the long columns of large tables.
    pub fn strs_in_place(&self, name: &str, rows: impl Fn(&mut dyn FnMut(&str))) -> PyResult<()> {
        let (mut n, mut bytes) = (0usize, 0usize);
        rows(&mut |s| {
            n += 1;
            bytes += s.len();
        });
        let new =
            |len| PyByteArray::new_with(self.py, len, |_| Ok(())).map_err(|_| no_memory("buffer"));
        let (offsets, data) = (new((n + 1) * 8)?, new(bytes)?);
        // SAFETY: as in `direct`: new bytearrays, no Python code runs while the slices live.
        let (offs, out) = unsafe { (offsets.as_bytes_mut(), data.as_bytes_mut()) };
        let (mut row, mut at, mut same) = (0usize, 0usize, true);
        rows(&mut |s| {
            if row == n || at + s.len() > bytes {
                same = false;
                return;
            }
            out[at..at + s.len()].copy_from_slice(s.as_bytes());
            at += s.len();
            row += 1;
            offs[row * 8..(row + 1) * 8].copy_from_slice(&(at as i64).to_le_bytes());
        });
        if !same || row != n || at != bytes {
            return Err(PyRuntimeError::new_err(format!(
                "the column {name} changed between its two passes"
            )));
        }
        let none = self.py.None().into_bound(self.py);
        self.set(name, "str", vec![offsets.into_any(), data.into_any(), none])
    }

    /// A string column filled by the caller (as `strs`).
    pub fn put_strs(&self, name: &str, strings: Strings) -> PyResult<()> {
        self.set(name, "str", strings.parts(self.py)?)
    }

    /// `("words", codes, values)`: few-valued strings as int32 codes (-1 missing) into
    /// their distinct values, sorted (as pandas sorts a categorical's categories).
    pub fn words<'a>(
        &self,
        name: &str,
        values: impl IntoIterator<Item = Option<&'a str>>,
    ) -> PyResult<()> {
        let mut seen: HashMap<&'a str, i32> = HashMap::new();
        let mut distinct: Vec<&'a str> = Vec::new();
        let mut codes = Buf::with_capacity(0)?;
        for s in values {
            let code = match s {
                Some(s) => *seen.entry(s).or_insert_with(|| {
                    distinct.push(s);
                    distinct.len() as i32 - 1
                }),
                None => -1,
            };
            codes.push(code)?;
        }
        let mut order: Vec<usize> = (0..distinct.len()).collect();
        order.sort_by_key(|&i| distinct[i]);
        let mut rank = vec![0i32; distinct.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r as i32;
        }
        for c in codes.v.iter_mut().filter(|c| **c >= 0) {
            *c = rank[*c as usize];
        }
        let sorted = order
            .iter()
            .map(|&i| string(self.py, distinct[i]))
            .collect::<PyResult<Vec<_>>>()?;
        self.set(
            name,
            "words",
            vec![
                bytearray(self.py, &codes.v)?.into_any(),
                PyTuple::new(self.py, sorted)?.into_any(),
            ],
        )
    }

    /// `("strs", list offsets, offsets, data)`: a list of strings per row (Arrow
    /// large_list<large_string>, no missing values).
    pub fn str_lists<'a, L: IntoIterator<Item = &'a str>>(
        &self,
        name: &str,
        rows: impl IntoIterator<Item = L>,
    ) -> PyResult<()> {
        let mut lists = Buf::with_capacity(1)?;
        lists.push(0i64)?;
        let mut strings = Strings::new()?;
        for row in rows {
            for s in row {
                strings.push(Some(s))?;
            }
            lists.push(strings.len() as i64)?;
        }
        let mut parts = vec![bytearray(self.py, &lists.v)?.into_any()];
        parts.extend(strings.parts(self.py)?.into_iter().take(2));
        self.set(name, "strs", parts)
    }

    /// `("ints", list offsets, values)`: a list of int64 per row.
    pub fn int_lists<L: IntoIterator<Item = i64>>(
        &self,
        name: &str,
        rows: impl IntoIterator<Item = L>,
    ) -> PyResult<()> {
        let mut lists = Buf::with_capacity(1)?;
        lists.push(0i64)?;
        let mut values = Buf::with_capacity(0)?;
        for row in rows {
            for x in row {
                values.push(x)?;
            }
            lists.push(values.len() as i64)?;
        }
        self.set(
            name,
            "ints",
            vec![
                bytearray(self.py, &lists.v)?.into_any(),
                bytearray(self.py, &values.v)?.into_any(),
            ],
        )
    }
}

/// Values (`fill` where missing) and one byte per row, 1 where missing.
fn split<T: Copy>(
    values: impl IntoIterator<Item = Option<T>>,
    fill: T,
) -> PyResult<(Buf<T>, Buf<u8>)> {
    let values = values.into_iter();
    let n = values.size_hint().0;
    let (mut out, mut missing) = (Buf::with_capacity(n)?, Buf::with_capacity(n)?);
    for x in values {
        out.push(x.unwrap_or(fill))?;
        missing.push(u8::from(x.is_none()))?;
    }
    Ok((out, missing))
}

/// Arrow large_string buffers being filled.
pub struct Strings {
    offsets: Buf<i64>,
    data: Buf<u8>,
    present: Buf<bool>,
}

impl Strings {
    pub fn new() -> PyResult<Self> {
        let mut offsets = Buf::with_capacity(1)?;
        offsets.push(0)?;
        Ok(Strings {
            offsets,
            data: Buf::with_capacity(0)?,
            present: Buf::with_capacity(0)?,
        })
    }

    pub fn push(&mut self, s: Option<&str>) -> PyResult<()> {
        self.data.extend(s.unwrap_or("").as_bytes())?;
        self.offsets.push(self.data.len() as i64)?;
        self.present.push(s.is_some())
    }

    fn len(&self) -> usize {
        self.present.len()
    }

    fn parts<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let valid = match validity(py, &self.present.v)? {
            Some(v) => v.into_any(),
            None => py.None().into_bound(py),
        };
        Ok(vec![
            bytearray(py, &self.offsets.v)?.into_any(),
            bytearray(py, &self.data.v)?.into_any(),
            valid,
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_past_its_capacity() {
        let mut b = Buf::with_capacity(0).unwrap();
        for i in 0..1000i64 {
            b.push(i).unwrap();
        }
        assert_eq!(b.v, (0..1000).collect::<Vec<_>>());
    }
}
