//! Groups of claims that say the same thing. Agreement is not transitive (`A` agrees with
//! `B` on one clause, `B` with `C` on another), so chaining agreeing pairs (single link)
//! merges a whole topic into one group. Here two groups merge, strongest agreement first,
//! only when at least half of the pairs across them agree (average link over the agreement
//! graph): a claim joins a pair when it agrees with one of the two, a larger group only
//! when it agrees with half of it. So at least half of the pairs within a group agree, and
//! every claim of a group agrees with another of it. The merges depend only on the pairs
//! (by score, then claim indices), never on thread count; group numbers follow the position
//! of each group's first claim.

use std::collections::HashSet;

/// Share of the pairs across two groups that must agree for them to merge.
const MIN_AGREEING_SHARE: f64 = 0.5;

/// The group number of each of `n` claims, given the agreeing pairs `(a, b, score)`.
/// Every claim has a group (a claim no other agrees with is a group of one).
pub fn group(n: usize, agreeing: &[(u32, u32, f64)]) -> Vec<u32> {
    // Who agrees with whom, each pair once per side.
    let mut agrees_with: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b, _) in agreeing {
        if a != b {
            agrees_with[a as usize].push(b);
            agrees_with[b as usize].push(a);
        }
    }
    for others in &mut agrees_with {
        others.sort_unstable();
        others.dedup();
    }
    let mut order: Vec<&(u32, u32, f64)> = agreeing.iter().collect();
    order.sort_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then_with(|| (x.0, x.1).cmp(&(y.0, y.1)))
    });
    // `owner[i]`: the group (indexed by a member) claim i is in; `members[g]`: its claims.
    let mut owner: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    // Two groups, by their sizes (groups only grow), that did not merge: they will not
    // merge until one of them grows.
    let mut apart: HashSet<(usize, usize, usize, usize)> = HashSet::new();
    for &&(a, b, _) in &order {
        let (ga, gb) = (owner[a as usize], owner[b as usize]);
        if ga == gb {
            continue;
        }
        let tried = (
            ga.min(gb),
            ga.max(gb),
            members[ga.min(gb)].len(),
            members[ga.max(gb)].len(),
        );
        if apart.contains(&tried) {
            continue;
        }
        let (keep, gone) = if members[ga].len() >= members[gb].len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        // Agreeing pairs across the two groups, counted from the smaller one's side: each
        // claim is on that side only a few times (its group at least doubles each time).
        let cross = members[ga].len() * members[gb].len();
        let agreeing = members[gone]
            .iter()
            .flat_map(|&x| &agrees_with[x as usize])
            .filter(|&&y| owner[y as usize] == keep)
            .count();
        if (agreeing as f64) < MIN_AGREEING_SHARE * cross as f64 {
            apart.insert(tried);
            continue;
        }
        let moved = std::mem::take(&mut members[gone]);
        for &x in &moved {
            owner[x as usize] = keep;
        }
        members[keep].extend(moved);
    }
    numbered(&owner)
}

/// Group numbers from each claim's group owner: 0, 1, 2... in order of each group's first
/// claim.
fn numbered(owner: &[usize]) -> Vec<u32> {
    let mut number = vec![u32::MAX; owner.len()];
    let mut next = 0;
    owner
        .iter()
        .map(|&g| {
            if number[g] == u32::MAX {
                number[g] = next;
                next += 1;
            }
            number[g]
        })
        .collect()
}

