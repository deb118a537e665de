//! Which HILs adjoin: connected components of the selected areas under a contiguity.
//!
//! Groups are numbered 1, 2, ... in order of their best-ranked member, so group 1 holds the
//! top-ranked HIL.
//!
//! ```
//! use hotspot_core::rank::groups::groups;
//! // 0-1-2 in a chain, 3 alone; all four selected; ranks 2, 1, 4, 3.
//! let neighbours = vec![vec![1], vec![0, 2], vec![1], vec![]];
//! let g = groups(&[true, true, true, true], &neighbours, &[Some(2), Some(1), Some(4), Some(3)]);
//! assert_eq!(g, vec![Some(1), Some(1), Some(1), Some(2)]);
//! ```

/// The group id of each selected area (`None` for the others).
pub fn groups(selected: &[bool], neighbours: &[Vec<usize>], rank: &[Option<usize>]) -> Vec<Option<usize>> {
    let n = selected.len();
    let mut component = vec![usize::MAX; n];
    let mut members: Vec<Vec<usize>> = Vec::new();
    for start in (0..n).filter(|&i| selected[i]) {
        if component[start] != usize::MAX {
            continue;
        }
        let id = members.len();
        let mut stack = vec![start];
        let mut these = Vec::new();
        component[start] = id;
        while let Some(i) = stack.pop() {
            these.push(i);
            for &j in &neighbours[i] {
                if selected[j] && component[j] == usize::MAX {
                    component[j] = id;
                    stack.push(j);
                }
            }
        }
        members.push(these);
    }
    let best = |m: &Vec<usize>| m.iter().map(|&i| (rank[i].unwrap_or(usize::MAX), i)).min().unwrap();
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&g| best(&members[g]));
    let mut number = vec![0; members.len()];
    for (k, &g) in order.iter().enumerate() {
        number[g] = k + 1;
    }
    (0..n).map(|i| selected[i].then(|| number[component[i]])).collect()
}
