//! A light English stemmer by suffix rules: enough to meet inflections (`deportations` /
//! `deportation` / `deported` → `deport`; `cities` / `city` → `citi`; `stopped` → `stop`)
//! without a dictionary. Stems are comparison keys, never shown to users.

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn has_vowel(s: &[u8]) -> bool {
    s.iter().any(|&c| is_vowel(c) || c == b'y')
}

/// Removes `suffix` when what is left has at least `min` letters and a vowel.
fn strip<'a>(w: &'a str, suffix: &str, min: usize) -> Option<&'a str> {
    let rest = w.strip_suffix(suffix)?;
    (rest.len() >= min && has_vowel(rest.as_bytes())).then_some(rest)
}

/// `stopp` → `stop`, but `kill`, `pass`, `buzz` keep their pair.
fn undouble(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 4
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z')
    {
        w[..n - 1].to_owned()
    } else {
        w.to_owned()
    }
}

/// The stem of a lower-case word. Non-ASCII words and short words stay as they are.
pub fn stem(word: &str) -> String {
    if word.len() <= 3
        || !word.is_ascii()
        || !word.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-')
    {
        return word.to_owned();
    }
    let mut w: String = word.to_owned();
    // Plurals and third person.
    if let Some(r) = strip(&w, "ies", 2) {
        w = format!("{r}i");
    } else if let Some(r) = strip(&w, "sses", 2) {
        w = format!("{r}ss");
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 3
    {
        w.pop();
    }
    // Participles: `-ing` and `-ed`, then undo the doubled consonant.
    for suffix in ["ing", "ed"] {
        if let Some(r) = strip(&w, suffix, 3) {
            w = undouble(r);
            break;
        }
    }
    // Derivations that keep the meaning of the verb: deport-ation, evacu-ate.
    for suffix in ["ations", "ation", "ition", "ions", "ion", "ment", "ly"] {
        if let Some(r) = strip(&w, suffix, 4) {
            w = r.to_owned();
            break;
        }
    }
    // `evacuate`, `evacuat(ed)`, `evacu(ation)` meet at `evacu`; `free` / `fre(ed)` at `fre`.
    if let Some(r) = strip(&w, "ate", 4)
        .or_else(|| strip(&w, "at", 5))
        .or_else(|| strip(&w, "e", 3))
    {
        w = r.to_owned();
    }
    if w.ends_with('y') && w.len() > 3 {
        w.pop();
        w.push('i');
    }
    w
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn inflections_meet() {
        let same = |a: &str, b: &str| assert_eq!(stem(a), stem(b), "{a} / {b}");
        same("deportation", "deportations");
        same("deportation", "deported");
        same("deport", "deports");
        same("evacuation", "evacuate");
        same("evacuated", "evacuating");
        same("cities", "city");
        same("stopped", "stop");
        same("killed", "kill");
        same("soldiers", "soldier");
        same("kilometers", "kilometer");
        same("freed", "free");
    }

    #[test]
    fn different_words_stay_apart() {
        assert_ne!(stem("killed"), stem("freed"));
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("kyiv"), "kyiv");
    }
}
