// Filled in by the sentiment work (see issue).
export {};
