//! Table columns for pandas as flat buffers, not a Python object per cell: numbers as
//! little-endian bytes numpy reads in place, strings as Arrow offsets + data, few-valued
//! strings as codes into their sorted distinct values, lists as Arrow list offsets.
//!
//! Each column is a tuple `(kind, buffers...)` in a dict, decoded by
//! `crosswire/columns.py`. Every allocation here is fallible: a table Python cannot hold
//! raises `MemoryError`, never a panic or an abort.

use std::collections::HashMap;

use pyo3::exceptions::PyMemoryError;
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

/// The columns of one table, by name.
pub struct Columns<'py> {
    py: Python<'py>,
    dict: Bound<'py, PyDict>,
}

impl<'py> Columns<'py> {
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        // SAFETY: a new dict, owned, or NULL with a Python error set.
        let dict = unsafe {
            Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyDict_New())?.cast_into_unchecked()
        };
        Ok(Columns { py, dict })
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
        self.plain(name, "i64", &[&collect(values)?.v])
    }

    /// `("i64", values, missing)`: nullable Int64 (missing: one byte per row, 1 = missing).
    pub fn opt_ints(
        &self,
        name: &str,
        values: impl IntoIterator<Item = Option<i64>>,
    ) -> PyResult<()> {
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
        let values = collect(values.into_iter().map(|x| x.unwrap_or(f64::NAN)))?;
        self.plain(name, "f64", &[&values.v])
    }

    /// `("bool", values)`: bool, one byte per row.
    pub fn bools(&self, name: &str, values: impl IntoIterator<Item = bool>) -> PyResult<()> {
        let values = collect(values.into_iter().map(u8::from))?;
        self.plain(name, "bool", &[&values.v])
    }

    /// `("boolean", values, missing)`: pandas' nullable boolean.
    pub fn opt_bools(
        &self,
        name: &str,
        values: impl IntoIterator<Item = Option<bool>>,
    ) -> PyResult<()> {
        let (values, missing) = split(values.into_iter().map(|x| x.map(u8::from)), 0)?;
        self.plain(name, "boolean", &[&values.v, &missing.v])
    }

    /// `("codes", codes)`: int32 indices into a list Python holds (the document names).
    pub fn codes(&self, name: &str, values: impl IntoIterator<Item = u32>) -> PyResult<()> {
        let values = collect(values.into_iter().map(|x| x as i32))?;
        self.plain(name, "codes", &[&values.v])
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

fn collect<T: Copy>(values: impl IntoIterator<Item = T>) -> PyResult<Buf<T>> {
    let values = values.into_iter();
    let mut out = Buf::with_capacity(values.size_hint().0)?;
    for x in values {
        out.push(x)?;
    }
    Ok(out)
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
