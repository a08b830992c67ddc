//! Groups of claims that say the same thing: the connected components of the `agree`
//! pairs (union-find). Group numbers follow the position of each group's first claim, so
//! they depend only on the input, never on thread count.

struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n as u32).collect() }
    }

    fn find(&mut self, x: u32) -> u32 {
        let mut r = x;
        while self.parent[r as usize] != r {
            r = self.parent[r as usize];
        }
        let mut x = x;
        while self.parent[x as usize] != r {
            let next = self.parent[x as usize];
            self.parent[x as usize] = r;
            x = next;
        }
        r
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index is the root: the result does not depend on pair order.
        if ra < rb {
            self.parent[rb as usize] = ra;
        } else if rb < ra {
            self.parent[ra as usize] = rb;
        }
    }
}

/// The group number of each of `n` claims, given the agreeing pairs. Every claim has a
/// group (a claim no other agrees with is a group of one).
pub fn group(n: usize, agreeing: &[(u32, u32)]) -> Vec<u32> {
    let mut uf = UnionFind::new(n);
    for &(a, b) in agreeing {
        uf.union(a, b);
    }
    let mut number = vec![u32::MAX; n];
    let mut next = 0;
    (0..n as u32)
        .map(|i| {
            let r = uf.find(i) as usize;
            if number[r] == u32::MAX {
                number[r] = next;
                next += 1;
            }
            number[r]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn components_numbered_in_order() {
        assert_eq!(super::group(5, &[(3, 4), (1, 3)]), vec![0, 1, 2, 1, 1]);
    }
}
