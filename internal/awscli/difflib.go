package awscli

import "sort"

// closeMatches is Python's difflib.get_close_matches(word, possibilities,
// n, cutoff): the best possibilities whose similarity ratio to word is at
// least cutoff, best first.
func closeMatches(word string, possibilities []string, n int, cutoff float64) []string {
	type scored struct {
		score float64
		s     string
	}
	var res []scored
	b := []rune(word)
	for _, x := range possibilities {
		a := []rune(x)
		if r := seqRatio(a, b); r >= cutoff {
			res = append(res, scored{r, x})
		}
	}
	sort.SliceStable(res, func(i, j int) bool {
		if res[i].score != res[j].score {
			return res[i].score > res[j].score
		}
		return res[i].s > res[j].s
	})
	var out []string
	for i := 0; i < len(res) && i < n; i++ {
		out = append(out, res[i].s)
	}
	return out
}

// seqRatio is SequenceMatcher(None, a, b).ratio() for short sequences (no
// junk heuristics apply below 200 elements).
func seqRatio(a, b []rune) float64 {
	total := len(a) + len(b)
	if total == 0 {
		return 1
	}
	return 2 * float64(matchingChars(a, b)) / float64(total)
}

// matchingChars sums the sizes of SequenceMatcher's matching blocks: the
// longest common block (leftmost in a, then in b), recursively on both
// sides of it.
func matchingChars(a, b []rune) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	bestI, bestJ, bestSize := 0, 0, 0
	// lengths[j] is the length of the common run ending at a[i-1], b[j-1].
	prev := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > bestSize {
					bestI, bestJ, bestSize = i-cur[j], j-cur[j], cur[j]
				}
			}
		}
		prev = cur
	}
	if bestSize == 0 {
		return 0
	}
	return bestSize + matchingChars(a[:bestI], b[:bestJ]) + matchingChars(a[bestI+bestSize:], b[bestJ+bestSize:])
}
