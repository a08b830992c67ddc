use super::*;

fn rel(a: &str, b: &str) -> (Relation, f64, String) {
    let j = compare(a, b);
    (j.relation, j.score, j.reason)
}

#[test]
fn killed_and_freed_are_different_claims() {
    let (r, _, why) = rel("It said 32 Russian military personnel were killed.", "Kyiv said 32 of its soldiers had been freed.");
    assert_ne!(r, Relation::Agree, "{why}");
    assert_ne!(r, Relation::Conflict, "{why}");
}

#[test]
fn incompatible_counts_conflict() {
    let (r, _, why) = rel(
        "As many as 20,000 people have fled Kherson.",
        "Closer to 1,000 people have fled Kherson.",
    );
    assert_eq!(r, Relation::Conflict, "{why}");
}

#[test]
fn compatible_counts_agree() {
    let (r, _, why) = rel(
        "Kherson, with a prewar population of nearly 300,000, has been left cold and dark.",
        "Kherson, with a population of around 300,000 before the war, is now cold and dark.",
    );
    assert_eq!(r, Relation::Agree, "{why}");
}

#[test]
fn alignment_is_the_same_whatever_the_thread_count() {
    let texts = [
        "Ukraine said 32 Russian soldiers were killed in Kherson. Moscow denies abusing civilians.",
        "Kyiv said at least 30 Russians were killed in Kherson. Russia was accused of looting homes.",
        "Moscow claims that as many as 20,000 people have fled, but Ukrainian officials put the figure at closer to 1,000.",
    ];
    let build = || {
        Corpus::new(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| crate::corpus::Document::new(i.to_string(), t.to_string(), None, None))
                .collect(),
        )
        .unwrap()
    };
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let a = one.install(|| align(&build()));
    let b = align(&build());
    assert_eq!(a.pairs, b.pairs);
    assert_eq!(a.groups, b.groups);
}
