declare module 'jaro-winkler' {
	/** Jaro-Winkler similarity in [0, 1]. */
	function distance(a: string, b: string, options?: { caseSensitive?: boolean }): number;
	export = distance;
}
