/**
 * A per-process memo of text → value, emptied when it reaches `max` entries so that memory stays
 * bounded whatever a long-running process is fed. For pure functions of short texts that repeat far
 * more than they differ: words of names and messages (transliteration, stemming, typo-tolerant lexicon
 * matching cost microseconds each; 100k contacts hold 13k distinct name words). Values are shared
 * between callers, so they must never be changed.
 */
export class BoundedMemo<V> {
	private readonly map = new Map<string, V>();

	constructor(private readonly max = 50_000) {}

	get(key: string, compute: (key: string) => V): V {
		let v = this.map.get(key);
		if (v === undefined) {
			if (this.map.size >= this.max) this.map.clear();
			v = compute(key);
			this.map.set(key, v);
		}
		return v;
	}
}