/// Puts every copy in its representative's group (`rep[i]`, never after `i`), numbering
/// groups again by the position of their first claim.
pub fn follow_copies(groups: &[u32], rep: &[u32]) -> Vec<u32> {
    let mut number = vec![u32::MAX; groups.len()];
    let mut next = 0;
    rep.iter()
        .map(|&r| {
            let g = groups[r as usize] as usize;
            if number[g] == u32::MAX {
                number[g] = next;
                next += 1;
            }
            number[g]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{follow_copies, group};

    #[test]
    fn groups_numbered_in_order_of_first_claim() {
        assert_eq!(
            group(5, &[(3, 4, 0.9), (1, 3, 0.8), (1, 4, 0.7)]),
            vec![0, 1, 2, 1, 1]
        );
    }

    #[test]
    fn a_chain_is_not_one_group() {
        // 0-1-2-…-9, each agreeing only with its neighbours, strongest first.
        let chain: Vec<(u32, u32, f64)> =
            (0..9).map(|i| (i, i + 1, 0.9 - 0.01 * i as f64)).collect();
        let g = group(10, &chain);
        assert_eq!(g, vec![0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    }

    #[test]
    fn a_claim_joins_the_group_it_agrees_with_most() {
        // 0, 1, 2 agree with each other; 3 agrees with 2 only, more strongly than any of them.
        let pairs = [(0, 1, 0.7), (1, 2, 0.7), (0, 2, 0.7), (2, 3, 0.95)];
        // 2-3 merge first, then 0-1; {0, 1} and {2, 3} merge: half of the pairs across agree.
        assert_eq!(group(4, &pairs), vec![0, 0, 0, 0]);
        // With a fifth claim agreeing with 3 only, 4 stays out: it agrees with 1 of 4.
        let mut more = pairs.to_vec();
        more.push((3, 4, 0.6));
        assert_eq!(group(5, &more), vec![0, 0, 0, 0, 1]);
    }

    #[test]
    fn within_a_group_at_least_half_of_the_pairs_agree() {
        let pairs = [
            (0, 1, 0.9),
            (1, 2, 0.8),
            (2, 3, 0.95),
            (3, 4, 0.6),
            (4, 5, 0.85),
            (0, 5, 0.5),
            (1, 4, 0.55),
        ];
        let g = group(6, &pairs);
        let agree = |x: u32, y: u32| {
            pairs
                .iter()
                .any(|&(a, b, _)| (a, b) == (x.min(y), x.max(y)))
        };
        for k in 0..6u32 {
            let members: Vec<u32> = (0..6u32).filter(|&i| g[i as usize] == k).collect();
            if members.len() < 2 {
                continue;
            }
            let mut total = 0;
            let mut agreeing = 0;
            for (i, &x) in members.iter().enumerate() {
                assert!(
                    members.iter().any(|&y| y != x && agree(x, y)),
                    "{x} agrees with no one in its group"
                );
                for &y in &members[i + 1..] {
                    total += 1;
                    agreeing += agree(x, y) as usize;
                }
            }
            assert!(
                2 * agreeing >= total,
                "group {k}: {agreeing} of {total} pairs agree"
            );
        }
    }

    #[test]
    fn the_order_of_the_pairs_does_not_matter() {
        let mut pairs = vec![
            (0, 1, 0.9),
            (1, 2, 0.8),
            (0, 2, 0.7),
            (2, 3, 0.95),
            (3, 4, 0.6),
            (0, 4, 0.8),
        ];
        let g = group(5, &pairs);
        pairs.reverse();
        assert_eq!(group(5, &pairs), g);
    }

    /// The grouping with the agreeing pairs across two groups counted by looking at every
    /// pair of their claims.
    fn grouped_comparing_all_pairs(n: usize, agreeing: &[(u32, u32, f64)]) -> Vec<u32> {
        let agree: HashSet<(u32, u32)> = agreeing
            .iter()
            .map(|&(a, b, _)| (a.min(b), a.max(b)))
            .collect();
        let mut order: Vec<&(u32, u32, f64)> = agreeing.iter().collect();
        order.sort_by(|x, y| {
            y.2.total_cmp(&x.2)
                .then_with(|| (x.0, x.1).cmp(&(y.0, y.1)))
        });
        let mut owner: Vec<usize> = (0..n).collect();
        let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
        for &&(a, b, _) in &order {
            let (ga, gb) = (owner[a as usize], owner[b as usize]);
            if ga == gb {
                continue;
            }
            let agreeing = members[ga]
                .iter()
                .map(|&x| {
                    members[gb]
                        .iter()
                        .filter(|&&y| agree.contains(&(x.min(y), x.max(y))))
                        .count()
                })
                .sum::<usize>();
            if 2 * agreeing < members[ga].len() * members[gb].len() {
                continue;
            }
            let (keep, gone) = if members[ga].len() >= members[gb].len() {
                (ga, gb)
            } else {
                (gb, ga)
            };
            let moved = std::mem::take(&mut members[gone]);
            for &x in &moved {
                owner[x as usize] = keep;
            }
            members[keep].extend(moved);
        }
        super::numbered(&owner)
    }

    proptest::proptest! {
        /// Counting agreement from the smaller group's side groups as looking at every pair
        /// across the two groups does.
        #[test]
        fn grouping_is_the_same_as_comparing_all_pairs(
            pairs in proptest::collection::vec((0u32..12, 0u32..12, 0u8..5), 0..60),
        ) {
            let agreeing: Vec<(u32, u32, f64)> = pairs
                .iter()
                .filter(|(a, b, _)| a != b)
                .map(|&(a, b, s)| (a.min(b), a.max(b), s as f64 / 4.0))
                .collect();
            proptest::prop_assert_eq!(group(12, &agreeing), grouped_comparing_all_pairs(12, &agreeing));
        }
    }

    #[test]
    fn copies_join_their_representatives_group() {
        // Claims 0..5 in groups [0, 1, 1, 2, 3]; 3 is a copy of 0 and 4 of 1.
        let groups = [0, 1, 1, 2, 3];
        assert_eq!(
            follow_copies(&groups, &[0, 1, 2, 0, 1]),
            vec![0, 1, 1, 0, 1]
        );
    }
}
